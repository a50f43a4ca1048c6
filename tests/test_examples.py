"""The invented example corpus (examples/) and the two real German seed articles (../shared/seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsprism.pipeline import run_analysis
from samples import EXAMPLES

PLANTED = yaml.safe_load((EXAMPLES / "planted.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    return run_analysis([EXAMPLES], db=tmp_path_factory.mktemp("examples") / "examples.db")


def _article_for(examples, event_article):
    """The analysed article for one entry of ``events[].articles`` (file, plus item for multi-article files)."""
    path = str(EXAMPLES / event_article["file"])
    candidates = [a for a in examples.corpus.articles if a.path == path]
    if "item" in event_article:
        candidates = [a for a in candidates if a.external_id == event_article["item"]]
    assert len(candidates) == 1, event_article
    return candidates[0]


def _source_articles():
    """Planted source name → the event entries that name it."""
    entries: dict[tuple[str, str], dict] = {}
    for event in PLANTED["events"]:
        for entry in event["articles"]:
            entries[(event["id"], entry["source"])] = entry
    return entries


def test_fifteen_articles_with_full_metadata_and_no_errors(examples):
    articles = examples.corpus.articles
    assert examples.corpus.errors == []
    assert examples.files == 12
    assert len(articles) == 15
    for article in articles:
        assert article.title, article.path
        assert article.source, article.path
        assert article.published, article.path
        assert article.language in {"de", "en"}, article.path
        assert article.duplicate_of is None, article.path
    assert sum(a.language == "de" for a in articles) == 10


def test_every_planted_article_is_found_with_its_language(examples):
    for entry in _source_articles().values():
        article = _article_for(examples, entry)
        assert article.language == entry["language"], entry


def test_planted_article_sources_outside_feeds(examples):
    for entry in _source_articles().values():
        if entry["file"].endswith(".rss"):
            continue
        assert _article_for(examples, entry).source == entry["source"], entry


def test_planted_feed_article_sources(examples):
    for entry in _source_articles().values():
        if entry["file"].endswith(".rss"):
            assert _article_for(examples, entry).source == entry["source"], entry


def _planted_values():
    for fact in PLANTED["facts"]:
        for value in fact["values"]:
            yield pytest.param(fact["event"], value["source"], value["text"], id=f"{fact['id']}-{value['source']}")


@pytest.mark.parametrize(("event", "source", "snippet"), list(_planted_values()))
def test_planted_snippet_is_in_the_article_of_its_source(examples, event, source, snippet):
    # planted.yaml: the snippet "occurs verbatim in the decoded article body" -> the raw (unrepaired) text
    article = _article_for(examples, _source_articles()[(event, source)])
    assert snippet in article.raw_text


def test_planted_noisy_examples_are_in_the_raw_text(examples):
    for noisy in PLANTED["noisy"]:
        [article] = [a for a in examples.corpus.articles if a.path == str(EXAMPLES / noisy["file"])]
        for example in noisy["examples"]:
            assert example in article.raw_text, (noisy["file"], example)


def test_sidecar_metadata_of_the_example(examples):
    [article] = [a for a in examples.corpus.articles if a.path.endswith("port-alsterbote-de.txt")]
    assert article.source == "Alsterbote Online"
    assert article.published == "2026-11-20"
    assert article.url == "https://alsterbote.example/hamburg/wirtschaft/hafenstreik-schiffe-warten-elbe"
    assert article.title == "Hafenstreik: Dutzende Schiffe warten vor Hamburg"


# --------------------------------------------------------------------------- seeds


def test_seed_articles(seeds_dir: Path, tmp_path):
    analysis = run_analysis([seeds_dir], db=tmp_path / "seeds.db")
    assert analysis.corpus.errors == []
    articles = analysis.corpus.articles
    assert len(articles) == 2
    for article in articles:
        assert article.language == "de"
        assert article.title
        assert len(article.title) <= 101 + 5  # a derived title is cut at 100; repair may add a few spaces
        assert len(article.raw_text.split()) > 100
        assert article.text.strip()
    assert len({a.id for a in articles}) == 2


def test_seed_articles_are_idempotent(seeds_dir: Path, tmp_path):
    first = run_analysis([seeds_dir], db=tmp_path / "seeds.db")
    second = run_analysis([seeds_dir], db=tmp_path / "seeds.db")
    assert second.new_ids == set()
    assert second.article_ids == first.article_ids


def test_examples_cluster_into_the_three_planted_stories(tmp_path):
    from newsprism.pipeline import run_analysis

    corpus = run_analysis([EXAMPLES], db=tmp_path / "x.db").corpus
    sizes = sorted(len(story.article_ids) for story in corpus.stories)
    assert sizes == [5, 5, 5]
    languages = [{corpus.article(i).language for i in story.article_ids} for story in corpus.stories]
    assert all(found == {"de", "en"} for found in languages)
