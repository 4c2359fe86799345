"""Tests for the attribution tagger: gold labels, paragraph units, chunk grouping and the tagged quotes."""

import pytest

from dateline.extract.quote_tagger import LABELS, shape, tagger, units
from dateline.extract.quote_tagger_spans import attributions, chunks
from dateline.extract.quote_tagger_train import gold_labels
from dateline.extract.quotes import find_quotes


def labels_for(doc, parts):
    """BIO labels from (kind, text) parts, found left to right in the doc's text."""
    gold, pos = {"SRC": "source", "CUE": "cue", "CON": "content"}, 0
    attribution = {}
    for kind, words in parts:
        start = doc.text.index(words, pos)
        pos = start + len(words)
        attribution.setdefault(gold[kind], []).append((start, pos))
    return gold_labels(doc, [attribution])


def test_quote_tagger_model_loads_with_its_labels():
    crf = tagger()
    assert crf is not None
    assert set(crf.labels()) <= set(LABELS)


def test_quote_tagger_shape_collapses_runs():
    assert (shape("Hamas"), shape("U.N."), shape("2024")) == ("Xx", "X.X.", "d")


def test_quote_tagger_units_are_paragraphs(nlp):
    doc = nlp("The minister spoke first. He said the talks would go on.\n\nThe envoy left on Monday.")
    assert [doc[s:e].text.strip() for s, e in units(doc)] == [
        "The minister spoke first. He said the talks would go on.", "The envoy left on Monday."]


def test_quote_tagger_gold_labels_open_each_piece(nlp):
    doc = nlp("The mayor said the shelter would open on Friday.")
    labels = labels_for(doc, [("SRC", "The mayor"), ("CUE", "said"), ("CON", "the shelter would open on Friday")])
    assert labels == ["B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "I-CON", "I-CON", "O"]


def test_quote_tagger_spans_share_a_source_over_a_split_quote(nlp):
    doc = nlp("“We will rebuild every school,” the governor said, “and we will do it this year.”")
    labels = labels_for(doc, [("CON", "We will rebuild every school"), ("SRC", "the governor"), ("CUE", "said"),
                              ("CON", "and we will do it this year.")])
    (a,) = attributions(doc, labels)
    assert doc[a.source.first:a.source.last + 1].text == "the governor"
    assert [doc[c.first:c.last + 1].text for c in a.contents] == [
        "We will rebuild every school", "and we will do it this year."]


def test_quote_tagger_spans_continue_a_quote_in_the_next_sentence(nlp):
    doc = nlp("The union said: “The plant must stay open. Jobs come first.”")
    labels = labels_for(doc, [("SRC", "The union"), ("CUE", "said"), ("CON", "The plant must stay open. Jobs come first.")])
    found = chunks(doc, labels)
    assert [c.kind for c in found] == ["SRC", "CUE", "CON"]


def test_quote_tagger_spans_keep_a_closing_mark_out_of_the_next_sentences_cue(nlp):
    text = ('"He has not shown an ambition for higher office," said Quentin Kidd, a political scientist. '
            '"There is an uncertainty whether he can raise money."\n\nScott bristles at the suggestion he is not ready.')
    doc = nlp(text)
    labels = labels_for(doc, [("CON", "He has not shown an ambition for higher office,"), ("CUE", "said"),
                              ("SRC", "Quentin Kidd, a political scientist"),
                              ("CON", 'There is an uncertainty whether he can raise money."'), ("SRC", "Scott"),
                              ("CUE", "bristles at the suggestion"), ("CON", "he is not ready")])
    money = next(a for a in attributions(doc, labels) if any("money" in doc[c.first:c.last + 1].text for c in a.contents))
    assert money.cue is None or doc[money.cue.first].text == "said"


def test_quote_tagger_spans_lend_the_subject_to_a_second_cue(nlp):
    doc = nlp("The senator denied the report but said her staff would review the contract.")
    labels = labels_for(doc, [("SRC", "The senator"), ("CUE", "denied"), ("CON", "the report"),
                              ("CUE", "said"), ("CON", "her staff would review the contract")])
    got = [(doc[a.source.first:a.source.last + 1].text, doc[a.contents[0].first:a.contents[0].last + 1].text)
           for a in attributions(doc, labels)]
    assert ("The senator", "her staff would review the contract") in got


@pytest.mark.parametrize("text,content,mention", [
    ("The county clerk said the ballots would be counted again on Tuesday.",
     "the ballots would be counted again on Tuesday", "The county clerk"),
    ("“The bridge is not safe for trucks,” the engineer told reporters.", "The bridge is not safe for trucks",
     "the engineer"),
    ("Local farmers, who lost most of their harvest, say the drought relief came too late.",
     "the drought relief came too late", "Local farmers, who lost most of their harvest,"),
    ("According to the fire department, the blaze started in a kitchen.", "the blaze started in a kitchen",
     "the fire department"),
])
def test_quote_tagger_finds_statements_and_whole_source_phrases(nlp, text, content, mention):
    got = [(q.text, text[slice(*q.speaker_span)] if q.speaker_span else None) for q in find_quotes(nlp(text))]
    assert any(c.startswith(content) and m == mention for c, m in got), got
