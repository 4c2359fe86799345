"""Tests for the quotes extractor: marks, speakers, cues, reported speech and in-article resolution."""

import pytest

from dateline.extract.quotes import find_quotes, rule_quotes


def rows(nlp, text):
    return [(q.text, q.speaker, q.cue, q.direct) for q in find_quotes(nlp(text))]


@pytest.mark.parametrize("text,content", [
    ("“We will not stop until the hostages are home,” the minister said.",
     "We will not stop until the hostages are home"),
    ("‘Israel’s campaign has failed in every way,’ the spokesman said.",
     "Israel’s campaign has failed in every way"),
    ('"The crossing will stay closed for now," the official said.', "The crossing will stay closed for now"),
    ("'The situation in the camp is catastrophic,' the doctor said.", "The situation in the camp is catastrophic"),
])
def test_quotes_direct_marks_and_apostrophes(nlp, text, content):
    ((got, _, cue, direct),) = rows(nlp, text)
    assert (got, cue, direct) == (content, "said", True)


def test_quotes_scare_quotes_are_not_statements(nlp):
    assert rows(nlp, "The army launched an ‘all-out’ operation in the ‘Gazafied’ camp.") == []


@pytest.mark.parametrize("text,speaker,cue,content", [
    ("Hamas said in a statement that the offensive would fail.", "Hamas", "said",
     "the offensive would fail"),
    ("The Foreign Minister Ayman Safadi warned that the war could spread to the whole region.",
     "Ayman Safadi", "warned", "the war could spread to the whole region"),
    ("Abbas urged the United States to stop the assault on Gaza.", "Abbas", "urged",
     "the United States to stop the assault on Gaza"),
])
def test_quotes_reported_speech(nlp, text, speaker, cue, content):
    ((got, who, got_cue, direct),) = rows(nlp, text)
    assert (got, who, got_cue, direct) == (content, speaker, cue, False)


def test_quotes_surname_and_pronoun_resolve_to_full_name(nlp):
    text = ("Secretary of State Antony Blinken met regional leaders in Amman. "
            "“A ceasefire now would only help Hamas regroup,” Blinken said. "
            "“We need humanitarian pauses to get aid in,” he added.")
    assert [(q.speaker, q.cue) for q in find_quotes(nlp(text))] == [
        ("Antony Blinken", "said"), ("Antony Blinken", "added")]


@pytest.mark.parametrize("later", ["Pederson", "Al-Sharaa", "al-Rufay’i"])
def test_quotes_a_surname_spelt_differently_later_resolves_to_the_full_name(nlp, later):
    full = {"Pederson": "Geir Pedersen", "Al-Sharaa": "Ahmed al-Sharaa", "al-Rufay’i": "Abdallah al-Rufay'i"}[later]
    text = (f"The envoy {full} met officials in Damascus on Monday. "
            f"“The talks must continue without conditions,” {later} said.")
    assert [q.speaker for q in find_quotes(nlp(text))] == [full]


@pytest.mark.parametrize("a, b, same", [
    ("Pedersen", "Pederson", True),       # one letter apart, long: a misspelling
    ("al-Rufay'i", "al-Rufay’i", True),  # the apostrophe's shape
    ("al-Sharaa", "Al-Sharaa", True),     # case
    ("Hansen", "Hanson", False),          # short: two people as likely as one
    ("Pedersen", "Federsen", False),      # another initial
])
def test_same_surname(a, b, same):
    from dateline.extract.speakers import same_surname

    assert same_surname(a, b) is same


def test_quotes_the_group_is_the_last_organisation(nlp):
    text = ("The rights group, named ‘Breaking the Silence’, said the army had launched a raid on the camp. "
            "The camp is being destroyed by a series of ‘airstrikes and demolitions of homes’, the group added.")
    quotes = find_quotes(nlp(text))
    assert {q.speaker for q in quotes} == {"Breaking the Silence"}
    assert any(q.text.startswith("the army had launched") for q in quotes)
    assert any(q.cue == "added" for q in quotes)


def test_quotes_speaker_span_points_at_the_nearest_mention(nlp):
    text = "“Our people will never leave this land, whatever happens,” he said."
    doc = nlp("Mustafa Barghouti spoke in Ramallah. " + text)
    (q,) = find_quotes(doc)
    assert doc.text[q.speaker_span[0]:q.speaker_span[1]] == "he"
    assert q.speaker == "Mustafa Barghouti"


@pytest.mark.parametrize("text,speaker,content", [
    ("According to the Gaza health ministry, the hospital has run out of fuel.", "Gaza health ministry",
     "the hospital has run out of fuel"),
    ("The hospital has run out of fuel, according to the Gaza health ministry.", "Gaza health ministry",
     "The hospital has run out of fuel"),
])
def test_quotes_according_to_credits_the_rest_of_the_sentence(nlp, text, speaker, content):
    ((got, who, cue, direct),) = rows(nlp, text)
    assert (got, who, cue.lower(), direct) == (content, speaker, "according", False)


def test_quotes_source_span_keeps_the_apposition(nlp):
    text = "Brian Fallon, the campaign’s press secretary, questioned the integrity of the count."
    doc = nlp(text)
    (q,) = find_quotes(doc)
    assert text[slice(*q.speaker_span)] == "Brian Fallon, the campaign’s press secretary,"
    assert (q.speaker, q.speaker_role, q.text) == (
        "Brian Fallon", "the campaign’s press secretary", "the integrity of the count")


def spans(nlp, text):
    doc = nlp(text)
    return [(q.text, q.speaker, text[slice(*q.speaker_span)] if q.speaker_span else None) for q in find_quotes(doc)]


def test_quotes_relative_pronoun_is_the_source_mention(nlp):
    text = "Netanyahu, who insists that the offensive will continue, met the envoy on Monday."
    assert spans(nlp, text) == [("the offensive will continue", "Netanyahu", "who")]


def test_quotes_transcript_lines_credit_the_label(nlp):
    text = "PENCE: We will win this election in November and keep our promises.\nQ: What about the economy?"
    assert [(t, who) for t, who, _ in spans(nlp, text)] == [
        ("We will win this election in November and keep our promises.", "PENCE"),
        ("What about the economy?", "Q")]


def test_quotes_transcript_line_keeps_the_quotes_inside_it(nlp):
    text = ('Partial transcript:\n\n"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode '
            'of “Shark Tank and other shows.” But this is America, Chris.')
    assert [who for _, who, _ in spans(nlp, text)] == ["PENCE"]


def test_quotes_signed_quote_credits_the_signature_in_full(nlp):
    text = ("Bernie Sanders spoke in Iowa on Monday.\n\n"
            '"Wealth is going to the top 1 percent of this country."\n\n- Sanders.\n\nThe senator left.')
    assert [(who, src) for t, who, src in spans(nlp, text) if t.startswith("Wealth")] == [
        ("Bernie Sanders", "Sanders")]


def test_quotes_speaker_is_the_person_named_beside_the_title(nlp):
    text = ("On 26 October, the Humanitarian Coordinator for the Occupied Palestinian Territory, "
            "Lynn Hastings, stated that no place in Gaza is safe.")
    assert [who for _, who, _ in spans(nlp, text)] == ["Lynn Hastings"]


def test_quotes_faq_questions_are_nobodys_speech(nlp):
    text = ("Blinken urged restraint in Gaza.\n\nQ: What did Blinken stress during his visit?\n\n"
            "Blinken stressed the importance of protecting civilians.")
    assert "Q" not in [who for _, who, _ in spans(nlp, text)]


def test_quotes_nested_cue_is_part_of_the_outer_statement(nlp):
    assert spans(nlp, "Clinton said she believes the plan will fail.") == [
        ("she believes the plan will fail", "Clinton", "Clinton")]


def test_quotes_inverted_speaker_leaves_the_comma_to_the_quote(nlp):
    text = "“We have offices in every district,” said Stephanie Formas, the campaign’s spokeswoman, “and we will keep them.”"
    assert {who for _, _, who in spans(nlp, text)} == {"Stephanie Formas, the campaign’s spokeswoman"}


@pytest.mark.parametrize("text", [
    "Mustafa Barghouti spoke in Ramallah.",  # a place is the setting, not what was said
    "The army launched an operation in the camp.",  # physical acts are events, not statements
])
def test_quotes_settings_and_deeds_are_not_statements(nlp, text):
    assert spans(nlp, text) == []


@pytest.mark.parametrize("text,content,mention", [
    ("Hamas leaders want a full withdrawal from the strip.", "a full withdrawal from the strip", "Hamas leaders"),
    ("Lawmakers argued that the measure would fail.", "the measure would fail", "Lawmakers"),
    ("Trump's claim that the election was rigged drew criticism.", "the election was rigged", "Trump's"),
])
def test_quotes_stances_and_nominal_cues(nlp, text, content, mention):
    assert (content, mention) in [(t, m) for t, _, m in spans(nlp, text)]


@pytest.mark.parametrize("text,content,mention", [
    ("The strike, the health ministry said, killed at least 12 people in the camp.",
     "The strike, the health ministry said, killed at least 12 people in the camp", "the health ministry"),
    ("The talks, Blinken said on Monday, would resume next week in Cairo.",
     "The talks, Blinken said on Monday, would resume next week in Cairo", "Blinken"),
    ("The crossing, which, officials said, is the only route for aid, stayed shut.",
     "which, officials said, is the only route for aid", "officials"),
])
def test_quotes_cue_set_off_in_commas_credits_the_clause_around_it(nlp, text, content, mention):
    doc = nlp(text)
    assert [(q.text, text[slice(*q.speaker_span)]) for q, _ in rule_quotes(doc)] == [(content, mention)]
    # the tagger may split the clause at the aside, as PolNeAR does; every piece keeps the source
    assert {text[slice(*q.speaker_span)] for q in find_quotes(doc)} == {mention}


def test_quotes_according_to_phrase_the_parse_glued_to_the_statement_ends_at_its_comma(nlp):
    # the parse tags "reeks" a noun and hangs the whole statement from "Limbaugh" as an apposition
    text = "According to conservative talk radio host Rush Limbaugh, the move reeks of “fear” and desperation."
    (q,) = [q for q, _ in rule_quotes(nlp(text))]
    assert (q.text, q.speaker, text[slice(*q.speaker_span)]) == (
        "the move reeks of “fear” and desperation", "Rush Limbaugh", "conservative talk radio host Rush Limbaugh")


def test_quotes_source_phrase_leaves_out_its_time(nlp):
    text = "A group of doctors in 2015 sent a letter to the university, calling for his dismissal."
    assert [(q.text, q.speaker, text[slice(*q.speaker_span)]) for q, _ in rule_quotes(nlp(text))] == [
        ("for his dismissal", "group of doctors", "A group of doctors")]
    assert [q.speaker for q in find_quotes(nlp(text))] == ["group of doctors"]


@pytest.mark.parametrize("text,speaker", [
    ("TEL AVIV – As violence continues to escalate between Israel and Gaza, U.S. Secretary of State Antony "
     "Blinken has returned to the region, urging for a temporary halt to Israel’s military offensive.", "Antony Blinken"),
    ("GAZA CITY (Reuters) - The Gaza health ministry said on Sunday that at least 40 people were killed "
     "in strikes overnight.", "Gaza health ministry"),
])
def test_quotes_opening_dateline_is_never_the_speaker(nlp, text, speaker):
    assert [q.speaker for q in find_quotes(nlp(text))] == [speaker]


@pytest.mark.parametrize("text", [
    "As the situation intensifies, it is crucial to address the root causes of the conflict and work towards peace.",
    "The meeting, which was characterized by differences in opinion, focused on the immediate need for a ceasefire.",
    "While all eyes are on Gaza, the recent violence has highlighted the security challenges in the West Bank.",
    "Since Saturday, 43 deaths have been reported in the West Bank, while in Gaza the toll has passed 1,700.",
    "On 19 October, Israeli airstrikes targeted the vicinities of two bakeries in central Gaza.",
])
def test_quotes_expletive_or_event_subject_is_nobodys_statement(nlp, text):
    assert find_quotes(nlp(text)) == []


def test_quotes_speech_verb_keeps_a_document_as_its_source(nlp):
    text = "The ruling said that a state cannot avoid the conclusion that its process results in removal."
    assert [q.speaker_span and text[slice(*q.speaker_span)] for q in find_quotes(nlp(text))] == ["The ruling"]


def test_quotes_second_party_claim_after_while_is_its_own_statement(nlp):
    text = ("Gaza health authorities report that over 9,000 people have been killed since the Israeli assault "
            "began, while Israel claims the Oct. 7 Hamas attack resulted in 1,400 casualties.")
    assert [(q.speaker, q.text) for q in find_quotes(nlp(text))] == [
        ("Gaza health authorities", "over 9,000 people have been killed since the Israeli assault began"),
        ("Israel", "the Oct. 7 Hamas attack resulted in 1,400 casualties"),
    ]


def test_quotes_content_is_not_carried_over_a_heading_into_an_faq(nlp):
    text = ("Both Israel and Hamas must consider the consequences and seek a sustainable solution that addresses "
            "the needs of all parties involved.\n\nFAQs\n\nQ: What is the core fact from the original article?\n\n"
            "The core fact is that Blinken urged Israel to protect civilians.")
    assert not any("What is" in q.text for q in find_quotes(nlp(text)))


def test_quotes_they_after_two_people_named_stays_unresolved(nlp):
    text = ("Hamas said the talks had failed. Antony Blinken later met Palestinian President Mahmoud Abbas in Ramallah. "
            "They condemned settler attacks in the West Bank.")
    (*_, last) = find_quotes(nlp(text))
    assert (text[slice(*last.speaker_span)], last.speaker) == ("They", None)


def test_quotes_pair_of_speakers_named_together_each_resolves_to_the_full_name(nlp):
    text = ("Donald Trump met Volodymyr Zelenskyy in the Oval Office. Trump and Zelenskyy disagreed over who was "
            "responsible for starting the war.")
    (q,) = find_quotes(nlp(text))
    assert (q.speaker, text[slice(*q.speaker_span)]) == ("Donald Trump and Volodymyr Zelenskyy", "Trump and Zelenskyy")


def test_quotes_clause_around_its_own_cue_must_go_on_past_it(nlp):
    text = ("On Friday, Secretary of State Rubio told VOA during a press gaggle that he believes leaders from the "
            "U.S. and China will meet at some point.")
    found = find_quotes(nlp(text))
    assert found and not any("Rubio told" in q.text for q in found)


def test_quotes_named_ministry_is_its_own_speaker_and_the_ministry_refers_back_to_it(nlp):
    text = ("Hamas said the talks failed. The Ministry of Health in Gaza said 30 people were killed. "
            "The Ministry said 12 of them were children.")
    assert [q.speaker for q in find_quotes(nlp(text))] == ["Hamas", "Ministry of Health in Gaza",
                                                          "Ministry of Health in Gaza"]


def test_quotes_one_function_word_is_no_statement(nlp):
    text = ("UN relief chief Martin Griffiths estimated it, and said hundreds of people are still trapped beneath "
            "the rubble awaiting rescue.")
    assert not any(q.text.strip().lower() in ("it", "that") for q in find_quotes(nlp(text)))


def test_quotes_title_then_name_is_a_person_and_a_national_military_names_itself(nlp):
    text = ("Hamas said the talks failed. The Emergency Relief Coordinator, Martin Griffiths, stressed the need to "
            "open another crossing. The Israeli military announced a tactical halt in military activities. "
            "He said the halt was not enough.")
    assert [q.speaker for q in find_quotes(nlp(text))] == [
        "Hamas", "Martin Griffiths", "Israeli military", "Martin Griffiths"]


def test_quotes_he_is_the_speaker_not_a_person_in_what_was_reported(nlp):
    text = "Mahmoud Abbas said Antony Blinken had ignored the Palestinians. He added that the war must end."
    assert [q.speaker for q in find_quotes(nlp(text))] == ["Mahmoud Abbas", "Mahmoud Abbas"]


def test_quotes_pronoun_and_name_pair_takes_the_other_person_for_the_pronoun(nlp):
    text = ("Catherine Russell, UNICEF's executive director, said children are at risk. Christopher Lockyear of MSF "
            "said his teams saw violence. She and Lockyear both urged the council to press the warring parties.")
    assert find_quotes(nlp(text))[-1].speaker == "Catherine Russell and Christopher Lockyear"


def test_quotes_the_group_before_any_organisation_spoke_is_the_last_one_named_as_a_subject(nlp):
    text = ("The Palestinian Authority's forces pulled back, a move that Hamas sharply criticised. In a statement, "
            "the group predicted that the operation would fail as earlier ones had.")
    assert [q.speaker for q in find_quotes(nlp(text)) if "fail" in q.text] == ["Hamas"]


def test_quotes_the_ministry_refers_back_only_to_a_ministry(nlp):
    text = ("The Ministry of Health in Gaza said 30 people were killed. The ministry said 12 of them were children. "
            "Hamas said the talks failed. The military said it struck 40 targets.")
    assert [q.speaker for q in find_quotes(nlp(text))] == [
        "Ministry of Health in Gaza", "Ministry of Health in Gaza", "Hamas", "military"]


def test_quotes_description_then_name_split_by_the_parse_is_named_by_the_name(nlp):
    text = "The official Palestinian news agency WAFA reported that four of the dead were killed near Tulkarem."
    (q,) = find_quotes(nlp(text))
    assert (q.speaker, text[slice(*q.speaker_span)]) == ("WAFA", "The official Palestinian news agency WAFA")


def test_quotes_curly_opening_closed_by_a_straight_mark_ends_there(nlp):
    text = ("* The Secretary-General stated: “We are facing a severe risk of collapse of the humanitarian system. "
            "Such an outcome must be avoided at all cost.\" A session will be held.\n"
            "* On 6 December, eighty trucks entered from Egypt.\n* Aid distribution largely stopped.”")
    direct = [q.text for q in find_quotes(nlp(text)) if q.direct]
    assert direct == ["We are facing a severe risk of collapse of the humanitarian system. "
                      "Such an outcome must be avoided at all cost."]


def test_quotes_heading_the_sentence_splitter_joined_is_not_content(nlp):
    text = ("### Hostilities and Casualties\n\nAccording to the Israeli military, infantry and armoured forces "
            "continued their operations. Hamas claimed seven hostages had been killed. Their claim that another 50 "
            "hostages had been killed could not be verified.")
    found = find_quotes(nlp(text))
    assert not any("Hostilities" in q.text for q in found)
    assert [q.speaker for q in found if "another 50" in q.text] == ["Hamas"]


@pytest.mark.parametrize("text,content,speaker", [
    ("As of 17:30 today, according to the Ministry of Health in Gaza, 900 Palestinians have been killed in Gaza.",
     "900 Palestinians have been killed in Gaza", "Ministry of Health in Gaza"),
    ("Israeli forces killed 5 people in Jenin, according to WAFA.", "Israeli forces killed 5 people in Jenin", "WAFA"),
])
def test_quotes_according_to_in_mid_sentence_credits_the_main_clause(nlp, text, content, speaker):
    assert [(q.text, q.speaker) for q in find_quotes(nlp(text))] == [(content, speaker)]


def test_quotes_a_bullet_mark_is_never_a_source(nlp):
    text = "* Airstrikes continued almost uninterrupted across the Gaza Strip, officials said."
    assert all(q.speaker != "*" for q in find_quotes(nlp(text)))
