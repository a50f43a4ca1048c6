"""``newsprism actors`` and ``newsprism actor NAME``: who the corpus talks about, and what they are."""

from __future__ import annotations

from collections import Counter

import typer
from rich.table import Table
from rich.text import Text

from newsprism.cli.app import DB_OPTION, app, console, fail
from newsprism.cli.database import open_database
from newsprism.link import name_key
from newsprism.model import Actor, Article

QUOTES_SHOWN = 20


def _mentions(articles: list[Article]) -> tuple[Counter[str], Counter[str]]:
    """Mentions per actor, and articles per actor."""
    mentions: Counter[str] = Counter()
    in_articles: Counter[str] = Counter()
    for article in articles:
        ids = [entity.actor_id for entity in article.entities if entity.actor_id]
        mentions.update(ids)
        in_articles.update(set(ids))
    return mentions, in_articles


def find_actor(known: list[Actor], name: str) -> Actor:
    """The actor called ``name`` (its id, name or an alias, spelling-insensitive), or a clear error."""
    key = name_key(name)
    matches = [a for a in known if a.id == name or key in {name_key(n) for n in [a.name, *a.aliases]}]
    if not matches:
        raise fail(f"no actor named {name!r}: see `newsprism actors`")
    return matches[0]


def _roles(actor: Actor) -> str:
    return "; ".join(dict.fromkeys(role.title for role in actor.roles))


@app.command()
def actors(
    db: str | None = DB_OPTION,
    actor_type: str | None = typer.Option(None, "--type", help="person, organisation, country or place."),
    limit: int = typer.Option(50, "--limit", help="Show at most this many."),
) -> None:
    """List the actors mentioned in the corpus, most mentioned first."""
    with open_database(db) as database:
        known, articles = database.actors(), database.articles()
    mentions, in_articles = _mentions(articles)
    selected = [a for a in known if actor_type is None or a.type == actor_type]
    selected.sort(key=lambda a: (-mentions[a.id], a.name))
    table = Table(title=f"{len(selected)} actors", header_style="bold")
    for column in ("actor", "type", "mentions", "articles", "roles", "id"):
        table.add_column(column, justify="right" if column in ("mentions", "articles") else "left")
    for actor in selected[:limit]:
        table.add_row(
            actor.name, actor.type, str(mentions[actor.id]), str(in_articles[actor.id]), _roles(actor), actor.id
        )
    console.print(table)


@app.command()
def actor(name: str = typer.Argument(..., help="Name, alias or id of the actor."), db: str | None = DB_OPTION) -> None:
    """One actor: aliases seen, roles with their sources, quotes, and the actors mentioned alongside."""
    with open_database(db) as database:
        known, articles = database.actors(), database.articles()
    found = find_actor(known, name)
    by_id = {a.id: a for a in known}
    sources = {article.id: article.source or article.path for article in articles}
    console.print(Text(f"{found.name}", style="bold"), Text(f"  {found.type} · {found.id}", style="dim"))
    if found.wikidata:
        console.print(f"wikidata: {found.wikidata}")
    if found.aliases:
        console.print("aliases seen: " + ", ".join(found.aliases))
    if found.roles:
        table = Table(title="roles", header_style="bold")
        table.add_column("title")
        table.add_column("source")
        for role in found.roles:
            table.add_row(role.title, sources.get(role.article_id, role.article_id))
        console.print(table)
    quotes = [
        (article, quote) for article in articles for quote in article.quotes if quote.speaker_actor_id == found.id
    ]
    if quotes:
        table = Table(title=f"quotes ({len(quotes)})", header_style="bold")
        table.add_column("quote", overflow="fold")
        table.add_column("kind")
        table.add_column("source")
        for article, quote in quotes[:QUOTES_SHOWN]:
            table.add_row(Text(quote.text), "direct" if quote.direct else "reported", article.source or article.path)
        console.print(table)
    together: Counter[str] = Counter()
    for article in articles:
        ids = {entity.actor_id for entity in article.entities if entity.actor_id}
        if found.id in ids:
            together.update(ids - {found.id})
    if together:
        table = Table(title="mentioned alongside", header_style="bold")
        table.add_column("actor")
        table.add_column("articles", justify="right")
        for other, count in together.most_common(10):
            table.add_row(by_id[other].name if other in by_id else other, str(count))
        console.print(table)
