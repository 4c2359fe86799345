"""Tests for the figures extractor: metric, value, qualifier, who, reporter, scope and links to times and places."""

import pytest

from dateline.extract.figures import find_figures
from dateline.records import PlaceMention, TimeMention


def figures(nlp, text, **kw):
    return find_figures(nlp(text), times=kw.get("times", []), places=kw.get("places", []), published=None)


@pytest.mark.parametrize("sentence,metric,value,who", [
    ("At least eight people were martyred and dozens were injured in the raid.", "killed", 8, "people"),
    ("Two soldiers were wounded by sniper fire near Hebron.", "injured", 2, "soldiers"),
    ("Officials said 30 people were still missing after the strike.", "missing", 30, "people"),
    ("Israeli forces detained 15 Palestinians overnight in Nablus.", "detained", 15, "Palestinians"),
    ("The army said 240 hostages were being held in Gaza.", "hostages", 240, "hostages"),
    ("More than 5,000 families fled their homes.", "displaced", 5000, "families"),
    ("The strike left 12 dead, medics said.", "killed", 12, None),
    ("Israel claims the attack resulted in 1,400 casualties.", "casualties", 1400, None),
    ("The death toll rose to 4,200 on Tuesday.", "killed", 4200, None),
])
def test_figures_metric_value_and_who(nlp, sentence, metric, value, who):
    (fig,) = [f for f in figures(nlp, sentence) if f.value == value]
    assert (fig.metric, fig.who) == (metric, who)


@pytest.mark.parametrize("sentence", [
    "The 1993 Oslo peace accords aimed for a future Palestinian state.",
    "The security services had besieged Jenin camp for over 48 days.",
    "The UN appealed for $294 million in aid.",
    "About 70 percent of the dead were women and children.",
    "Ahmed, 19, said he had seen the convoy on Oct. 7.",
    "Three decades later, Israel still controls most of the West Bank.",
])
def test_figures_skips_numbers_that_are_not_people(nlp, sentence):
    assert figures(nlp, sentence) == []


def test_figures_agents_are_not_victims(nlp):
    figs = figures(nlp, "Twelve gunmen killed three villagers at dawn.")
    assert [(f.value, f.who) for f in figs] == [(3, "villagers")]


def test_figures_age_noun_counts_one(nlp):
    (fig,) = figures(nlp, "Troops shot dead a 16-year-old girl near Jenin, medics said.")
    assert (fig.value, fig.who, fig.metric) == (1, "girl", "killed")


@pytest.mark.parametrize("sentence,reporter", [
    ("Five people were killed, according to the Palestinian Red Crescent.", "Palestinian Red Crescent"),
    ("Two people were killed, according to official news agency WAFA.", "WAFA"),
    ("The Israeli military said 20 militants were killed in the clashes.", "Israeli military"),
    ("Gaza health authorities report that over 9,000 people have been killed.", "Gaza health authorities"),
    ("At least 40 people were killed in the strikes, the agency reported, citing medics.", "agency"),
    ("At least 40 people were killed in the strikes on Monday.", None),
    ("Israeli strikes kill 30 in Gaza, says Gaza health ministry", "Gaza health ministry"),
    ("Israeli strikes kill at least 50 in Gaza: health ministry", "health ministry"),
    ("Gaza toll tops 20,000: Hamas-run health ministry", "Hamas-run health ministry"),
    ("Casualties: 30 killed in Rafah", None),
    ("The official Palestinian news agency WAFA reported that four of the dead were killed near Tulkarem.", "WAFA"),
    ("Israeli security forces killed at least 11 Palestinians across the occupied West Bank on Friday, the "
     "Palestinian Ministry of Health said, as Palestinians there marched in solidarity with Gaza.",
     "Palestinian Ministry of Health"),
])
def test_figures_reporter(nlp, sentence, reporter):
    (fig,) = figures(nlp, sentence)
    assert fig.reporter == reporter


@pytest.mark.parametrize("sentence,scope", [
    ("Since Saturday, a total of 43 Palestinians have been killed in the West Bank.", "cumulative"),
    ("The death toll in Gaza has climbed to 2,300.", "cumulative"),
    ("So far, 120 people have died of their wounds.", "cumulative"),
    ("Four people were killed in an airstrike on Rafah on Tuesday.", "incident"),
    ("A district official said five people had likely been killed when the plane crashed.", "incident"),
])
def test_figures_scope(nlp, sentence, scope):
    (fig,) = figures(nlp, sentence)
    assert fig.scope == scope


def test_figures_subset_is_a_separate_figure(nlp):
    text = "Since October, over 15,000 Palestinians, including more than 6,000 children, have lost their lives."
    figs = figures(nlp, text)
    assert [(f.value, f.who, f.metric, f.qualifier) for f in figs] == [
        (15000, "Palestinians", "killed", "more_than"), (6000, "children", "killed", "more_than")]
    parent, child = figs
    assert parent.start <= child.start and child.end <= parent.end
    assert child.text == "more than 6,000 children"


def test_figures_take_date_since_and_place_from_the_sentence(nlp):
    text = "Since Saturday, 43 Palestinians have been killed. On Friday, 11 were killed in Jenin and Nablus."
    sat, fri = text.index("Saturday"), text.index("Friday")
    times = [TimeMention(sat, sat + 8, "Saturday", "DATE", "2023-10-07"),
             TimeMention(fri, fri + 6, "Friday", "DATE", "2023-10-13")]
    jenin, nablus = text.index("Jenin"), text.index("Nablus")
    places = [PlaceMention(jenin, jenin + 5, "Jenin", "Jenin"), PlaceMention(nablus, nablus + 6, "Nablus", "Nablus")]
    first, second = figures(nlp, text, times=times, places=places)
    assert (first.since, first.date, first.place) == ("2023-10-07", None, None)
    assert (second.since, second.date, second.place) == (None, "2023-10-13", "Jenin")


def test_figures_span_runs_from_number_to_verb(nlp):
    text = "At least 11 Palestinians were killed and dozens injured across the West Bank."
    figs = figures(nlp, text)
    assert [f.text for f in figs] == ["At least 11 Palestinians were killed", "dozens injured"]
    assert all(text[f.start:f.end] == f.text for f in figs)


@pytest.mark.parametrize("sentence,side", [
    ("At least 11 Palestinians were killed in the West Bank on Friday.", "palestine"),
    ("Two Israeli soldiers were killed near the border.", "israel"),
    ("At least 109 people were killed by gunmen at a music festival.", "israel"),
    ("Two girls were killed in an Israeli airstrike on Gaza City.", "palestine"),
    ("Over 2,300 Israelis and Palestinians have been killed so far.", "both"),
])
def test_figures_victim_side(nlp, sentence, side):
    from dateline.extract.figure_sides import victim_side

    (fig,) = [f for f in figures(nlp, sentence) if f.metric == "killed"]
    assert victim_side(fig, sentence, 0) == side


def test_figures_report_carries_to_the_running_total(nlp):
    text = ("According to the Ministry of Health in Gaza, 317 Palestinians were killed today. "
            "In total, 1,417 have been killed in Gaza since 7 October.")
    assert [(f.value, f.reporter, f.scope) for f in figures(nlp, text)] == [
        (317, "Ministry of Health in Gaza", "incident"), (1417, "Ministry of Health in Gaza", "cumulative")]


def test_figures_restated_figure_is_one_claim(nlp):
    text = "Over 15,000 Palestinians have been killed. Q: How many? Over 15,000 Palestinians have been killed."
    (fig,) = figures(nlp, text)
    assert [text[s:e] for s, e in fig.mentions] == ["Over 15,000 Palestinians have been killed"] * 2


def test_figures_subset_without_a_metric_word_counts_what_its_parent_counts(nlp):
    text = "The ministry said 33 people died of their wounds, including 12 women."
    assert [(f.metric, f.value, f.who, f.parent) for f in figures(nlp, text)] == [
        ("killed", 33, "people", None), ("killed", 12, "women", 0)]


@pytest.mark.parametrize("sentence,expected", [
    ("Militants have killed nearly 400 people in over 500 attacks this year.", [("killed", 400, "people")]),
    ("The floods displaced more than 3,000 people, who now live in six evacuation camps.",
     [("displaced", 3000, "people")]),
    ("Activists say about 13,700 dogs are slaughtered in the city every month.", []),
    ("Musicians have faced arrests and bans on more than 150 concerts since 2019.", []),
])
def test_figures_counted_things_are_not_casualties(nlp, sentence, expected):
    assert [(f.metric, f.value, f.who) for f in figures(nlp, sentence)] == expected


def test_figures_vague_count_of_deaths_names_no_victims(nlp):
    (fig,) = figures(nlp, "The clashes caused hundreds of deaths in the coastal region.")
    assert (fig.metric, fig.low, fig.who) == ("killed", 200, None)


@pytest.mark.parametrize("sentence", [
    "Excessive internet use is hurting the health of minors under the age of 18, officials warned.",
    '"No one should be detained at Guantanamo," Sepulveda said.',
])
def test_figures_ages_and_no_one_are_not_counts(nlp, sentence):
    assert figures(nlp, sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("On 26 November, 17 hostages held in Gaza and 39 Palestinian detainees held in Israeli prisons were released.",
     [("hostages", 17), ("detained", 39)]),
    ("Hamas claimed seven hostages had been killed by Israeli airstrikes.", [("killed", 7)]),
])
def test_figures_counted_noun_says_who_is_held_unless_the_verb_says_what_befell_them(nlp, sentence, expected):
    assert [(f.metric, f.value) for f in figures(nlp, sentence)] == expected
