"""Fine-tune MiniLM with low-rank adapters to tag PolNeAR sources, cues and contents (torch; a GPU if there is one).

Three steps, so that training can run on a machine without spaCy:

    python -m dateline.evaluation.quote_neural_train prepare ../shared/eval/quotes/polnear/train train.npz
    python -m dateline.evaluation.quote_neural_train base base.npz
    python -m dateline.evaluation.quote_neural_train train train.npz base.npz quotes_neural.npz [--dev dev.npz] [--oof oof.npz]

`prepare` parses a split and writes its word-piece sequences with gold labels; `base` writes the
pinned base model in float16 (the runtime rounds the same way); `train` needs only numpy and torch
(`pip install -e '.[train]'`, or a GPU machine's own torch) and writes the adapters that
`extract/quote_neural.py` loads. See src/dateline/data/quotes_neural_README.md.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")  # = quote_tagger.LABELS
IGNORE = -1


def prepare(folder: Path, out: Path, limit: int | None = None, parsed: Path | None = None) -> int:
    """Parse a PolNeAR split (or read its parse from a DocBin, `parsed`) and write its sequences
    (ids, labels, owners, doc of each sequence)."""
    from dateline.evaluation.quotes import article_text, read_attributions
    from dateline.extract.nlp import load_nlp
    from dateline.extract.quote_neural import sequences, wordpiece
    from dateline.extract.quote_tagger_train import gold_labels

    anns = sorted((folder / "attributions").glob("*.ann"))[:limit]
    wp = wordpiece()
    ids, labels, owners, lengths, docs = [], [], [], [], []
    nlp = load_nlp()
    if parsed is not None:
        from spacy.tokens import DocBin

        docs_in = DocBin().from_disk(parsed).get_docs(nlp.vocab)
    else:
        docs_in = nlp.pipe((article_text(a) for a in anns), batch_size=16)
    for n, (ann, doc) in enumerate(zip(anns, docs_in)):
        gold = gold_labels(doc, read_attributions(ann))
        for seq_ids, seq_owners in sequences(doc, wp):
            ids += seq_ids
            owners += seq_owners
            labels += [LABELS.index(gold[o]) if o >= 0 else IGNORE for o in seq_owners]
            lengths.append(len(seq_ids))
            docs.append(n)
    np.savez_compressed(out, ids=np.array(ids, dtype=np.uint16), labels=np.array(labels, dtype=np.int8),
                        owners=np.array(owners, dtype=np.int32), lengths=np.array(lengths, dtype=np.int32),
                        docs=np.array(docs, dtype=np.int32), names=np.array([a.stem for a in anns]))
    return len(anns)


def write_base(out: Path) -> None:
    """The pinned base model's tensors in float16, to carry to a training machine."""
    import zipfile

    from dateline.minilm import package_zip, read_safetensors

    with zipfile.ZipFile(package_zip()) as zf:
        tensors = read_safetensors(zf.read("model.safetensors"))
    np.savez(out, **{k: v.astype(np.float16) for k, v in tensors.items() if v.dtype == np.float32})


def _batches(data, seqs: list[int], size: int, rng=None):
    order = list(seqs)
    if rng is not None:
        rng.shuffle(order)
    starts = np.concatenate([[0], np.cumsum(data["lengths"])])
    for b in range(0, len(order), size):
        chosen = order[b:b + size]
        width = max(data["lengths"][s] for s in chosen) + 2
        ids = np.zeros((len(chosen), width), dtype=np.int64)
        lab = np.full((len(chosen), width), IGNORE, dtype=np.int64)
        for row, s in enumerate(chosen):
            lo, hi = starts[s], starts[s + 1]
            ids[row, 0], ids[row, hi - lo + 1] = 101, 102  # [CLS], [SEP]
            ids[row, 1:hi - lo + 1] = data["ids"][lo:hi]
            lab[row, 1:hi - lo + 1] = data["labels"][lo:hi]
        yield chosen, ids, lab


def build_model(base: dict, rank: int, alpha: float, dropout: float):
    """MiniLM in torch, the same arithmetic as dateline.minilm.Encoder, with adapters on ADAPTED maps."""
    import torch
    from torch import nn

    from dateline.minilm import ADAPTED, HEADS, LAYERS, WIDTH

    class Lora(nn.Module):
        def __init__(self, name):
            super().__init__()
            w = torch.tensor(base[name + ".weight"], dtype=torch.float32)
            self.weight = nn.Parameter(w, requires_grad=rank == 0)
            self.bias = nn.Parameter(torch.tensor(base[name + ".bias"], dtype=torch.float32))
            self.name = name
            if rank:
                self.lora_A = nn.Parameter(torch.randn(rank, w.shape[1]) / math.sqrt(w.shape[1]))
                self.lora_B = nn.Parameter(torch.zeros(w.shape[0], rank))

        def forward(self, x):
            y = x @ self.weight.T + self.bias
            if rank:
                y = y + (alpha / rank) * ((x @ self.lora_A.T) @ self.lora_B.T)
            return y

    def norm(name):
        ln = nn.LayerNorm(WIDTH, eps=1e-12)
        ln.weight.data = torch.tensor(base[name + ".weight"], dtype=torch.float32)
        ln.bias.data = torch.tensor(base[name + ".bias"], dtype=torch.float32)
        return ln

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            e = "embeddings."
            self.word = torch.tensor(base[e + "word_embeddings.weight"], dtype=torch.float32)
            self.pos = torch.tensor(base[e + "position_embeddings.weight"], dtype=torch.float32)
            self.type0 = torch.tensor(base[e + "token_type_embeddings.weight"][0], dtype=torch.float32)
            self.ln0 = norm(e + "LayerNorm")
            self.maps = nn.ModuleDict()
            self.norms = nn.ModuleDict()
            for i in range(LAYERS):
                for a in ADAPTED:
                    self.maps[f"{i}.{a}".replace(".", "_")] = Lora(f"encoder.layer.{i}.{a}")
                for n in ("attention.output.LayerNorm", "output.LayerNorm"):
                    self.norms[f"{i}.{n}".replace(".", "_")] = norm(f"encoder.layer.{i}.{n}")
            self.head = nn.Linear(WIDTH, len(LABELS))
            self.drop = nn.Dropout(dropout)

        def to(self, device):
            self.word, self.pos, self.type0 = self.word.to(device), self.pos.to(device), self.type0.to(device)
            return super().to(device)

        def forward(self, ids):
            b, n = ids.shape
            mask = (ids == 0)[:, None, None, :] * -1e9
            x = self.drop(self.ln0(self.word[ids] + self.pos[:n] + self.type0))
            d = WIDTH // HEADS
            for i in range(LAYERS):
                m = lambda a: self.maps[f"{i}.{a}".replace(".", "_")]  # noqa: E731
                q, k, v = (m(f"attention.self.{t}")(x).view(b, n, HEADS, d).transpose(1, 2)
                           for t in ("query", "key", "value"))
                att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + mask, -1)
                ctx = (self.drop(att) @ v).transpose(1, 2).reshape(b, n, WIDTH)
                x = self.norms[f"{i}_attention_output_LayerNorm"](x + self.drop(m("attention.output.dense")(ctx)))
                h = torch.nn.functional.gelu(m("intermediate.dense")(x))
                x = self.norms[f"{i}_output_LayerNorm"](x + self.drop(m("output.dense")(h)))
            return self.head(x)

        def adapters(self) -> dict[str, np.ndarray]:
            out = {"lora_scale": np.array(alpha / rank if rank else 0.0, dtype=np.float32)}
            for lin in self.maps.values():
                if rank:
                    out[lin.name + ".lora_A"] = lin.lora_A.detach().cpu().numpy().astype(np.float16)
                    out[lin.name + ".lora_B"] = lin.lora_B.detach().cpu().numpy().astype(np.float16)
                else:
                    out[lin.name + ".weight"] = lin.weight.detach().cpu().numpy().astype(np.float16)
                out[lin.name + ".bias"] = lin.bias.detach().cpu().numpy()
            for key, ln in [("embeddings.LayerNorm", self.ln0)] + [
                    (k.replace("_", "."), v)
                    for k, v in self.norms.items()]:
                name = "encoder.layer." + key if key[0].isdigit() else key
                out[name + ".weight"] = ln.weight.detach().cpu().numpy()
                out[name + ".bias"] = ln.bias.detach().cpu().numpy()
            out["classifier.weight"] = self.head.weight.detach().cpu().numpy()
            out["classifier.bias"] = self.head.bias.detach().cpu().numpy()
            return out

    return Model()


def token_f1(pred: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Token F1 of each role (B- and I- together) over labelled tokens."""
    keep = gold != IGNORE
    pred, gold = pred[keep], gold[keep]
    out = {}
    for role, ks in (("SRC", (1, 2)), ("CUE", (3, 4)), ("CON", (5, 6))):
        p, g = np.isin(pred, ks), np.isin(gold, ks)
        tp = (p & g).sum()
        out[role] = 2 * tp / max(p.sum() + g.sum(), 1)
    return out


def predict(model, data, seqs, device, size=64) -> np.ndarray:
    """Label probabilities (pieces, labels) of the chosen sequences, in data order."""
    import torch

    starts = np.concatenate([[0], np.cumsum(data["lengths"])])
    out = np.zeros((len(data["ids"]), len(LABELS)), dtype=np.float32)
    model.eval()
    with torch.no_grad():
        for chosen, ids, _ in _batches(data, seqs, size):
            p = torch.softmax(model(torch.tensor(ids, device=device)), -1).cpu().numpy()
            for row, s in enumerate(chosen):
                lo, hi = starts[s], starts[s + 1]
                out[lo:hi] = p[row, 1:hi - lo + 1]
    return out


def train(data, base, *, seqs=None, dev=None, rank=16, alpha=32.0, epochs=8, lr=5e-4, batch=16,
          dropout=0.1, seed=0, log=print):
    """Fine-tune the adapters (every sequence of `data`, or `seqs`); returns the model."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = build_model(base, rank, alpha, dropout).to(device)
    seqs = list(range(len(data["lengths"]))) if seqs is None else seqs
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(seqs) / batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    for epoch in range(epochs):
        model.train()
        t0, total = time.time(), 0.0
        for _, ids, lab in _batches(data, seqs, batch, rng):
            logits = model(torch.tensor(ids, device=device))
            loss = loss_fn(logits.reshape(-1, len(LABELS)), torch.tensor(lab, device=device).reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        msg = f"epoch {epoch + 1} loss {total:.1f} {time.time() - t0:.1f}s"
        if dev is not None:
            probs = predict(model, dev, range(len(dev["lengths"])), device)
            msg += " dev " + " ".join(f"{k} {v:.3f}" for k, v in token_f1(probs.argmax(1), dev["labels"]).items())
        log(msg)
    return model


def _load(path: Path) -> dict:
    with np.load(path) as z:
        return {k: z[k] for k in z.files}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("folder", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--limit", type=int)
    p.add_argument("--parsed", type=Path, help="the split already parsed (a spaCy DocBin)")
    b = sub.add_parser("base")
    b.add_argument("out", type=Path)
    t = sub.add_parser("train")
    t.add_argument("data", type=Path)
    t.add_argument("base", type=Path)
    t.add_argument("out", type=Path)
    t.add_argument("--dev", type=Path)
    t.add_argument("--rank", type=int, default=16)
    t.add_argument("--alpha", type=float, default=32.0)
    t.add_argument("--epochs", type=int, default=8)
    t.add_argument("--lr", type=float, default=5e-4)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--oof", type=Path, help="also write out-of-fold probabilities of the training data here "
                   "(two more models, each trained on half the documents)")
    args = ap.parse_args(argv)
    if args.step == "prepare":
        print("prepared", prepare(args.folder, args.out, args.limit, args.parsed), "documents")
        return 0
    if args.step == "base":
        write_base(args.out)
        return 0
    data, base = _load(args.data), _load(args.base)
    dev = _load(args.dev) if args.dev else None
    opts = dict(rank=args.rank, alpha=args.alpha, epochs=args.epochs, lr=args.lr, batch=args.batch)
    model = train(data, base, dev=dev, **opts)
    np.savez(args.out, **model.adapters())
    if args.oof:
        import torch

        device = "cuda" if torch.cuda.is_available() else "cpu"
        oof = np.zeros((len(data["ids"]), len(LABELS)), dtype=np.float32)
        fold = data["docs"] % 2
        for k in range(2):
            held = [s for s in range(len(fold)) if fold[s] == k]
            m = train(data, base, seqs=[s for s in range(len(fold)) if fold[s] != k], **opts)
            oof += predict(m, data, held, device)
        np.savez_compressed(args.oof, probs=oof.astype(np.float16))
    return 0


if __name__ == "__main__":
    sys.exit(main())
