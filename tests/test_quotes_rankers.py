"""Tests for the source ranker (quote_sources), the quote filter (quote_filter) and the rules' quotes joining the tagger's."""

import pytest

from dateline.evaluation.quotes import write_model
from dateline.extract import quote_filter, quote_sources
from dateline.extract.quote_tagger import MARGINALS
from dateline.extract.quotes import find_quotes


def test_quote_sources_and_filter_models_load():
    assert quote_sources.weights() and quote_filter.weights()
    assert "bias" in quote_sources.weights() and "bias" in quote_filter.weights()


def test_quote_sources_offer_merges_origins_of_one_span(nlp):
    doc = nlp("The mayor said the road would reopen.")
    found = {}
    quote_sources.offer(found, (0, 9), doc[1], "crf")
    quote_sources.offer(found, (0, 9), doc[1], "parse")
    assert list(found) == [(0, 9)] and found[(0, 9)].origins == {"crf", "parse"}


@pytest.mark.parametrize("text,source", [
    ("Brian Fallon, the campaign's press secretary, said the plan would fail.",
     "Brian Fallon, the campaign's press secretary,"),
    ("The county clerk said on Monday that the ballots would be counted again.", "The county clerk"),
    ("The governor visited the flooded town on Monday. She said the dam would be rebuilt.", "She"),
])
def test_quote_sources_pick_the_speaker_phrase(nlp, text, source):
    doc = nlp(text)
    rows = []
    find_quotes(doc, collect=rows)
    picked = [quote_sources.pick(cands) for kind, _, cands, *_ in rows if kind == "source"]
    assert any(c is not None and text[slice(*c[0].span)] == source and 0.0 < c[1] <= 1.0 for c in picked), picked


def test_quote_sources_pick_needs_candidates():
    assert quote_sources.pick([]) is None


def test_quote_tagger_keeps_each_tokens_content_probability(nlp):
    doc = nlp("The county clerk said the ballots would be counted again on Tuesday.")
    find_quotes(doc)
    probs = doc.user_data[MARGINALS]
    assert len(probs) == len(doc) and all(0.0 <= p <= 1.0 + 1e-9 for p in probs)
    assert max(probs[5:12]) > 0.5 > probs[1]  # "the ballots …" is content, "county" is not


def test_quote_filter_trusts_confident_tagging_more(nlp):
    doc = nlp("The county clerk said the ballots would be counted again on Tuesday.")
    said = doc[3]
    args = dict(cue=said, cue_p=0.9, source=doc[2], direct=False, carried=False, rule_tags=["O"] * len(doc))
    doc.user_data[MARGINALS] = [0.95] * len(doc)
    sure = quote_filter.probability(quote_filter.features(doc, 4, 11, **args))
    doc.user_data[MARGINALS] = [0.05] * len(doc)
    unsure = quote_filter.probability(quote_filter.features(doc, 4, 11, **args))
    assert sure > unsure and sure > quote_filter.THRESHOLDS["crf"]


@pytest.mark.parametrize("text,content", [
    ("The county clerk said the ballots would be counted again on Tuesday.",
     "the ballots would be counted again on Tuesday"),
    ("The minister told parliament that the border crossing would stay closed.",
     "the border crossing would stay closed"),
])
def test_quotes_rules_fill_in_where_the_tagger_found_nothing(nlp, text, content):
    doc = nlp(text)
    got = find_quotes(doc, labels=["O"] * len(doc))
    assert any(q.text.startswith(content) for q in got), got


def test_quotes_collect_gives_source_and_quote_rows(nlp):
    doc = nlp("The county clerk said the ballots would be counted again on Tuesday.")
    rows = []
    quotes = find_quotes(doc, collect=rows)
    assert {row[0] for row in rows} == {"source", "quote"}
    assert len([r for r in rows if r[0] == "quote"]) >= len(quotes)


def test_quotes_write_model_keeps_names_and_weights(tmp_path):
    path = tmp_path / "m.tsv"
    assert write_model({"bias": 0.5, "o=crf": -1.25, "tiny": 1e-6}, path, "# head\n") == 2
    assert path.read_text(encoding="utf-8").splitlines() == ["# head", "bias\t0.5000", "o=crf\t-1.2500"]


def test_source_candidates_carry_the_neural_taggers_confidence_at_their_edges(nlp):
    doc = nlp("Brian Fallon, the campaign's press secretary, said the plan would fail.")
    rows = []
    find_quotes(doc, tagger="neural", collect=rows)
    (cands,) = [row[2] for row in rows if row[0] == "source"]
    feats = {c.span: f for c, f in cands}
    whole = feats[(0, 45)]  # "Brian Fallon, the campaign's press secretary,"
    assert {"sp_first=5", "sp_mean=5", "sp_next=0"} <= set(whole), whole  # sure of it, and that it ends there


def test_source_candidates_have_no_confidence_features_without_probabilities(nlp):
    doc = nlp("The mayor said the road would reopen.")
    assert quote_sources._tagged_boundaries(doc, 0, 1) == []


def test_quote_sources_pick_reports_its_confidence_as_a_softmax_share(nlp):
    doc = nlp("The county clerk said on Monday that the ballots would be counted again.")
    rows = []
    find_quotes(doc, collect=rows)
    (clerk,) = next(row[2] for row in rows if row[0] == "source")
    other = (quote_sources.Candidate((0, 3), doc[0], {"prev"}), ["bias", "kind=N:DET"])
    best, share = quote_sources.pick([clerk, other])
    assert best is clerk[0] and 0.5 < share < 1.0
    assert quote_sources.pick([clerk]) == (clerk[0], 1.0)


@pytest.mark.parametrize("src_p,feature", [(None, "srcp=none"), (0.95, "srcp=9"), (0.42, "srcp=4")])
def test_quote_filter_reads_the_rankers_confidence(nlp, src_p, feature):
    doc = nlp("The county clerk said the ballots would be counted again on Tuesday.")
    feats = quote_filter.features(doc, 4, 11, cue=doc[3], cue_p=0.9, source=doc[2], direct=False, carried=False,
                                  rule_tags=["O"] * len(doc), src_p=src_p)
    assert feature in feats
