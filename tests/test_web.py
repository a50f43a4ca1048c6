"""The web app and REST API: pages and their JSON twins, filters, search, escaping, posting."""

from __future__ import annotations

import inspect
import re
import shutil
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from conftest import IMG_PAYLOAD, SCRIPT_PAYLOAD
from newsprism.cli.serve import serve
from newsprism.report.highlight import Span, mark_up
from newsprism.web import create_app
from samples import DE_FLOOD


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(str(web_db), ingest=False)) as opened:
        yield opened


@pytest.fixture
def writable(web_db, tmp_path):
    """A client over a copy of the web database, with a token, for tests that post."""
    copy = tmp_path / "copy.db"
    shutil.copy(web_db, copy)
    app = create_app(str(copy), token="s3cret", ingest=False, max_body=200_000)
    with TestClient(app) as opened:
        yield opened, app


def _first_story(client) -> dict:
    return client.get("/api/stories", params={"per_page": 1}).json()["items"][0]


def _pages(client) -> list[str]:
    story = _first_story(client)
    actor = client.get("/api/actors", params={"per_page": 1}).json()["items"][0]
    article = client.get("/api/articles", params={"per_page": 1}).json()["items"][0]
    return ["/", "/actors", "/articles", "/docs", "/search?q=Hafen", story["url"], actor["url"], article["url_page"]]


def test_every_page_renders_and_has_a_json_twin(client):
    for url in _pages(client):
        page = client.get(url)
        assert page.status_code == 200, url
        assert page.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in page.headers["content-security-policy"]
        twin = re.search(r'<a class="json" href="([^"]+)"', page.text)
        if url == "/docs":
            continue
        assert twin, url
        answer = client.get(twin.group(1).replace("&amp;", "&"))
        assert answer.status_code == 200, twin.group(1)
        assert answer.headers["content-type"] == "application/json"


def test_story_page_shows_sources_side_by_side_with_a_fact_matrix_linked_to_the_text(client):
    story = client.get("/api/stories", params={"language": "en"}).json()["items"][0]
    page = client.get(story["url"]).text
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert page.count('class="column"') == len(detail["articles"]) >= 2
    assert 'class="matrix"' in page
    targets = re.findall(r'<td class="cell (agreed|single|conflict)"><a href="#([^"]+)"', page)
    assert targets
    for _, anchor in targets:
        assert f'id="{anchor}"' in page  # every matrix mark jumps to a span in a source's text
    assert 'class="timeline"' in page


def test_story_json_has_facts_with_mentions_in_each_source(client):
    story = _first_story(client)
    detail = client.get(f"/api/stories/{story['id']}").json()
    ids = {article["id"] for article in detail["articles"]}
    assert detail["facts"]
    for fact in detail["facts"]:
        assert fact["status"] in ("agreed", "single", "conflict")
        assert {mention["article_id"] for mention in fact["mentions"]} <= ids
    assert sum(detail["fact_counts"].values()) == len(detail["facts"])


def test_stories_are_paginated(client):
    first = client.get("/api/stories", params={"per_page": 1}).json()
    assert first["total"] >= 3 and len(first["items"]) == 1 and first["next_url"]
    second = client.get(first["next_url"]).json()
    assert second["page"] == 2 and second["items"][0]["id"] != first["items"][0]["id"]


def test_stories_filter_by_language_source_date_and_actor(client):
    everything = client.get("/api/stories", params={"per_page": 100}).json()["items"]
    english = client.get("/api/stories", params={"language": "en", "per_page": 100}).json()["items"]
    assert english and len(english) < len(everything)
    assert all("en" in story["languages"] for story in english)
    source = english[0]["sources"][0]
    by_source = client.get("/api/stories", params={"source": source, "per_page": 100}).json()["items"]
    assert by_source and all(source in story["sources"] for story in by_source)
    late = client.get("/api/stories", params={"since": "2026-11-19", "per_page": 100}).json()["items"]
    assert late and all(story["last_published"] >= "2026-11-19" for story in late)
    early = client.get("/api/stories", params={"until": "2026-11-05", "per_page": 100}).json()["items"]
    assert early and all(story["first_published"] <= "2026-11-05" for story in early)
    assert {s["id"] for s in late}.isdisjoint({s["id"] for s in early})
    by_actor = client.get("/api/stories", params={"actor": "Rothkegel"}).json()["items"]
    assert len(by_actor) == 1 and "Elbe" in by_actor[0]["title"]
    nobody = client.get("/api/stories", params={"actor": "Zzyzx Nobody"}).json()
    assert nobody["total"] == 0


def test_search_finds_actors_articles_and_quotes_and_marks_hits(client):
    found = client.get("/api/search", params={"q": "Rothkeg"}).json()["items"]
    kinds = {hit["kind"] for hit in found}
    assert {"actor", "article"} <= kinds
    actor_hit = next(hit for hit in found if hit["kind"] == "actor")
    assert client.get(actor_hit["url"]).status_code == 200
    page = client.get("/search", params={"q": "Deiche"}).text
    assert "<mark>Deiche</mark>" in page
    quotes = client.get("/api/search", params={"q": "Deiche", "kind": "quote"}).json()["items"]
    assert quotes and all(hit["kind"] == "quote" for hit in quotes)


def test_search_with_query_syntax_characters_does_not_fail(client):
    for query in ['"unbalanced', "a* OR NOT (", "NEAR(x y)", "'; DROP TABLE articles; --", "", "***"]:
        assert client.get("/api/search", params={"q": query}).status_code == 200
        assert client.get("/search", params={"q": query}).status_code == 200


def test_actor_page_has_roles_quotes_events_graph_and_stories(client):
    actor = client.get("/api/search", params={"q": "Rothkegel", "kind": "actor"}).json()["items"][0]
    data = client.get(f"/api/actors/{actor['ref']}").json()
    assert data["name"] == "Sabine Rothkegel"
    assert data["stories"] and data["appears_with"]
    page = client.get(actor["url"]).text
    assert '<svg class="graph"' in page
    neighbour = data["appears_with"][0]["id"]
    assert f'href="/actors/{neighbour.replace(":", "%3A")}"' in page


def test_unknown_ids_answer_404_in_html_and_json(client):
    assert client.get("/stories/s-nothing").status_code == 404
    assert client.get("/api/stories/s-nothing").json() == {"detail": "no story with id 's-nothing'"}
    assert client.get("/actors/kb:nobody").status_code == 404
    assert client.get("/api/articles/ffffffffffff").status_code == 404


def test_hostile_article_is_escaped_on_every_page(client):
    hit = client.get("/api/search", params={"q": "Hafen Titel"}).json()["items"][0]
    article_id = hit["ref"]
    story_id = client.get(f"/api/articles/{article_id}").json()["story_id"]
    pages = [
        f"/articles/{article_id}",
        f"/stories/{story_id}",
        "/articles",
        "/search?q=Titel",
        "/?language=de",
        "/search?q=" + SCRIPT_PAYLOAD,
    ]
    for url in pages:
        text = client.get(url).text
        assert SCRIPT_PAYLOAD not in text and IMG_PAYLOAD not in text, url
        assert "<script" not in text.lower() and "<img" not in text.lower(), url
        assert "javascript:" not in text, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/articles/{article_id}").text


def test_posting_needs_the_token(writable):
    client, _ = writable
    assert client.post("/api/articles", content="Ein Text.").status_code == 401
    wrong = client.post("/api/articles", content="Ein Text.", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_posted_articles_are_queued_then_analysed_into_stories(writable):
    client, app = writable
    headers = {"Authorization": "Bearer s3cret"}
    before = client.get("/api/status").json()
    answer = client.post(
        "/api/articles",
        json=[
            {"text": DE_FLOOD, "title": "Hochwasser", "source": "Testblatt", "published": "2026-11-05"},
            {"title": "no text here"},
        ],
        headers=headers,
    )
    assert answer.status_code == 202
    body = answer.json()
    assert len(body["accepted"]) == 1 and body["errors"][0]["reason"].startswith("no text field")
    article_url = body["accepted"][0]["url"]
    assert client.get(article_url).status_code == 202  # queued, not analysed yet
    assert client.get("/api/status").json()["queued"] == before["queued"] + 1
    assert app.state.worker.drain() == 1
    stored = client.get(article_url).json()
    assert stored["source"] == "Testblatt" and stored["entities"] and stored["story_id"]
    after = client.get("/api/status").json()
    assert after["queued"] == 0 and after["articles"] == before["articles"] + 1
    again = client.post("/api/articles", json={"text": DE_FLOOD, "source": "Testblatt"}, headers=headers)
    assert again.status_code == 202
    app.state.worker.drain()
    assert client.get("/api/status").json()["articles"] == after["articles"]  # idempotent


def test_plain_text_post_takes_metadata_from_the_query(writable):
    client, app = writable
    answer = client.post(
        "/api/articles",
        params={"title": "Kurz", "source": "Blog", "published": "2026-11-21", "language": "de"},
        content="Die Bürgermeisterin Sabine Rothkegel besuchte am Freitag die Deiche.".encode(),
        headers={"Authorization": "Bearer s3cret", "Content-Type": "text/plain"},
    )
    assert answer.status_code == 202
    app.state.worker.drain()
    stored = client.get(answer.json()["accepted"][0]["url"]).json()
    assert (stored["title"], stored["source"], stored["published"][:10]) == ("Kurz", "Blog", "2026-11-21")


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"x" * 300_000, {}, 413),
        (b"{not json", {"Content-Type": "application/json"}, 400),
        (b"[1, 2]", {"Content-Type": "application/json"}, 400),
        (b"   ", {}, 400),
        (b"\xff\xfe bad", {}, 400),
    ],
)
def test_bad_posts_are_refused_with_a_reason(writable, body, headers, status):
    client, _ = writable
    answer = client.post("/api/articles", content=body, headers={"Authorization": "Bearer s3cret", **headers})
    assert answer.status_code == status
    assert answer.json()["detail"]


def test_server_binds_to_loopback_unless_told_otherwise():
    assert inspect.signature(serve).parameters["host"].default.default == "127.0.0.1"


class _Balanced(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


@given(
    st.text(alphabet="ab<>&\"' ", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["mark", "span", "q"])), max_size=6),
)
def test_marked_up_text_is_well_nested_and_keeps_every_character(text, raw_spans):
    spans = [Span(min(a, b), max(a, b), tag, "x", f"id{n}") for n, (a, b, tag) in enumerate(raw_spans)]
    html = str(mark_up(text, spans))
    parser = _Balanced()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    assert "".join(parser.text) == text
    for span in spans:
        if 0 <= span.start < span.end <= len(text):
            assert html.count(f'id="{span.anchor}"') == 1


def test_quotes_and_events_filter_by_actor_and_type(client):
    actor = client.get("/api/search", params={"q": "Rothkegel", "kind": "actor"}).json()["items"][0]["ref"]
    quotes = client.get("/api/quotes", params={"actor": actor}).json()["items"]
    assert quotes and all(quote["speaker_actor_id"] == actor for quote in quotes)
    everything = client.get("/api/quotes", params={"per_page": 100}).json()
    assert everything["total"] > len(quotes)
    events = client.get("/api/events", params={"per_page": 100}).json()["items"]
    kind = events[0]["type"]
    typed = client.get("/api/events", params={"type": kind.lower(), "per_page": 100}).json()["items"]
    assert typed and all(event["type"] == kind for event in typed) and len(typed) <= len(events)


def test_stories_are_listed_newest_first(client):
    stories = client.get("/api/stories", params={"per_page": 100}).json()["items"]
    latest = [story["last_published"] for story in stories]
    assert len(set(latest)) >= 3
    assert latest == sorted(latest, reverse=True)
