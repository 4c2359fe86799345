"""Tests for the quote cue data and helpers: the mined lexicon, the cue model and PolNeAR-style spans."""

import pytest

from dateline.extract.quote_cues import cue_lexicon, cue_words
from dateline.extract.quote_lines import byline_spans, transcript_spans
from dateline.extract.quotes import _direct_spans
from dateline.extract.quote_model import cue_probability, is_cue, weights
from dateline.extract.quote_spans import phrase_span


def test_quote_cues_lexicon_counts_are_consistent():
    rows = cue_lexicon()
    assert rows[("say", "VERB")][0] > 1000
    assert all(0 < cued <= seen for cued, seen in rows.values())
    assert ("say", "VERB") in cue_words() and ("make", "VERB") not in cue_words()


def test_quote_model_weights_are_small_and_load():
    assert 1000 < len(weights()) < 50_000


@pytest.mark.parametrize("text,word,cue", [
    ("The minister said the crossing would reopen.", "said", True),
    ("Hamas argued that the offer was a trap.", "argued", True),
    ("The family ate dinner at home.", "ate", False),
    ("The army raided the camp at dawn.", "raided", False),  # quotes_not_cues.tsv
])
def test_quote_model_scores_cue_verbs(nlp, text, word, cue):
    tok = next(t for t in nlp(text) if t.text == word)
    assert is_cue(tok) is cue
    assert (cue_probability(tok) > 0.5) is cue or word == "raided"


@pytest.mark.parametrize("text,phrase", [
    ("Brian Fallon, the campaign’s press secretary, said the count was flawed.",
     "Brian Fallon, the campaign’s press secretary,"),
    ("Sen. Richard Durbin (D-Ill.) said the count was flawed.", "Sen. Richard Durbin (D-Ill.)"),
    ("Voters who backed Sanders in the primary said the count was flawed.",
     "Voters who backed Sanders in the primary"),
    ("Kall -- co-editor of a book on the debates -- said the count was flawed.",
     "Kall -- co-editor of a book on the debates --"),
])
def test_quote_spans_source_is_the_whole_noun_phrase(nlp, text, phrase):
    doc = nlp(text)
    head = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")
    assert text[slice(*phrase_span(head))] == phrase


@pytest.mark.parametrize("text,names", [
    ("CLINTON: I will fight for you every day.\nDate: Monday", ["CLINTON"]),
    ("Q: Will you run again next year?\nA: I have not decided that yet.", ["Q", "A"]),
    ('The partial transcript:\n\n"WALLACE: Let us start with the debate.\n\n"PENCE: Well, look, we are ready.',
     ["WALLACE", "PENCE"]),
    ("CLARIFICATION: The first sentence has been clarified since.\nREAD MORE: Gaza aid talks stall again", []),
    ("The Latest: Trump to visit Michigan on Friday\nEditor’s Note: This story was updated on Monday.", []),
])
def test_quote_lines_transcript_labels(text, names):
    assert [text[slice(*n)] for n, _ in transcript_spans(text)] == names


@pytest.mark.parametrize("text,names", [
    ("“He can’t even answer a question about his own plan.” ― Krystal Correa\n“Next", ["Krystal Correa"]),
    ('the top 1 percent."\n\n"We will tax the rich at last."\n\n- Bernie Sanders.\n\nThe senator', ["Bernie Sanders"]),
    ('"She\'ll get the Twitter handle, too."\n\n-President Obama, tweeting after the vote', ["President Obama"]),
    ("“No sympathy for anyone who votes for him.” ―\xa0Nell Carden Grey\n", ["Nell Carden Grey"]),
    ('he said "this is not how we work here." - he added', []),  # a dash and a lower-case word
    ('"We will win this election in November," Pence said.', []),
])
def test_quote_lines_byline_names_the_signature(text, names):
    assert [text[slice(*n)] for n, _ in byline_spans(text, _direct_spans(text))] == names
