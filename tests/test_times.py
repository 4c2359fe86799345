"""find_times: recognition (spans, rejections) and TIMEX3 values against the article date."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.extract.times import find_times

CASES = [
    # (sentence, article date, expected text, expected type, expected value)
    ("At least 11 Palestinians were killed across the West Bank on Friday, officials said.",
     "2023-11-07", "Friday", "DATE", "2023-11-03"),
    ("Since Saturday, a total of 43 Palestinians have been killed in the West Bank.",
     "2023-11-07", "Saturday", "DATE", "2023-11-04"),
    ("Since Saturday, 12 people have been killed in the city.",
     "2023-11-04", "Saturday", "DATE", "2023-10-28"),
    ("The ministry said on Friday that the crossing stayed closed.",
     "2023-11-03", "Friday", "DATE", "2023-11-03"),
    ("The ministers will meet on Friday to discuss the truce.",
     "2023-11-07", "Friday", "DATE", "2023-11-10"),
    ("The talks are scheduled to resume on Thursday in Cairo.",
     "2023-11-07", "Thursday", "DATE", "2023-11-09"),
    ("The 1993 Oslo peace accords aimed for a future Palestinian state.",
     "2023-11-07", "1993", "DATE", "1993"),
    ("The Israeli army launched on Tuesday a large-scale attack on Jenin.",
     "2025-01-23", "Tuesday", "DATE", "2025-01-21"),
    ("The operation started in the area yesterday, the group said.",
     "2025-01-23", "yesterday", "DATE", "2025-01-22"),
    ("Security forces had besieged the camp for over 48 days.",
     "2025-01-23", "48 days", "DURATION", "P48D"),
    ("It was his third trip since the start of the war in October.",
     "2023-11-30", "October", "DATE", "2023-10"),
    ("Israel claims the Oct. 7 Hamas attack resulted in 1,400 casualties.",
     "2023-11-15", "Oct. 7", "DATE", "2023-10-07"),
    ("The envoy arrived in Amman on 7 October after a long delay.",
     "2023-11-15", "7 October", "DATE", "2023-10-07"),
    ("The attack on October 7, 2023 killed about 1,200 people in Israel.",
     "2024-03-01", "October 7, 2023", "DATE", "2023-10-07"),
    ("The next round of talks is expected to start on Dec. 4 in Doha.",
     "2023-11-15", "Dec. 4", "DATE", "2023-12-04"),
    ("Officials said the convoy crossed into Gaza last week.",
     "2023-11-07", "last week", "DATE", "2023-W44"),
    ("More aid trucks are expected at the crossing this week.",
     "2023-11-07", "this week", "DATE", "2023-W45"),
    ("Hundreds marched through the city today, witnesses said.",
     "2023-11-07", "today", "DATE", "2023-11-07"),
    ("The hospital is currently running on generators.",
     "2023-11-07", "currently", "DATE", "PRESENT_REF"),
    ("Fuel is now running out across the enclave.",
     "2023-11-07", "now", "DATE", "PRESENT_REF"),
    ("The camp was first built in the 1990s by the agency.",
     "2023-11-07", "the 1990s", "DATE", "199"),
    ("Fighting resumed at 10 a.m. near the camp, residents said.",
     "2023-11-07", "10 a.m.", "TIME", "2023-11-07T10:00"),
    ("Airstrikes hit the camp on Tuesday night, the ministry said.",
     "2023-11-08", "Tuesday night", "TIME", "2023-11-07TNI"),
    ("Aid convoys have crossed daily since the deal.",
     "2023-11-30", "daily", "SET", "P1D"),
    ("Trucks now enter the strip every day through Rafah.",
     "2023-11-30", "every day", "SET", "P1D"),
    ("Officials said 30 people were detained earlier this month.",
     "2023-11-20", "earlier this month", "DATE", "2023-11"),
    ("The siege has lasted more than two weeks.",
     "2023-11-20", "more than two weeks", "DURATION", "P2W"),
    ("The raid came three days ago, residents said.",
     "2023-11-20", "three days ago", "DATE", "2023-11-17"),
    ("Many families fled the north last summer.",
     "2023-11-20", "last summer", "DATE", "2023-SU"),
    ("The ceasefire collapsed in late November 2023.",
     "2024-01-10", "late November 2023", "DATE", "2023-11"),
    ("The clashes started in mid-March, a local official said.",
     "2024-05-10", "mid-March", "DATE", "2024-03"),
    ("Arab officials, whom Blinken had met the day before, echoed the same view.",
     "2023-11-08", "the day before", "DATE", "2023-11-07"),
    ("The curfew ended at midnight Friday.",
     "2023-11-07", "midnight Friday", "TIME", "2023-11-03T24:00"),
    # Conflict-news cases: past-preferring unless the clause looks ahead.
    ("Israel says the Oct. 7 attack killed 1,200 people.",
     "2024-10-01", "Oct. 7", "DATE", "2023-10-07"),
    ("Israel says the Oct. 7 Hamas attack killed 1,200 people.",
     "2024-10-01", "Oct. 7", "DATE", "2023-10-07"),
    ("The talks will resume on Oct. 7 in Cairo.",
     "2024-10-01", "Oct. 7", "DATE", "2024-10-07"),
    ("Since Saturday, a total of 43 Palestinians have been killed.",
     "2023-11-07", "Saturday", "DATE", "2023-11-04"),
    ("Blinken stated that the U.S. would not push for one at this time.",
     "2023-11-08", "at this time", "DATE", "PRESENT_REF"),
    ("Settlers were allowed to torch villages over multiple straight days.",
     "2025-01-23", "multiple straight days", "DURATION", "PXD"),
    ("The group agreed in June to hand over the suspects.",
     "1999-10-30", "June", "DATE", "1999-06"),
    ("It lost 50 million pounds in the year ended March 31.",
     "1989-10-31", "March 31", "DATE", "1989-03-31"),
    ("The fund bought shares from Sept. 14 to Thursday.",
     "1989-10-30", "Sept. 14", "DATE", "1989-09-14"),
    ("Violence has risen sharply in recent months across the West Bank.",
     "2023-11-07", "recent months", "DURATION", "PXM"),
    ("The ceasefire talks are expected to end late Tuesday.",
     "2023-11-07", "late Tuesday", "DATE", "2023-11-07"),
    ("Atlanta again, in nineteen ninety-seven.",
     "1998-02-27", "nineteen ninety-seven", "DATE", "1997"),
    ("The 30-day truce expired at dawn.",
     "2023-11-07", "30-day", "DURATION", "P30D"),
    ("Net income fell from the year-earlier period.",
     "1989-10-30", "the year-earlier period", "DATE", "1988"),
    ("Three decades later, Israel still controls most of the West Bank.",
     "2023-11-07", "Three decades later", "DURATION", "P30Y"),
    ("Officials said the border crossing reopened last week.",
     "2023-11-15", "last week", "DATE", "2023-W45"),
    # Financial and weekly news: the article's year, its last quarter, the last weekend.
    ("Sales for the full year rose 13% to $6.6 billion.",
     "1989-11-02", "the full year", "DATE", "1989"),
    ("It had revenue of $76 million for the year ended March 31.",
     "1989-11-01", "the year", "DURATION", "P1Y"),
    ("Over the weekend, mediators met both delegations in Doha.",
     "2023-11-13", "the weekend", "DATE", "2023-W45-WE"),
    ("Traders squared positions ahead of the weekend.",
     "2023-11-08", "the weekend", "DATE", "2023-W45-WE"),
    ("Sales in the latest period were $1.76 billion.",
     "1989-11-02", "the latest period", "DATE", "1989-Q3"),
    ("Net sales for this year's third quarter were $14 million.",
     "1989-11-01", "this year's third quarter", "DATE", "1989-Q3"),
    ("Profit fell from the corresponding period last year.",
     "1989-11-01", "the corresponding period last year", "DATE", "1988"),
    ("The company hopes to complete the sale by year-end.",
     "1989-11-02", "year-end", "DATE", "1989"),
    ("The militia was formed in June last year.",
     "1998-02-19", "June last year", "DATE", "1997-06"),
    ("Farkas was made a general on Sept. 2, 1995, and the following year he went abroad.",
     "1998-04-18", "the following year", "DATE", "1996"),
    ("The camp was built in 1948 and grew later that year.",
     "2023-11-07", "later that year", "DATE", "1948"),
    ("The region was the staging ground of wars in the 20th century.",
     "2023-11-07", "the 20th century", "DATE", "19"),
    ("The movement grew in the nineties.",
     "2023-11-07", "the nineties", "DATE", "199"),
    ("The court hearing is set for the week of March 6.",
     "2000-02-24", "the week of March 6", "DATE", "2000-W10"),
    ("Pilgrims prayed as Easter week began.",
     "2000-04-17", "Easter week", "DATE", "2000-W16"),
    ("The tunnel was found in mid-1996 by the army.",
     "1998-02-19", "mid-1996", "DATE", "1996"),
    # Amounts of time: fractions, plurals without a number, vague counts before "ago".
    ("The envoy spent 5 1/2 hours in Nairobi.",
     "1998-08-17", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("The siege lasted 2 1/2 years.",
     "2023-11-07", "2 1/2 years", "DURATION", "P2Y6M"),
    ("In the first hours of the truce, the streets were calm.",
     "2023-11-07", "the first hours", "DURATION", "PTXH"),
    ("The two men met several years ago in Cairo.",
     "2023-11-07", "several years ago", "DATE", "PAST_REF"),
    ("Aid is expected to reach the north in the coming weeks.",
     "2023-11-07", "the coming weeks", "DURATION", "PXW"),
    ("Talks could resume in the near future, the envoy said.",
     "2023-11-07", "the near future", "DATE", "FUTURE_REF"),
    # The tense of the clause, and the words just before the date.
    ("The group would be ready to leave as soon as Tuesday.",
     "2000-04-03", "Tuesday", "DATE", "2000-04-04"),
    ("Officials postponed until Tuesday morning any action on the permit.",
     "2000-03-30", "Tuesday morning", "TIME", "2000-04-04TMO"),
    ("Until Thursday, they had not called him a suspect.",
     "1999-05-07", "Thursday", "DATE", "1999-05-06"),
    ("His relatives could not be located Wednesday in their hometown.",
     "2000-01-06", "Wednesday", "DATE", "2000-01-05"),
    ("The attorney has scheduled a news conference Thursday.",
     "1999-05-05", "Thursday", "DATE", "1999-05-06"),
    ("The company declared a dividend, payable Dec. 15 to holders of record.",
     "1989-10-26", "Dec. 15", "DATE", "1989-12-15"),
    ("The bank said its effort would continue past the Nov. 1 deadline.",
     "1989-10-27", "Nov. 1", "DATE", "1989-11-01"),
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.",
     "1998-08-08", "10:35 a.m.", "TIME", "1998-08-07T10:35"),
    ("The offer was extended until 5 p.m. EST, Nov. 6.",
     "1989-10-30", "5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00"),
    ("By mid afternoon, officials reported heavy shelling.",
     "1998-03-06", "mid afternoon", "TIME", "1998-03-06TAF"),
]


@pytest.mark.parametrize("sentence,published,text,kind,value", CASES)
def test_times_value(nlp, sentence, published, text, kind, value):
    times = find_times(nlp(sentence), published=date.fromisoformat(published))
    found = {t.text: t for t in times}
    assert text in found, f"{text!r} not among {list(found)}"
    assert (found[text].type, found[text].value) == (kind, value)
    assert sentence[found[text].start:found[text].end] == text
    assert found[text].anchor == published


@pytest.mark.parametrize("sentence,text,mod", [
    ("The deadly Hamas attack in early October prompted a fierce bombardment.",
     "early October", "START"),
    ("The agency expects aid to resume in mid-December.", "mid-December", "MID"),
    ("Officials said the camp was emptied late last year.", "late last year", "END"),
    ("The siege has lasted about three weeks.", "three weeks", "APPROX"),
    ("The forces besieged the camp for over 48 days.", "48 days", "MORE_THAN"),
])
def test_times_mod(nlp, sentence, text, mod):
    times = find_times(nlp(sentence), published=date(2023, 11, 15))
    found = {t.text: t for t in times}
    assert text in found, f"{text!r} not among {list(found)}"
    assert found[text].mod == mod


@pytest.mark.parametrize("sentence,not_a_time", [
    ("A 14-year-old boy was killed near Nablus.", "14-year"),
    ("The man, 45 years old, was detained at a checkpoint.", "45 years"),
    ("More than 2000 troops were deployed to the border.", "2000"),
    ("Prime Minister Theresa May said the talks had failed.", "May"),
    ("May they find peace, the mourners said.", "May"),
    ("Prices fall when the crossings open.", "fall"),
    ("Three-quarters of the homes in the camp were damaged.", "quarter"),
    ("Officials spoke on ABC's \"This Week\" program.", "Week"),
    ("It will be a second betrayal, she said.", "second"),
    ("Thousands joined the annual March for Life in Washington.", "March"),
    ("Analysts said 2000 soldiers had been deployed.", "2000"),
])
def test_times_rejects_non_times(nlp, sentence, not_a_time):
    times = find_times(nlp(sentence), published=date(2023, 11, 7))
    assert not any(not_a_time in t.text for t in times), times


def test_times_three_decades_later_is_not_a_future_date(nlp):
    text = ("The 1993 Oslo accords aimed for a Palestinian state. However, three decades later, "
            "Israel still controls most of the West Bank.")
    times = find_times(nlp(text), published=date(2023, 11, 7))
    later = [t for t in times if "decades" in t.text]
    assert later and later[0].type == "DURATION" and later[0].value == "P30Y"
    assert all(t.value[:4] <= "2023" for t in times if t.type == "DATE" and t.value[:1].isdigit())


def test_times_sorted_and_without_article_date(nlp):
    text = "On Friday, troops entered the camp. The siege ended on Oct. 13, 2023 at 10 a.m."
    times = find_times(nlp(text), published=None)
    assert [t.start for t in times] == sorted(t.start for t in times)
    values = {t.text: t.value for t in times}
    assert values["Friday"].startswith("XXXX")
    assert values["Oct. 13, 2023"] == "2023-10-13"
    assert all(t.anchor is None for t in times)


def _seed(seeds_dir, prefix):
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    raw = path.read_text(encoding="utf-8").lstrip()
    _, stated, text = raw.split(" ", 2)
    return date.fromisoformat(stated), text


@pytest.mark.parametrize("prefix,expected", [
    ("000", {"Friday": "2023-11-03", "The day": "2023-11-03", "Saturday": "2023-11-04",
             "currently": "PRESENT_REF", "recent": "PAST_REF", "1993": "1993",
             "three decades later": "P30Y"}),
    ("001", {"Tuesday": "2025-01-21", "yesterday": "2025-01-22", "48 days": "P48D",
             "multiple straight days": "PXD", "now": "PRESENT_REF"}),
    ("002", {"at this time": "PRESENT_REF", "the day before": "2023-11-07"}),
    ("003", {"October": "2023-10"}),
    ("004", {"early October": "2023-10", "recent": "PAST_REF", "Oct. 7": "2023-10-07"}),
])
def test_times_seed_values(nlp, seeds_dir, prefix, expected):
    """Every time expression of the seeds, and nothing else."""
    published, text = _seed(seeds_dir, prefix)
    times = find_times(nlp(text), published=published)
    assert {t.text: t.value for t in times} == expected
    assert not any("year-old" in t.text for t in times)
