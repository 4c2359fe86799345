"""The REST API and pages of `dateline serve`, through FastAPI's test client over a real store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline import pipeline
from dateline.serve.api import create_app
from dateline.serve.cli import main
from dateline.settings import load

REPORTS = {
    "jenin.txt": " date 2024-01-10 Israeli forces killed three Palestinians in a raid on the Jenin "
                 "camp on Tuesday, the Palestinian health ministry said. \"We will not leave,\" said "
                 "Fatima Saadi, a resident.",
    "rafah.txt": " date 2024-01-12 At least 20 people were killed in an airstrike on a house in "
                 "Rafah on Thursday, according to the Gaza health ministry.",
    # Article text is untrusted: markup in it must reach every page escaped.
    "hostile.txt": " date 2024-01-11 <script>alert('x')</script> Five people were wounded in "
                   "Tulkarem, <b>officials</b> said. Read more at javascript:alert(1)",
}
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = load(environ={}, db=str(folder / "store.db"), token=TOKEN)
    pipeline.run([str(folder)], settings, progress=False)
    return settings


@pytest.fixture()
def client(settings):
    return TestClient(create_app(settings))


def _first_id(client, words: str) -> str:
    return client.get("/api/articles", params={"q": words}).json()["items"][0]["id"]


def test_api_health_counts_articles_and_says_writes_are_on(client):
    assert client.get("/api/health").json() == {"status": "ok", "articles": 3, "writes": True}


def test_api_articles_newest_first_with_fact_counts(client):
    items = client.get("/api/articles").json()["items"]
    assert [i["published"] for i in items] == ["2024-01-12", "2024-01-11", "2024-01-10"]
    assert items[0]["counts"]["figures"] >= 1 and "text" not in items[0]


@pytest.mark.parametrize("params, expected", [
    ({"q": "Rafah airstrike"}, ["2024-01-12"]),
    ({"q": "nowhere-to-be-found"}, []),
    ({"from": "2024-01-11"}, ["2024-01-12", "2024-01-11"]),
    ({"to": "2024-01-10"}, ["2024-01-10"]),
    ({"limit": 1, "offset": 1}, ["2024-01-11"]),
])
def test_api_articles_filter_by_search_dates_and_page(client, params, expected):
    items = client.get("/api/articles", params=params).json()["items"]
    assert [i["published"] for i in items] == expected


def test_api_article_is_the_annotate_object_with_its_id(client):
    aid = _first_id(client, "Jenin")
    body = client.get(f"/api/articles/{aid}").json()
    assert body["id"] == aid and body["date"] == "2024-01-10"
    assert {"text", "times", "places", "figures", "quotes", "events", "flags"} <= set(body)
    killed = [f for f in body["figures"] if f["metric"] == "killed"]
    assert killed[0]["value"] == 3 and killed[0]["reporter"]
    assert any(q["speaker"] == "Fatima Saadi" for q in body["quotes"])


@pytest.mark.parametrize("path, status, code", [
    ("/api/articles/0000deadbeef", 404, "E010"),
    ("/api/articles?from=yesterday", 400, "E004"),
    ("/api/articles?limit=0", 422, "E014"),
    ("/api/search", 422, "E014"),
])
def test_api_errors_are_coded_json(client, path, status, code):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["code"] == code and response.json()["message"]


@pytest.mark.parametrize("headers, status, code", [
    ({}, 401, "E011"),
    ({"Authorization": "Bearer wrong"}, 401, "E011"),
    ({"Authorization": TOKEN}, 401, "E011"),
])
def test_api_write_needs_the_token(client, headers, status, code):
    response = client.post("/api/articles", json={"text": "Two were killed.", "date": "2024-01-13"},
                           headers=headers)
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert client.get("/api/health").json()["articles"] == 3


def test_api_write_is_refused_when_no_token_is_set(settings):
    client = TestClient(create_app(settings.with_(token="")))
    response = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer "})
    assert (response.status_code, response.json()["code"]) == (403, "E012")


def test_api_write_stores_once_then_reports_it_stored(settings, tmp_path):
    client = TestClient(create_app(settings.with_(db=str(tmp_path / "w.db"))))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": "Two civilians were killed in Nablus on Monday, the ministry said.",
            "date": "2024-02-06", "source": "Test Wire"}
    first = client.post("/api/articles", json=body, headers=auth)
    again = client.post("/api/articles", json=body, headers=auth)
    assert (first.status_code, first.json()["created"]) == (201, True)
    assert (again.status_code, again.json()["created"]) == (200, False)
    assert first.json()["id"] == again.json()["id"] and first.json()["counts"]["figures"] == 1
    assert client.get("/api/health").json()["articles"] == 1


@pytest.mark.parametrize("body, reason", [
    ({"text": "   "}, "no_text"),
    ({"text": "Two were killed.", "date": "13/13/2024"}, "impossible_date"),
])
def test_api_write_of_a_bad_article_says_why(settings, body, reason):
    client = TestClient(create_app(settings))
    response = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert (response.status_code, response.json()["code"]) == (422, "E013")
    assert reason in response.json()["message"]


def test_api_timeline_is_the_cli_json(client, settings):
    cli = CliRunner().invoke(main, ["timeline", "--db", settings.db, "--format", "json"])
    assert client.get("/api/timeline").json() == json.loads(cli.output)


@pytest.mark.parametrize("path, kind", [
    ("/api/events", list), ("/api/stories", list), ("/api/figures", dict),
    ("/api/search?q=killed", list)])
def test_api_cross_article_views_are_json(client, path, kind):
    response = client.get(path)
    assert response.status_code == 200 and isinstance(response.json(), kind) and response.json()


@pytest.mark.parametrize("fmt", ["json", "csv", "acled", "geojson"])
def test_api_export_streams_what_the_cli_exports(client, settings, fmt):
    response = client.get("/api/export", params={"format": fmt})
    cli = CliRunner().invoke(main, ["export", "--db", settings.db, "--format", fmt])
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    assert response.text.replace("\r\n", "\n") == cli.output.replace("\r\n", "\n")


def test_api_export_of_an_unknown_format_is_refused(client):
    assert client.get("/api/export", params={"format": "xml"}).json()["code"] == "E014"


@pytest.mark.parametrize("path", ["/", "/?q=Tulkarem", "/articles/{hostile}", "/timeline", "/events",
                                  "/events?several=true", "/figures"])
def test_web_pages_escape_article_text(client, path):
    page = client.get(path.format(hostile=_first_id(client, "Tulkarem")))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script>alert" not in page.text and "<b>officials" not in page.text
    assert "javascript:alert" not in page.text or 'href="javascript:' not in page.text


def test_web_article_page_highlights_each_kind_of_fact(client):
    page = client.get(f"/articles/{_first_id(client, 'Jenin')}").text
    for kind in ("times", "places", "figures", "quotes", "speakers"):
        assert f"k-{kind}" in page
    assert "Fatima Saadi" in page and 'id="figures"' in page


def test_web_figures_page_lists_each_claim_with_its_reporter(client):
    page = client.get("/figures").text
    assert "Killed · people" in page and "health ministry" in page.lower()
    assert 'href="/articles/' in page


def test_web_events_page_links_mentions_to_their_articles(client):
    page = client.get("/events").text
    assert "Rafah" in page and "?at=" in page


def test_web_timeline_links_each_line_to_its_article_in_context(client, settings):
    import re

    page = client.get("/timeline").text
    links = re.findall(r'href="(/articles/[^"?]+\?at=\d+-\d+#hit)"', page)
    assert links and 'href="/events"' in page
    article = client.get(links[0].replace("&amp;", "&")).text
    assert 'id="hit"' in article
    cli = CliRunner().invoke(main, ["timeline", "--db", settings.db, "--format", "html"]).output
    assert "/articles/" not in cli  # the file `dateline timeline` writes stands alone


def test_web_events_page_lists_each_article_and_toll_once():
    from dateline.records import Citation, Event
    from dateline.serve.web import _event_row

    cite = [Citation("a1", "Wire", "2024-01-12", 0, 9), Citation("a1", "Wire", "2024-01-12", 40, 52),
            Citation("b2", None, "2024-01-13", 5, 20)]
    event = Event("e", "Battles", "Armed clash", "2024-01-12", "Rafah", (), (),
                  killed=((20, "Wire"), (20, "Wire"), (22, None)), mentions=tuple(cite))
    row = _event_row(event)
    assert row["articles"] == [(cite[0], 2), (cite[2], 1)]
    assert row["killed"] == [(20, "Wire", 2), (22, None, 1)]


def test_web_index_shows_an_untitled_article_by_its_first_words(client):
    page = client.get("/").text
    assert '<span class="lead">Israeli forces killed three Palestinians in a raid on the Jenin' in page
    assert client.get("/api/articles").json()["items"][0]["lead"].startswith("At least 20 people")


def test_web_unknown_article_is_an_error_page(client):
    page = client.get("/articles/nope")
    assert page.status_code == 404 and "E010" in page.text and "text/html" in page.headers["content-type"]


def test_serve_responses_carry_security_headers(client):
    headers = client.get("/").headers
    assert "script-src" not in headers["content-security-policy"]  # default-src 'self' covers it
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_serve_has_no_cdn_docs_page(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "Dateline"


def test_serve_binds_loopback_by_default(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, host, port, **kw: seen.update(host=host, port=port))
    monkeypatch.delenv("DATELINE_HOST", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert seen == {"host": "127.0.0.1", "port": 8000}


def test_serve_warns_when_bound_beyond_loopback(monkeypatch, tmp_path):
    monkeypatch.setattr("uvicorn.run", lambda *a, **kw: None)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert "warning" in result.output and "0.0.0.0" in result.output
