"""Stories of a corpus: the clustering, then each story's facts."""

from __future__ import annotations

from newsprism.model import Actor, Article, Story
from newsprism.stories.cluster import StoryIndex, profile
from newsprism.stories.facts import compare_story


def build_stories(articles: list[Article], actors: list[Actor]) -> list[Story]:
    """Cluster the articles (near-duplicates follow their original) and compare each story's sources."""
    index = StoryIndex()
    for article in articles:
        if article.duplicate_of is None:
            index.add(profile(article))
    by_id = {article.id: article for article in articles}
    stories = []
    for story_id, members in index.groups().items():
        copies = [a.id for a in articles if a.duplicate_of in members]
        chosen = [by_id[i] for i in [*members, *copies]]
        title = next((a.title for a in chosen if a.title), story_id)
        stories.append(Story(story_id, title, [a.id for a in chosen], compare_story(story_id, chosen, actors)))
    return sorted(stories, key=lambda story: -len(story.article_ids))
