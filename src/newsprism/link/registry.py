"""The corpus's actors: knowledge-base actors as they are first mentioned, and new ones merged by name."""

from __future__ import annotations

from newsprism.link.kb import KnowledgeBase
from newsprism.link.names import name_key, slug
from newsprism.model import Actor, Role

KB_PREFIX = "kb:"
NEW_PREFIX = "new:"
LABEL_TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place"}


class ActorRegistry:
    """Every actor the corpus mentions; ``touched`` are the ones to write back to the database."""

    def __init__(self, kb: KnowledgeBase, stored: list[Actor] = ()) -> None:  # type: ignore[assignment]
        self.kb = kb
        self.actors: dict[str, Actor] = {actor.id: actor for actor in stored}
        self.new_by_key: dict[tuple[str, str], str] = {
            (actor.type, name_key(name)): actor.id
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
        return self.new_by_key.get((actor_type, name_key(name)))

    def new_actor(self, name: str, actor_type: str) -> str:
        """An actor the knowledge base does not know; one per normalised name and type in the corpus."""
        key = (actor_type, name_key(name))
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

    def pop_touched(self) -> list[Actor]:
        actors = [self.actors[actor_id] for actor_id in sorted(self.touched)]
        self.touched = set()
        return actors
