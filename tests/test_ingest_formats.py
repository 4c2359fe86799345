"""Ingest reads every input format right: fixtures written for these tests, the seeds, the eval files."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.ingest import article_from_text, parse_dateline_text, read_paths
from dateline.records import Article, Drop
from dateline.settings import Settings

DATA = Path(__file__).parent / "data" / "ingest"
SETTINGS = Settings()


def read(*paths, settings: Settings = SETTINGS) -> list[Article | Drop]:
    return list(read_paths(paths, settings=settings))


def articles(*paths, settings: Settings = SETTINGS) -> list[Article]:
    items = read(*paths, settings=settings)
    assert all(isinstance(i, Article) for i in items), [i for i in items if isinstance(i, Drop)]
    return items


@pytest.mark.parametrize("name, dates", [
    ("feed.rss", [date(2023, 11, 6), date(2023, 11, 7), date(2023, 11, 8)]),
    # Atom dates are taken as written: 23:50 at -05:00 is still 2 February there.
    ("feed.atom", [date(2024, 2, 2), date(2024, 2, 3)]),
    ("page.html", [date(2023, 11, 9)]),
    ("articles.csv", [date(2023, 11, 10), date(2023, 11, 13), date(2023, 11, 14)]),
    ("articles.jsonl", [date(2024, 3, 2), date(2024, 3, 3), date(2024, 3, 4)]),
    ("two_articles.txt", [date(2023, 11, 20), date(2023, 11, 21)]),
])
def test_ingest_formats_read_every_record_with_its_date(name, dates):
    found = articles(DATA / name)
    assert [a.published for a in found] == dates
    assert all(a.text and a.text == a.text.strip() for a in found)
    assert all(a.origin.startswith(str(DATA / name) + ":") for a in found)


def test_ingest_formats_rss_items_carry_metadata_and_plain_text():
    first, *_ = articles(DATA / "feed.rss")
    assert first.title == "Shelling hits market in Kafr Dan"
    assert first.source == "Valley Courier"
    assert first.url == "https://courier.example.org/2023/11/06/market"
    assert "<p>" not in first.text
    assert first.text.startswith("At least four people were killed")
    assert "\n\nRescue teams" in first.text  # paragraphs of the description are kept apart
    assert [a.origin.rsplit(":", 1)[1] for a in articles(DATA / "feed.rss")] == ["1", "2", "3"]


def test_ingest_formats_atom_uses_content_then_summary():
    entries = articles(DATA / "feed.atom")
    assert entries[0].text.endswith("Two guards were injured.")
    assert entries[1].text.startswith("Dozens of families returned")
    assert {a.source for a in entries} == {"Border Monitor"}


def test_ingest_formats_html_main_text_and_metadata():
    (page,) = articles(DATA / "page.html")
    assert page.title == "Curfew imposed in Tell Harim"
    assert page.source == "Hillside Herald"
    assert page.url == "https://herald.example.com/news/curfew-tell-harim"
    assert page.text.startswith("The military governor imposed a curfew")  # headline not repeated
    assert "stay indoors" in page.text
    for boilerplate in ("Sport", "All rights reserved"):
        assert boilerplate not in page.text


def test_ingest_formats_csv_keeps_multiline_cells_and_row_origins():
    rows = articles(DATA / "articles.csv")
    assert rows[1].text.endswith("citing the security situation.\nParents were told to keep children at home.")
    assert [r.origin.rsplit(":", 1)[1] for r in rows] == ["2", "3", "5"]
    assert rows[0].source == "Riverside Daily" and rows[0].url == "https://daily.example.org/water"
    assert rows[1].url is None


def test_ingest_formats_csv_sentence_and_article_date_columns(tmp_path):
    path = tmp_path / "tagged.csv"
    path.write_text("article_index,article_title,article_date,sentence,category\n"
                    '0,Mortars hit the port,10/15/2023," Two  mortar rounds landed inside the port, '
                    'officials said. ",attack\n', encoding="utf-8")
    (row,) = articles(path)
    assert row.published == date(2023, 10, 15)
    assert row.title == "Mortars hit the port"
    assert row.text == "Two  mortar rounds landed inside the port, officials said."


def test_ingest_formats_tsv_is_read_by_tabs(tmp_path):
    path = tmp_path / "rows.tsv"
    path.write_text("date\ttext\n2023-12-01\tA bridge on the coastal road collapsed after an airstrike, "
                    "drivers said.\n", encoding="utf-8")
    (row,) = articles(path)
    assert row.published == date(2023, 12, 1) and row.text.startswith("A bridge")


def test_ingest_formats_jsonl_aliases_and_normalised_text():
    first, second, third = articles(DATA / "articles.jsonl")
    assert first.source == "Plains Wire" and first.title == "Checkpoint reopens"
    assert second.text == "Three fishermen were detained off the coast on Sunday, their union said.\nThe navy did not comment."
    assert third.origin.endswith("articles.jsonl:4")  # the blank line 3 is skipped, not dropped


def test_ingest_formats_json_array_file(tmp_path):
    path = tmp_path / "batch.json"
    records = [{"date": "2024-01-0%d" % day, "text": f"Report number {day} from the southern front."}
               for day in (1, 2)]
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    assert [a.published.day for a in articles(path)] == [1, 2]


def test_ingest_formats_dateline_text_paragraphs_continue_the_article(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(" date 2023-11-22 Heavy rain flooded tents in the camp overnight.\n\n"
                    "Volunteers handed out blankets on Wednesday morning.\n", encoding="utf-8")
    (article,) = articles(path)
    assert article.text == ("Heavy rain flooded tents in the camp overnight.\n\n"
                            "Volunteers handed out blankets on Wednesday morning.")


@pytest.mark.parametrize("name", ["articles.jsonl", "feed.rss", "two_articles.txt", "articles.csv"])
def test_ingest_formats_gz_reads_like_its_inner_name(tmp_path, name):
    packed = tmp_path / (name + ".gz")
    with open(DATA / name, "rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    assert [a.id for a in articles(packed)] == [a.id for a in articles(DATA / name)]


@pytest.mark.parametrize("name", ["articles.jsonl", "feed.rss", "feed.atom", "page.html", "two_articles.txt"])
def test_ingest_formats_sniffed_by_content_without_extension(tmp_path, name):
    bare = tmp_path / "download"
    shutil.copy(DATA / name, bare)
    assert [a.id for a in articles(bare)] == [a.id for a in articles(DATA / name)]
    packed = tmp_path / "download.gz"
    packed.write_bytes(gzip.compress((DATA / name).read_bytes()))
    assert [a.id for a in articles(packed)] == [a.id for a in articles(DATA / name)]


def test_ingest_formats_folders_recurse_in_sorted_order(tmp_path):
    for rel, day in [("b/inner/z.txt", 3), ("a.txt", 1), ("b/c.txt", 2), ("c.txt", 4)]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f" date 2023-12-0{day} Report from day {day} of the siege.\n")
    (tmp_path / ".hidden.txt").write_text(" date 2023-12-09 Not an article of the run.\n")
    assert [a.published.day for a in articles(tmp_path)] == [1, 2, 3, 4]


@pytest.mark.parametrize("text, expected", [
    (" date 2023-11-07 At least 11 Palestinians were killed.", (date(2023, 11, 7), "At least 11 Palestinians were killed.")),
    ("date 2025-01-23 The army launched an attack.", (date(2025, 1, 23), "The army launched an attack.")),
    (" date 2023-11-08\nBlinken met Abbas.", (date(2023, 11, 8), "\nBlinken met Abbas.")),
    ("Blinken met Abbas on date 2023-11-08.", (None, "Blinken met Abbas on date 2023-11-08.")),
])
def test_ingest_parse_dateline_text(text, expected):
    assert parse_dateline_text(text) == expected


def test_ingest_parse_dateline_text_refuses_a_day_that_does_not_exist():
    with pytest.raises(DatelineError) as caught:
        parse_dateline_text(" date 2023-02-30 Text.")
    assert caught.value.code == "E004"


def test_ingest_ids_are_content_hashes():
    text = "Israeli forces raided the Jenin refugee camp on Tuesday, the ministry said."
    one = article_from_text(text, published=date(2025, 1, 21), origin="a:1")
    again = article_from_text(text.replace(" ", "  ") + "\r\n", published=date(2025, 1, 21), origin="b:9")
    other_day = article_from_text(text, published=date(2025, 1, 22), origin="a:1")
    assert one.id == again.id and len(one.id) == 16
    assert one.id != other_day.id
    assert one.id != article_from_text(text + " More.", published=date(2025, 1, 21), origin="a:1").id


def test_ingest_ids_are_stable_across_reads():
    def ids():
        return [i.id for i in read(DATA) if isinstance(i, Article)]

    first = ids()
    assert len(first) == len(set(first)) > 10 and ids() == first


def test_ingest_article_from_text_normalises_newlines_and_trailing_space():
    article = article_from_text("  First line.  \r\nSecond line.\t\r\n\r\n", published=None, origin="x",
                                source="  Wire ", title="")
    assert article.text == "First line.\nSecond line."
    assert article.source == "Wire" and article.title is None and article.published is None


def test_ingest_seeds_read_as_dated_articles(seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    found = articles(seeds_dir)
    assert len(found) == len(files) > 0
    for path, article in zip(files, found):
        stated, body = parse_dateline_text(path.read_text(encoding="utf-8"))
        assert article.published == stated is not None
        assert article.text.split() == body.split()  # every word kept, in order
        assert article.origin == f"{path}:1"


def test_ingest_eval_voa_reads_every_story_with_its_date(eval_dir):
    path = eval_dir / "news" / "voa" / "voa_stories.jsonl"
    if not path.is_file():
        pytest.skip("VOA stories absent")
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = articles(path)
    assert [a.published.isoformat() for a in found] == [r["published"][:10] for r in raw]
    assert [a.title for a in found] == [r["title"] for r in raw]


def test_ingest_eval_t17_reads_gz_with_dates(eval_dir):
    files = sorted((eval_dir / "tls" / "t17").glob("*/articles.jsonl.gz"))
    if not files:
        pytest.skip("T17 absent")
    items = read(files[0])
    got = [i for i in items if isinstance(i, Article)]
    assert len(got) > 0.9 * len(items)
    assert all(i.reason in ("no_text", "too_long") for i in items if isinstance(i, Drop))
    with gzip.open(files[0], "rt", encoding="utf-8") as f:
        first = json.loads(f.readline())
    assert got[0].published.isoformat() == first["time"] and got[0].source == first["source"]
