"""Extract: one parsed article in, its times, places, figures, quotes, events and flags out."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract.dating import date_facts, with_better_anchor
from dateline.extract.events import find_events
from dateline.extract.figures import find_figures
from dateline.extract.flags import find_flags
from dateline.extract.places import find_places
from dateline.extract.quotes import find_quotes
from dateline.extract.sentences import dated_sentences
from dateline.extract.slant import find_signals
from dateline.extract.times import find_times
from dateline.records import Article, ArticleFacts


def extract_facts(doc: Doc, article: Article, *, quotes_tagger: str = "crf") -> ArticleFacts:
    """All facts of one article; each extractor is a plain function over the parsed doc
    (`quotes_tagger`: the attribution tagger, see find_quotes)."""
    times = with_better_anchor(doc, find_times(doc, published=article.published),
                               published=article.published)
    places = find_places(doc)
    figures = find_figures(doc, times=times, places=places, published=article.published)
    quotes = find_quotes(doc, tagger=quotes_tagger)
    events = find_events(doc, times=times, places=places, figures=figures, quotes=quotes,
                         published=article.published)
    # Each figure, quote and event gets the time expression that governs it (dating.py).
    figures, quotes, events = date_facts(doc, times=times, figures=figures, quotes=quotes,
                                         events=events, published=article.published)
    flags = find_flags(doc, times=times, published=article.published)
    sentences = dated_sentences(doc, times=times, published=article.published)
    return ArticleFacts(article=article, times=tuple(times), places=tuple(places),
                        figures=tuple(figures), quotes=tuple(quotes), events=tuple(events),
                        flags=tuple(flags), sentences=tuple(sentences),
                        signals=tuple(find_signals(doc)))
