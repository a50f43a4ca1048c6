"""Stories of a corpus, kept up to date: new articles join stories (or open them), and the facts
of every story that changed are compared again."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from newsprism.model import Actor, Article, Story
from newsprism.stories.cluster import ArticleProfile, StoryIndex, profile
from newsprism.stories.facts import compare_story
from newsprism.stories.vectors import ArticleVectors

SentenceLoader = Callable[[list[str]], dict[str, ArticleVectors]]
ArticleLoader = Callable[[list[str]], list[Article]]


@dataclass(slots=True)
class StoryInput:
    """What clustering keeps of an article: its profile, not its text (so the corpus is read a
    chunk at a time and only the articles of changed stories are loaded whole)."""

    id: str
    duplicate_of: str | None
    profile: ArticleProfile


def story_input(article: Article, lead: np.ndarray | None) -> StoryInput:
    return StoryInput(article.id, article.duplicate_of, profile(article, lead))


def update_stories(
    existing: list[Story],
    inputs: list[StoryInput],
    load_articles: ArticleLoader,
    load_sentences: SentenceLoader,
    actors: list[Actor],
) -> list[Story]:
    """``existing`` stories restored as they are, then every article not yet in one added in
    order (``inputs``, in insertion order); near-duplicates follow their original. Stories whose
    articles changed are compared again, with their articles from ``load_articles`` and sentence
    vectors from ``load_sentences``; the others keep their facts."""
    by_id = {item.id: item for item in inputs}
    position = {item.id: n for n, item in enumerate(inputs)}
    originals = [item for item in inputs if item.duplicate_of is None or item.duplicate_of not in by_id]
    original_ids = {item.id for item in originals}
    copies_of: dict[str, list[str]] = defaultdict(list)
    for item in inputs:
        if item.id not in original_ids and item.duplicate_of is not None:
            copies_of[item.duplicate_of].append(item.id)
    index = StoryIndex()
    placed: set[str] = set()
    for story in existing:
        members = [i for i in story.article_ids if i in original_ids]
        index.restore(story.id, [by_id[i].profile for i in members])
        placed.update(members)
    for item in originals:
        if item.id not in placed:
            index.add(item.profile)
    before = {story.id: story for story in existing}
    stories = []
    for story_id, members in index.groups().items():
        copies = sorted((c for m in members for c in copies_of.get(m, ())), key=position.__getitem__)
        article_ids = [*members, *copies]
        old = before.get(story_id)
        if old is not None and old.article_ids == article_ids:
            stories.append(old)
            continue
        loaded = {article.id: article for article in load_articles(article_ids)}
        chosen = [loaded[i] for i in article_ids]
        title = next((a.title for a in chosen if a.title), story_id)
        facts = compare_story(story_id, chosen, actors, load_sentences(article_ids))
        stories.append(Story(story_id, title, article_ids, facts))
    return sorted(stories, key=lambda story: -len(story.article_ids))
