"""The corpus's actors: knowledge-base actors as they are first mentioned, and new ones merged by name."""

from __future__ import annotations

import re

from newsprism.link.kb import KnowledgeBase
from newsprism.link.names import name_key, slug
from newsprism.model import Actor, Article, Role

KB_PREFIX = "kb:"
NEW_PREFIX = "new:"
LABEL_TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place"}
_INFLECTED = re.compile(r"(?<=[A-Za-zÄÖÜäöüß]{3})(?:en|er|es|em)$")


def _key(name: str, actor_type: str) -> tuple[str, str]:
    """Where a new actor's mentions meet: its type and name key, German adjectives before an
    organisation's or place's last word uninflected ("der Deutschen Bank" = "die Deutsche Bank")."""
    words = name.split()
    if actor_type != "person":
        words = [_INFLECTED.sub("e", word) for word in words[:-1]] + words[-1:]
    return actor_type, name_key(" ".join(words))


class ActorRegistry:
    """Every actor the corpus mentions; ``touched`` are the ones to write back to the database."""

    def __init__(self, kb: KnowledgeBase, stored: list[Actor] = ()) -> None:  # type: ignore[assignment]
        self.kb = kb
        self.actors: dict[str, Actor] = {actor.id: actor for actor in stored}
        self.new_by_key: dict[tuple[str, str], str] = {
            _key(name, actor.type): actor.id
            for actor in stored
            if actor.id.startswith(NEW_PREFIX)
            for name in [actor.name, *actor.aliases]
        }
        self.touched: set[str] = set()

    def kb_actor(self, kb_id: str) -> str:
        actor_id = KB_PREFIX + kb_id
        if actor_id not in self.actors:
            known = self.kb.actors[kb_id]
            self.actors[actor_id] = Actor(actor_id, known.name, known.type, [], [], known.wikidata)
            self.touched.add(actor_id)
        return actor_id

    def find_new(self, name: str, actor_type: str) -> str | None:
        return self.new_by_key.get(_key(name, actor_type))

    def new_actor(self, name: str, actor_type: str) -> str:
        """An actor the knowledge base does not know; one per normalised name and type in the corpus."""
        key = _key(name, actor_type)
        if key not in self.new_by_key:
            actor_id = f"{NEW_PREFIX}{actor_type}:{slug(name)}"
            self.actors.setdefault(actor_id, Actor(actor_id, name, actor_type, [], [], None))
            self.new_by_key[key] = actor_id
            self.touched.add(actor_id)
        return self.new_by_key[key]

    def seen(self, actor_id: str, text: str) -> None:
        actor = self.actors[actor_id]
        if text != actor.name and text not in actor.aliases:
            actor.aliases.append(text)
            self.touched.add(actor_id)

    def add_role(self, actor_id: str, role: Role) -> None:
        actor = self.actors[actor_id]
        if not any(r.title == role.title and r.article_id == role.article_id for r in actor.roles):
            actor.roles.append(role)
            self.touched.add(actor_id)

    def absorb(self, actors: list[Actor], baseline: dict[str, Actor]) -> dict[str, str]:
        """Merge the actors another registry touched (a partition of a distributed run, which
        started from ``baseline``) as if its articles had been linked here, in order. Returns the
        ids to rename: a new actor that partition named differently from an earlier one with the
        same name key takes the earlier one's id."""
        renamed: dict[str, str] = {}
        for actor in actors:
            base = baseline.get(actor.id)
            if base is not None:
                target, aliases, roles = actor.id, actor.aliases[len(base.aliases) :], actor.roles[len(base.roles) :]
            elif actor.id.startswith(NEW_PREFIX):
                target = self.find_new(actor.name, actor.type) or self.new_actor(actor.name, actor.type)
                aliases, roles = [actor.name, *actor.aliases], actor.roles
                if target != actor.id:
                    renamed[actor.id] = target
            else:
                if actor.id not in self.actors:
                    self.actors[actor.id] = Actor(actor.id, actor.name, actor.type, [], [], actor.wikidata)
                    self.touched.add(actor.id)
                target, aliases, roles = actor.id, actor.aliases, actor.roles
            for alias in aliases:
                self.seen(target, alias)
            for role in roles:
                self.add_role(target, Role(role.title, role.org, role.article_id))
        return renamed

    def pop_touched(self) -> list[Actor]:
        actors = [self.actors[actor_id] for actor_id in sorted(self.touched)]
        self.touched = set()
        return actors


def rename_actors(article: Article, renamed: dict[str, str]) -> None:
    """Point the article's mentions, quotes and events at the renamed actors' ids."""
    if not renamed:
        return
    for entity in article.entities:
        entity.actor_id = renamed.get(entity.actor_id or "", entity.actor_id)
    for quote in article.quotes:
        quote.speaker_actor_id = renamed.get(quote.speaker_actor_id or "", quote.speaker_actor_id)
    for event in article.events:
        event.source_actor_id = renamed.get(event.source_actor_id or "", event.source_actor_id)
        event.target_actor_id = renamed.get(event.target_actor_id or "", event.target_actor_id)
        event.location_actor_id = renamed.get(event.location_actor_id or "", event.location_actor_id)
