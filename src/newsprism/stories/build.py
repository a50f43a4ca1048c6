"""Stories of a corpus, kept up to date: new articles join stories (or open them), and the facts
of every story that changed are compared again."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from newsprism.model import Actor, Article, Story
from newsprism.stories.cluster import StoryIndex, profile
from newsprism.stories.facts import compare_story
from newsprism.stories.vectors import ArticleVectors

SentenceLoader = Callable[[list[str]], dict[str, ArticleVectors]]


def update_stories(
    existing: list[Story],
    articles: list[Article],
    leads: dict[str, np.ndarray],
    load_sentences: SentenceLoader,
    actors: list[Actor],
) -> list[Story]:
    """``existing`` stories restored as they are, then every article not yet in one added in
    order; near-duplicates follow their original. ``leads``: each article's lead vector;
    ``load_sentences``: sentence vectors of the given articles, asked for only for stories whose
    articles changed (their facts are compared again; the others keep theirs)."""
    by_id = {article.id: article for article in articles}
    originals = [a for a in articles if a.duplicate_of is None or a.duplicate_of not in by_id]
    index = StoryIndex()
    placed: set[str] = set()
    for story in existing:
        members = [i for i in story.article_ids if i in by_id and by_id[i] in originals]
        index.restore(story.id, [profile(by_id[i], leads.get(i)) for i in members])
        placed.update(members)
    for article in originals:
        if article.id not in placed:
            index.add(profile(article, leads.get(article.id)))
    before = {story.id: story for story in existing}
    stories = []
    for story_id, members in index.groups().items():
        copies = [a.id for a in articles if a.duplicate_of in members]
        article_ids = [*members, *copies]
        old = before.get(story_id)
        if old is not None and old.article_ids == article_ids:
            stories.append(old)
            continue
        chosen = [by_id[i] for i in article_ids]
        title = next((a.title for a in chosen if a.title), story_id)
        facts = compare_story(story_id, chosen, actors, load_sentences(article_ids))
        stories.append(Story(story_id, title, article_ids, facts))
    return sorted(stories, key=lambda story: -len(story.article_ids))
