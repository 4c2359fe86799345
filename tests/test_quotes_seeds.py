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


# Every statement in the seeds, as a reader lists them: (seed, words of the content, speaker).
EVERY_STATEMENT = {
    "000": [
        ("At least 11 Palestinians were killed", "Palestinian Ministry of Health"),
        ("The day witnessed clashes", "official Palestinian news agency WAFA"),
    ],
    "001": [
        ("the young people of the West Bank", "Hamas Movement"),
        ("the citizens who were killed", "Hamas"),
        ("the PA security forces for withdrawing", "Hamas"),
        ("the PA security services had besieged Jenin camp", "Hamas"),
        ("Israeli military operation in Jenin will be doomed", "Hamas"),
        ("link in the chain of its all-out genocidal war", "Islamic Jihad Movement"),
        ("The aggression against Jenin reflects", "Islamic Jihad"),
        ("the Palestinians in the West Bank to resist", "Islamic Jihad"),
        ("Jenin is being ‘Gazafied,’", "anti-occupation group of Israeli army veterans"),
        ("the Israeli military has now launched an ‘all-out’ operation", "Breaking the Silence"),
        ("Jenin now faces being ‘Gazafied’", "Breaking the Silence"),
        ("airstrikes and destruction of infrastructure", "Breaking the Silence"),
        ("The settlers carried out the acts of sabotage", "Breaking the Silence"),
        ("launched by the occupation in Jenin will fail", "Hamas"),
        ("the Palestinian resistance movement will defeat Israel", "senior Hamas official"),
        ("We are facing an occupying and fascist regime", "Jabarin"),
        ("Our nation has a steel will", "Jabarin"),
        ("the Israeli prime minister wants more conflict", "Jabarin"),
        ("Palestinians succeeded in defeating Israel in Gaza", "Jabarin"),
    ],
    "002": [
        ("atrocious, murderous assault by Israel", "Mahmoud Abbas"),
        ("this was not just a war against Hamas", "Mahmoud Abbas"),
        ("the U.S. to fulfill its role as a peacemaker", "Mahmoud Abbas"),
        ("the need for a more mature approach", "Mahmoud Abbas"),
        ("the U.S. commitment to providing humanitarian assistance", "Antony Blinken"),
        ("preventing the forced displacement of Palestinians", "Antony Blinken"),
        ("the importance of adhering to the laws of war", "Antony Blinken"),
        ("increased humanitarian aid supplies to Gaza", "Antony Blinken"),
        ("the U.S. would not push for one at this time", "Antony Blinken"),
        ("the significance of temporary humanitarian pauses", "Antony Blinken"),
        ("the same sentiments", "Arab officials"),
        ("civilian toll of Israeli military operations", "Arab states"),
        ("even modest Arab support is crucial", "U.S. officials"),
    ],
    "003": [
        ("the need for Israel to prioritize the safety of Palestinian civilians", "Antony Blinken"),
        ("Blinken’s efforts have had little impact", "experts"),
        ("doesn’t seem like it’s moving the needle", "Ibrahim Abusharif"),
        ("thousands still missing or trapped under the rubble", "Gaza Ministry of Health"),
        ("Israel to comply with international law", "Antony Blinken"),
        ("the importance of holding settler extremists accountable", "Antony Blinken"),
        ("the US’s commitment to a peace process", "Antony Blinken"),
        ("he would continue to hold those responsible", "Antony Blinken"),
        ("the delivery of humanitarian aid to Gaza", None),  # "They": Blinken and Abbas, not named together
        ("Israel to prioritize the safety of Palestinian civilians before resuming", "Antony Blinken"),  # the FAQ
    ],
    "004": [
        ("a temporary halt to Israel’s military offensive", "Antony Blinken"),
        ("any pause in the offensive should only occur", "Benjamin Netanyahu"),
        ("temporary ceasefires to facilitate efforts", "U.S."),
        ("a humanitarian pause", "Antony Blinken"),
        ("the importance of allowing aid to enter Gaza", "Antony Blinken"),
        ("implementing such a pause would require time", "Antony Blinken"),
        ("the idea of a temporary ceasefire", "Benjamin Netanyahu"),
        ("Israel’s determination to continue the offensive", "Benjamin Netanyahu"),
        ("over 9,000 people have been killed since the Israeli assault began", "Gaza health authorities"),
        ("the Oct. 7 Hamas attack resulted in 1,400 casualties", "Israel"),
        ("the importance of tangible measures", "Antony Blinken"),
        ("if Israel does not halt its assault on Gaza", "Sayyed Hassan Nasrallah"),
        ("the U.S.’s commitment to deter aggression", "Antony Blinken"),
    ],
}


@pytest.mark.parametrize("prefix", sorted(EVERY_STATEMENT))
@TAGGERS
def test_quotes_seed_every_statement_with_its_speaker(nlp, seeds_dir, tagger, prefix):
    found = seed_quotes(nlp, seeds_dir, prefix, tagger)
    missing = [(words, speaker) for words, speaker in EVERY_STATEMENT[prefix]
               if not any(words in text and got == speaker for text, got, *_ in found)]
    assert missing == [], found


@TAGGERS
def test_quotes_seed_no_statement_credited_to_a_dateline_an_event_or_an_expletive(nlp, seeds_dir, tagger):
    found = [q for prefix in ("000", "002", "003", "004") for q in seed_quotes(nlp, seeds_dir, prefix, tagger)]
    mentions = {q[4] for q in found}
    assert not mentions & {"TEL AVIV", "the recent violence", "it", "The focus"}, mentions
    assert not any(m and m.startswith("The meeting") for m in mentions)
    assert not any("What is the core fact" in q[0] for q in found)  # an FAQ's question is nobody's words
    assert not any("Israel claims" in q[0] for q in found)  # the claim against the report is Israel's own
