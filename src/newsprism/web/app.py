"""The web app: server-rendered pages and their JSON twins under ``/api/``, over one database.

Pages carry no JavaScript and load nothing from elsewhere (works offline; a strict CSP). Reads go
straight to the database a page at a time; posted articles go to the durable inbox and are
analysed by a background worker, so a post returns at once.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import asdict
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup, escape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism.ingest import normalize_date, read_records
from newsprism.model import Article, Event, IngestError, RawDocument, Story
from newsprism.pipeline import article_id
from newsprism.report import (
    Links,
    StorySummary,
    actor_view,
    article_view,
    render_page,
    story_summary,
    story_view,
)
from newsprism.store import MARK_END, MARK_START, Database, SearchHit, StoryFilter
from newsprism.web.worker import InboxWorker

TOKEN_ENV = "NEWSPRISM_API_TOKEN"
MAX_BODY = 10_000_000
MAX_PER_PAGE = 100
UNKNOWN_ACTOR = "\x00unknown"  # an actor filter naming nobody: no actor id can match it
ACTOR_ARTICLES = 60  # an actor page shows the quotes, events and stories of the newest this many
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
LINKS = Links()


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


def _pages(request: Request, page: int, per_page: int, total: int) -> dict[str, Any]:
    """Pagination fields, with the URLs of the neighbouring pages (the same query otherwise)."""

    def url(number: int) -> str:
        query = {**request.query_params, "page": str(number)}
        return f"{request.url.path}?{urlencode(query)}"

    return {
        "page": page,
        "per_page": per_page,
        "total": total,
        "next_url": url(page + 1) if page * per_page < total else None,
        "previous_url": url(page - 1) if page > 1 else None,
    }


def _snippet(hit: SearchHit) -> Markup:
    """The snippet escaped, then its hits marked."""
    escaped = str(escape(hit.snippet))
    return Markup(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _hit_href(hit: SearchHit) -> str | None:
    if hit.kind == "actor":
        return LINKS.actor(hit.ref)
    return LINKS.article(hit.ref.split("#", 1)[0])


def _summary_json(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if value is not None}


def _article_json(article: Article, story_id: str | None) -> dict[str, Any]:
    return {**article.to_dict(), "word_count": article.word_count, "story_id": story_id}


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class _Guard:
    """Plain ASGI middleware (cheaper than Starlette's ``BaseHTTPMiddleware``): refuses bodies
    announced over ``max_body`` before reading them, and adds the security headers."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            response = _json({"detail": f"request body over the {self.max_body} byte limit"}, 413)
            await response(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, secured)


def create_app(db: str, token: str | None = None, max_body: int = MAX_BODY, ingest: bool = True) -> FastAPI:
    """The app over database ``db``. ``token``: required (``Authorization: Bearer``) to post
    articles, default ``$NEWSPRISM_API_TOKEN``; ``ingest``: run the background analyser."""
    database = Database(db)
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    worker = InboxWorker(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if ingest:
            worker.start()
        yield
        worker.stop()
        database.close()

    app = FastAPI(
        title="newsprism",
        summary="What every news source says about a story.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.database = database
    app.state.worker = worker

    app.add_middleware(_Guard, max_body=max_body)

    def html_page(template: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        path = request.url.path
        json_url = "/api" + (path if path != "/" else "/stories")
        if request.url.query:
            json_url += "?" + request.url.query
        context.setdefault("title", "newsprism")
        return HTMLResponse(render_page(template, json_url=json_url, **context), status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        """JSON under /api, an error page elsewhere."""
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return _json({"detail": exc.detail}, exc.status_code)
        html = render_page("error.html.j2", title=f"{exc.status_code}", message=str(exc.detail), json_url=None)
        return HTMLResponse(html, status_code=exc.status_code)

    # Reading -------------------------------------------------------------------------------

    def resolve_actor(text: str | None) -> tuple[str | None, str | None]:
        """An actor filter as typed: an id, or a name found by search; (id, name)."""
        if not text:
            return None, None
        found = database.actors([text])
        if found:
            return found[0].id, found[0].name
        hits = database.search(text, kinds=["actor"], limit=1)
        if hits:
            return hits[0].ref, hits[0].title
        return UNKNOWN_ACTOR, text

    def stories_data(
        request: Request,
        source: str | None,
        language: str | None,
        since: str | None,
        until: str | None,
        actor: str | None,
        page_number: int,
        per_page: int,
    ) -> dict[str, Any]:
        actor_id, actor_name = resolve_actor(actor)
        where = StoryFilter(
            source=source or None,
            language=language or None,
            since=normalize_date(since) if since else None,
            until=normalize_date(until) if until else None,
            actor=actor_id,
        )
        listings, total = database.story_page(where, (page_number - 1) * per_page, per_page)
        summaries = [
            StorySummary(Story(s.id, s.title, s.article_ids), s.sources, s.languages, s.first, s.last, s.counts)
            for s in listings
        ]
        return {
            "where": where,
            "actor_name": actor_name,
            "actor_text": actor,
            "summaries": summaries,
            **_pages(request, page_number, per_page, total),
        }

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def stories_page(
        request: Request,
        source: str | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        page: int = Query(1, ge=1),
    ) -> HTMLResponse:
        data = stories_data(request, source, language, since, until, actor, page, 20)
        where = {**asdict(data["where"]), "actor_name": data["actor_name"], "actor_text": actor}
        return html_page(
            "stories.html.j2", request, title="Stories", facets=database.facets(), **{**data, "where": where}
        )

    @app.get("/api/stories", tags=["stories"])
    async def api_stories(
        request: Request,
        source: str | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = Query(None, description="actor id or name"),
        page: int = Query(1, ge=1),
        per_page: int = Query(20, ge=1, le=MAX_PER_PAGE),
    ) -> JSONResponse:
        """Stories newest first, each with its sources, languages, time span and fact counts."""
        data = stories_data(request, source, language, since, until, actor, page, per_page)
        items = [
            {
                "id": s.story.id,
                "title": s.story.title,
                "article_ids": s.story.article_ids,
                "sources": s.sources,
                "languages": s.languages,
                "first_published": s.first,
                "last_published": s.last,
                "facts": s.counts,
                "url": LINKS.story(s.story.id),
            }
            for s in data["summaries"]
        ]
        return _json(
            {"items": items, **{k: data[k] for k in ("page", "per_page", "total", "next_url", "previous_url")}}
        )

    def load_story(story_id: str) -> tuple[Any, list[Article], list[Any]]:
        try:
            story = database.story(story_id)
        except KeyError as exc:
            raise HTTPException(404, exc.args[0]) from exc
        articles = database.articles(story.article_ids)
        actor_ids = {e.actor_id for a in articles for e in a.entities if e.actor_id}
        actor_ids |= {q.speaker_actor_id for a in articles for q in a.quotes if q.speaker_actor_id}
        return story, articles, database.actors(actor_ids)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(request: Request, story_id: str) -> HTMLResponse:
        story, articles, actors = load_story(story_id)
        view = story_view(story, articles, actors, LINKS)
        return html_page("story.html.j2", request, title=story.title, view=view)

    @app.get("/api/stories/{story_id}", tags=["stories"])
    async def api_story(story_id: str) -> JSONResponse:
        """One story: its articles (metadata), and every fact with its status and its mentions."""
        story, articles, _ = load_story(story_id)
        summary = story_summary(story, articles)
        return _json(
            {
                **asdict(story),
                "sources": summary.sources,
                "languages": summary.languages,
                "first_published": summary.first,
                "last_published": summary.last,
                "fact_counts": summary.counts,
                "articles": [_summary_json({**a.to_dict(), "raw_text": None, "text": None}) for a in articles],
            }
        )

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    async def actors_page(request: Request, page: int = Query(1, ge=1)) -> HTMLResponse:
        actors, total = database.actor_page((page - 1) * 50, 50)
        return html_page("actors.html.j2", request, title="Actors", actors=actors, **_pages(request, page, 50, total))

    @app.get("/api/actors", tags=["actors"])
    async def api_actors(
        request: Request, page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=MAX_PER_PAGE)
    ) -> JSONResponse:
        """Actors by the number of articles that mention them."""
        actors, total = database.actor_page((page - 1) * per_page, per_page)
        items = [{**asdict(actor), "articles": count, "url": LINKS.actor(actor.id)} for actor, count in actors]
        return _json({"items": items, **_pages(request, page, per_page, total)})

    def load_actor(actor_id: str) -> Any:
        found = database.actors([actor_id])
        if not found:
            raise HTTPException(404, f"no actor with id {actor_id!r}")
        actor = found[0]
        articles = database.articles(database.articles_mentioning(actor.id, limit=ACTOR_ARTICLES))
        articles.sort(key=lambda a: (a.published or "", a.id), reverse=True)
        neighbours, pairs = database.cooccurrence(actor.id)
        named = {i for i, _ in neighbours}
        named |= {x for a in articles for e in a.events for x in (e.source_actor_id, e.target_actor_id) if x}
        others = database.actors(named)
        story_of = database.story_ids_of(a.id for a in articles)
        return actor_view(actor, articles, story_of, neighbours, pairs, others, LINKS)

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    async def actor_page(request: Request, actor_id: str) -> HTMLResponse:
        view = load_actor(actor_id)
        titles = database.story_titles(view.stories)
        return html_page("actor.html.j2", request, title=view.actor.name, view=view, story_titles=titles)

    @app.get("/api/actors/{actor_id}", tags=["actors"])
    async def api_actor(actor_id: str) -> JSONResponse:
        """One actor: names, roles, quotes, events as source and target, co-occurring actors, stories."""
        view = load_actor(actor_id)
        return _json(
            {
                **asdict(view.actor),
                "quotes": [{"article_id": a.id, **asdict(q)} for a, q in view.quotes],
                "events": [{"article_id": a.id, "as": side, **asdict(e)} for a, e, side in view.events],
                "appears_with": [{"id": n.id, "name": n.name, "shared_articles": n.weight} for n in view.nodes[1:]],
                "stories": view.stories,
            }
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    async def articles_page(request: Request, page: int = Query(1, ge=1)) -> HTMLResponse:
        rows, total = database.article_page((page - 1) * 50, 50)
        return html_page("articles.html.j2", request, title="Articles", rows=rows, **_pages(request, page, 50, total))

    @app.get("/api/articles", tags=["articles"])
    async def api_articles(
        request: Request,
        source: str | None = None,
        language: str | None = None,
        page: int = Query(1, ge=1),
        per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
    ) -> JSONResponse:
        """Article metadata, newest first."""
        rows, total = database.article_page((page - 1) * per_page, per_page, source, language)
        items = [{**_summary_json(row), "url_page": LINKS.article(row["id"])} for row in rows]
        return _json({"items": items, **_pages(request, page, per_page, total)})

    def load_article(article_ref: str) -> Article:
        try:
            return database.find_article(article_ref)
        except KeyError as exc:
            if database.queued(article_ref):
                raise HTTPException(202, "queued for analysis") from exc
            raise HTTPException(404, exc.args[0]) from exc

    @app.get("/articles/{article_ref}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(request: Request, article_ref: str) -> HTMLResponse:
        article = load_article(article_ref)
        actor_ids = {e.actor_id for e in article.entities if e.actor_id}
        actor_ids |= {x for e in article.events for x in (e.source_actor_id, e.target_actor_id) if x}
        view = article_view(
            article, database.actors(actor_ids), database.story_ids_of([article.id]).get(article.id), LINKS
        )
        return html_page("article.html.j2", request, title=article.title or article.id, view=view)

    @app.get("/api/articles/{article_ref}", tags=["articles"])
    async def api_article(article_ref: str) -> JSONResponse:
        """One article, whole: raw and repaired text, repairs, entities, quotes, events, its story."""
        article = load_article(article_ref)
        return _json(_article_json(article, database.story_ids_of([article.id]).get(article.id)))

    def annotation_page(
        request: Request, actor: str | None, page: int, per_page: int, items_of: Callable[[Article], Iterable[Any]]
    ) -> JSONResponse:
        """Quotes or events (``items_of`` an article) of the newest articles, those mentioning
        ``actor`` if given; only as many articles are read as the page needs."""
        wanted = max(page * per_page, 200)
        if actor:
            ids = database.articles_mentioning(actor, limit=wanted)
        else:
            ids = [row["id"] for row in database.article_page(0, wanted)[0]]
        articles = sorted(database.articles(ids), key=lambda a: (a.published or "", a.id), reverse=True)
        items = [
            {"article_id": a.id, "source": a.source, "published": a.published, **asdict(item)}
            for a in articles
            for item in items_of(a)
        ]
        start = (page - 1) * per_page
        return _json({"items": items[start : start + per_page], **_pages(request, page, per_page, len(items))})

    @app.get("/api/quotes", tags=["quotes and events"])
    async def api_quotes(
        request: Request,
        actor: str | None = Query(None, description="speaker's actor id"),
        page: int = Query(1, ge=1),
        per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
    ) -> JSONResponse:
        """Quotes, newest articles first; with ``actor``, only those the actor said."""
        return annotation_page(
            request, actor, page, per_page, lambda a: [q for q in a.quotes if actor in (None, q.speaker_actor_id)]
        )

    @app.get("/api/events", tags=["quotes and events"])
    async def api_events(
        request: Request,
        actor: str | None = Query(None, description="actor id, as source or target"),
        event_type: str | None = Query(None, alias="type", description="PLOVER type, e.g. AGREE"),
        page: int = Query(1, ge=1),
        per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
    ) -> JSONResponse:
        """PLOVER events, newest articles first; filter by actor (source or target) and type."""

        def wanted(event: Event) -> bool:
            return (actor is None or actor in (event.source_actor_id, event.target_actor_id)) and (
                event_type is None or event.type == event_type.upper()
            )

        return annotation_page(request, actor, page, per_page, lambda a: filter(wanted, a.events))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(request: Request, q: str = "", page: int = Query(1, ge=1)) -> HTMLResponse:
        hits = database.search(q, offset=(page - 1) * 20, limit=21)
        shown = [{"kind": h.kind, "title": h.title, "href": _hit_href(h), "snippet": _snippet(h)} for h in hits[:20]]
        pager = _pages(request, page, 20, (page - 1) * 20 + len(hits))
        return html_page("search.html.j2", request, title=f"Search: {q}", query=q, hits=shown, **pager)

    @app.get("/api/search", tags=["search"])
    async def api_search(
        q: str,
        kind: list[str] = Query([], description="article, actor or quote"),
        page: int = Query(1, ge=1),
        per_page: int = Query(20, ge=1, le=MAX_PER_PAGE),
    ) -> JSONResponse:
        """Full-text search over articles, actors and quotes (all words; the last may be a prefix)."""
        hits = database.search(q, kinds=kind, offset=(page - 1) * per_page, limit=per_page)
        items = [
            {**asdict(h), "snippet": h.snippet.replace(MARK_START, "[").replace(MARK_END, "]"), "url": _hit_href(h)}
            for h in hits
        ]
        return _json({"items": items, "page": page, "per_page": per_page})

    @app.get("/api/status", tags=["status"])
    async def api_status() -> JSONResponse:
        """How much is stored, and how many posted articles wait for analysis."""
        return _json(database.counts())

    # Writing -------------------------------------------------------------------------------

    @app.post("/api/articles", status_code=202, tags=["articles"])
    async def post_articles(
        request: Request,
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
        published: str | None = None,
        language: str | None = None,
    ) -> JSONResponse:
        """Queue articles for analysis: a JSON object or list (fields as in JSON input files:
        text, title, source, url, published, language), or plain text with the metadata as query
        parameters. Answers 202 with each article's id; ``GET /api/articles/{id}`` has it once analysed."""
        if token is not None:
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return _json({"detail": "a valid API token is required (Authorization: Bearer …)"}, 401)
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > max_body:
                return _json({"detail": f"request body over the {max_body} byte limit"}, 413)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return _json({"detail": "the body is not UTF-8"}, 400)
        documents, errors = [], []
        if "json" in request.headers.get("content-type", ""):
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                return _json({"detail": f"malformed JSON: {exc}"}, 400)
            for result in read_records(data, "api"):
                (errors if isinstance(result, IngestError) else documents).append(result)
        elif text.strip():
            documents.append(
                RawDocument(
                    path="api",
                    raw_text=text.strip(),
                    format="text",
                    title=title,
                    source=source,
                    url=url,
                    published=normalize_date(published),
                    language=language,
                )
            )
        else:
            return _json({"detail": "empty body"}, 400)
        if not documents:
            return _json({"detail": "no article in the request", "errors": [asdict(e) for e in errors]}, 400)
        queued = [(article_id(doc.raw_text, doc.source), asdict(doc)) for doc in documents]
        await run_in_threadpool(database.enqueue, queued)  # may wait for the analyser's write lock
        worker.wake()
        accepted = [{"id": identity, "url": f"/api/articles/{identity}"} for identity, _ in queued]
        return _json({"accepted": accepted, "errors": [asdict(e) for e in errors]}, 202)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs_page(request: Request) -> HTMLResponse:
        return html_page("api.html.j2", request, title="API", api=app.openapi())

    return app
