"""The seed articles' statements come out right with either tagger (read in place from shared/seeds)."""

import pytest

from dateline.extract.quotes import find_quotes


TAGGERS = pytest.mark.parametrize("tagger", ["crf", "neural"])


def seed_quotes(nlp, seeds_dir, prefix, tagger):
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8").strip().split(" ", 2)[2]
    doc = nlp(text)
    return [(q.text, q.speaker, q.cue, q.direct, doc.text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None)
            for q in find_quotes(doc, tagger=tagger)]


@pytest.mark.parametrize("prefix,start,speaker,cue,direct,mention", [
    ("001", "The aggression against Jenin reflects", "Islamic Jihad", "said", True, "Islamic Jihad"),
    ("001", "We are facing an occupying", "Jabarin", "said", True, "Jabarin"),
    ("001", "Our nation has a steel will", "Jabarin", "added", True, "he"),
    ("001", "airstrikes and destruction of infrastructure", "Breaking the Silence", "added", True, "the group"),
    ("001", "launched by the occupation in Jenin will fail", "Hamas", "said", True, "Hamas"),
    ("002", "atrocious, murderous assault by Israel", "Mahmoud Abbas", "demanded", True, "President Abbas"),
    ("003", "doesn’t seem like it’s moving the needle", "Ibrahim Abusharif", "stated", True, None),
    ("004", "if Israel does not halt its assault", "Sayyed Hassan Nasrallah", "warned", False,
     "Sayyed Hassan Nasrallah, the leader of Lebanon’s Hezbollah group,"),
])
@TAGGERS
def test_quotes_seed_statements(nlp, seeds_dir, tagger, prefix, start, speaker, cue, direct, mention):
    found = [q for q in seed_quotes(nlp, seeds_dir, prefix, tagger) if q[0].startswith(start)]
    assert len(found) == 1
    text, got_speaker, got_cue, got_direct, got_mention = found[0]
    assert (got_speaker, got_cue, got_direct) == (speaker, cue, direct)
    if mention is not None:
        assert got_mention == mention


@pytest.mark.parametrize("prefix,start,role,partial", [
    ("003", "doesn’t seem like it’s moving the needle", "of Northwestern University in Qatar", False),
    ("004", "if Israel does not halt its assault", "the leader of Lebanon’s Hezbollah group", False),
    ("001", "We are facing an occupying", None, True),  # "Jabarin" is never named in full
    ("001", "Our nation has a steel will", None, True),
    ("002", "atrocious, murderous assault by Israel", None, False),
])
@TAGGERS
def test_quotes_seed_speaker_role_and_partial_names(nlp, seeds_dir, tagger, prefix, start, role, partial):
    text = next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8").strip().split(" ", 2)[2]
    (q,) = [q for q in find_quotes(nlp(text), tagger=tagger) if q.text.startswith(start)]
    assert (q.speaker_role, q.speaker_partial) == (role, partial)
