"""Stories: clustering across languages, incremental updates, embeddings kept, and facts compared."""

from __future__ import annotations

import shutil
from collections import Counter

import numpy as np
import pytest
import sqlalchemy as sa

from newsprism.model import Article
from newsprism.pipeline import run_analysis
from newsprism.store import SCHEMA_VERSION, Database, StoryFilter
from newsprism.stories import (
    StoryIndex,
    embed,
    embed_leads,
    pack,
    profile,
    sentence_spans,
    similarity,
    unpack,
    vectorize,
)
from newsprism.stories.cluster import ArticleProfile
from samples import EXAMPLES


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    return run_analysis([EXAMPLES], db=tmp_path_factory.mktemp("stories") / "x.db").corpus


def _facts(corpus, kind):
    return [fact for story in corpus.stories for fact in story.facts if fact.kind == kind]


def test_translations_are_close_and_other_statements_are_not():
    vectors = embed(["Wir haben keine Zeit zu verlieren.", "We have no time to lose.", "Die Deiche halten."])
    assert vectors.shape == (3, 512)
    assert float(vectors[0] @ vectors[1]) > 0.8 > 0.4 > float(vectors[0] @ vectors[2])


def test_leads_of_one_story_are_closer_across_languages_than_another_story():
    vectors = embed_leads(
        [
            "Hochwasser an der Elbe: Deiche bei Pirna halten, 600 Menschen in Notunterkünften.",
            "Elbe floods: dykes near Pirna hold, 600 people in emergency shelters.",
            "Zentralbank erhöht den Leitzins um einen halben Prozentpunkt.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.05


def _leads(groups: dict[str, int], loners: int) -> list[ArticleProfile]:
    """Profiles whose unit leads all share a cosine of 0.76 (unrelated news), plus 0.12 within a
    group: ``loners`` articles first, then the groups' members in order."""
    size = 1 + len(groups) + loners + sum(groups.values())
    rows = [(f"loner{n}", None) for n in range(loners)]
    rows += [(f"{group}{n}", column) for column, (group, count) in enumerate(groups.items(), 1) for n in range(count)]
    profiles = []
    for own, (name, group) in enumerate(rows, 1 + len(groups)):
        vector = np.zeros(size, dtype=np.float32)
        vector[0] = np.sqrt(0.76)
        vector[own] = np.sqrt(0.24 if group is None else 0.12)
        if group is not None:
            vector[group] = np.sqrt(0.12)
        profiles.append(ArticleProfile(name, "de", None, Counter(), Counter(), vector))
    return profiles


def test_leads_alike_in_a_crowded_corner_count_less_than_a_lone_pair():
    """Ten articles of one template (police reports of one station) are as close as two reports of
    one story, but their corner is crowded: the pair stays one story, the template does not."""
    profiles = _leads({"pair": 2, "template": 10}, loners=20)
    by_id = {item.article_id: item for item in profiles}
    index = StoryIndex()
    story = {item.article_id: index.add(item) for item in profiles}
    assert float(by_id["template0"].vector @ by_id["template1"].vector) == pytest.approx(0.88)
    assert story["pair0"] == story["pair1"]
    assert len({story[f"template{n}"] for n in range(10)}) > 1
    assert index.score(by_id["template0"], by_id["template1"]) < index.score(by_id["pair0"], by_id["pair1"])


def test_stories_restored_judge_crowds_as_the_stream_that_built_them():
    profiles = _leads({"pair": 2, "template": 6}, loners=9)
    built = StoryIndex()
    for item in profiles:
        built.add(item)
    by_id = {item.article_id: item for item in profiles}
    restored = StoryIndex()
    for story_id, members in built.groups().items():
        restored.restore(story_id, [by_id[member] for member in members])
    for first, second in (("template0", "template5"), ("pair0", "pair1"), ("loner0", "template3")):
        assert restored.score(by_id[first], by_id[second]) == pytest.approx(built.score(by_id[first], by_id[second]))


def test_a_broken_lead_vector_skews_no_other_articles_crowd():
    profiles = _leads({"pair": 2, "group": 3}, loners=12)
    broken = ArticleProfile("broken", "de", None, Counter(), Counter(), np.full_like(profiles[0].vector, np.nan))
    with_broken, without = StoryIndex(), StoryIndex()
    for item in profiles[:6]:
        with_broken.add(item), without.add(item)
    with_broken.add(broken)
    for item in profiles[6:]:
        with_broken.add(item), without.add(item)
    assert [members for members in with_broken.groups().values() if members != ["broken"]] == list(
        without.groups().values()
    )
    first, second = profiles[-2], profiles[-1]
    assert with_broken.score(first, second) == pytest.approx(without.score(first, second))


def test_two_articles_of_one_outlet_count_less_alike_than_of_two():
    def article(name: str, url: str | None = None, source: str | None = None) -> ArticleProfile:
        text = "Die Polizei sucht Zeugen eines Einbruchs in eine Lagerhalle am Hafen."
        return profile(Article(name, name, "text", text, text, language="de", url=url, source=source))

    first = article("a", url="https://www.polizei-hafen.example/meldung/1")
    same_outlet = article("b", url="https://polizei-hafen.example/meldung/2")
    other_outlet = article("c", url="https://morgenblatt.example/lokales/einbruch")
    assert (first.outlet, same_outlet.outlet) == ("polizei-hafen.example", "polizei-hafen.example")
    assert article("d", source=" Morgenblatt ").outlet == "morgenblatt"
    assert article("e", url="http://[::1", source="Blatt").outlet == "blatt"  # a malformed address
    assert article("f").outlet is None
    assert similarity(first, other_outlet) > 0
    assert similarity(first, same_outlet) == pytest.approx(0.7 * similarity(first, other_outlet))


def test_one_outlets_feed_follows_its_own_stories():
    """In a corpus of one outlet the outlet tells nothing, so its articles count as alike as their
    leads say; once a second outlet is in, two of one outlet count less."""
    first, second, other = _leads({"story": 2}, loners=1)[::-1]
    first.outlet = second.outlet = "blatt.example"
    index = StoryIndex()
    index.add(first), index.add(second)

    def leads_alone() -> float:
        return similarity(first, second, index.neighbourhood.crowding(first, second), same_outlet=1.0)

    assert leads_alone() > 0
    assert index.score(first, second) == pytest.approx(leads_alone())
    other.outlet = "zeitung.example"
    index.add(other)
    assert index.score(first, second) == pytest.approx(0.7 * leads_alone())


def test_vectors_survive_the_store_round_trip():
    text = "Der erste Satz steht hier. Der zweite Satz steht dort drüben."
    article = Article(id="a1", path="a", format="text", raw_text=text, text=text)
    [vectors] = vectorize([article])
    assert vectors.spans == sentence_spans(article.text) and len(vectors.spans) == 2
    again = unpack(pack(vectors))
    assert again.spans == vectors.spans
    assert np.allclose(again.sentences, vectors.sentences, atol=0.02)
    assert float(again.story @ vectors.story) > 0.995  # int8 storage loses little


def test_a_quote_given_to_two_speakers_is_a_conflict(examples):
    quotes = [
        f for f in _facts(examples, "quote") if "time to lose" in f.statement or "Zeit zu verlieren" in f.statement
    ]
    assert any(f.status == "conflict" and "Rothkegel" in f.statement and "Brenner" in f.statement for f in quotes)


def test_different_counts_and_days_conflict_and_equal_ones_agree(examples):
    counts = _facts(examples, "count")
    assert any(f.status == "conflict" and "1200" in f.statement and "1500" in f.statement for f in counts)
    assert any(f.status == "agreed" and len(f.mentions) >= 4 and "600" in " ".join(m.text for m in f.mentions)
               for f in counts)  # fmt: skip
    dates = _facts(examples, "date")
    assert any(f.status == "conflict" and "2026-11-05" in f.statement and "2026-11-06" in f.statement for f in dates)


def test_what_one_source_adds_is_single(examples):
    singles = [f for f in examples.stories[0].facts + examples.stories[1].facts + examples.stories[2].facts
               if f.status == "single"]  # fmt: skip
    assert singles and all(len({m.article_id for m in f.mentions}) == 1 for f in singles)
    for story in examples.stories:
        for fact in story.facts:
            for mention in fact.mentions:
                assert examples.article(mention.article_id).text[mention.start : mention.end] == mention.text


def test_stories_grow_without_being_reclustered(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    for path in sorted(EXAMPLES.iterdir()):
        if path.name in ("README.md", "planted.yaml"):
            continue
        shutil.copy(path, (first if path.name.startswith(("flood", "continental")) else second) / path.name)
    db = tmp_path / "x.db"
    run_analysis([first], db=db)
    with Database(str(db)) as database:
        before = {story.id: set(story.article_ids) for story in database.stories()}
    run_analysis([second], db=db)
    with Database(str(db)) as database:
        after = {story.id: set(story.article_ids) for story in database.stories()}
        assert len(database.vectors()) == database.count_articles()
    assert len(after) == 3
    for story_id, members in before.items():
        if story_id in after:
            assert members <= after[story_id]


def _downgrade(db, version: int, *statements: str) -> None:
    """Make ``db`` look as an older newsprism left it."""
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(f"UPDATE settings SET value = '{version}' WHERE key = 'schema_version'")
    engine.dispose()


def test_a_version_1_database_gets_the_vectors_table(tmp_path):
    db = tmp_path / "old.db"
    run_analysis([EXAMPLES / "flood-elbtalkurier-de.txt"], db=db)
    _downgrade(db, 1, "DROP TABLE article_vectors")
    run_analysis([EXAMPLES / "flood-morningledger-en.md"], db=db)
    with Database(str(db)) as database:
        assert database.schema_version == SCHEMA_VERSION
        assert len(database.vectors()) == 2  # the old article is embedded when stories are updated


def test_a_version_2_database_gets_the_browsing_tables_and_search_index(tmp_path):
    db = tmp_path / "v2.db"
    run_analysis([EXAMPLES / "flood-elbtalkurier-de.txt", EXAMPLES / "flood-morningledger-en.md"], db=db)
    _downgrade(
        db,
        2,
        *(f"DROP TABLE {table}" for table in ("story_members", "article_actors", "inbox", "search")),
        "DROP INDEX ix_stories_latest",
        "ALTER TABLE stories DROP COLUMN size",
        "ALTER TABLE stories DROP COLUMN latest",
    )
    with Database(str(db)) as database:
        assert database.schema_version == SCHEMA_VERSION
        stories, total = database.story_page(StoryFilter())
        assert total == len(database.stories()) >= 1
        assert stories[0].article_ids and database.story_ids_of(stories[0].article_ids)
        assert {hit.kind for hit in database.search("Rothkegel")} >= {"actor", "article"}
        assert database.actor_page()[1] >= 3


def test_a_version_3_database_embeds_its_leads_again(tmp_path):
    db = tmp_path / "v3.db"
    run_analysis([EXAMPLES / "flood-elbtalkurier-de.txt"], db=db)
    _downgrade(db, 3, "UPDATE article_vectors SET story = zeroblob(512)")  # a USE lead vector, as v3 stored it
    run_analysis([EXAMPLES / "flood-morningledger-en.md"], db=db)
    with Database(str(db)) as database:
        assert database.schema_version == SCHEMA_VERSION
        vectors = [unpack(row) for row in database.vectors().values()]
        assert len(vectors) == 2 and all(v.story.shape == (384,) for v in vectors)
        assert len(database.stories()) == 1  # the German and English reports are one story


def _analysed(tmp_path, texts: dict[str, str]):
    """The corpus of ``texts`` (file name → text) analysed as one folder."""
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return run_analysis([tmp_path], db=tmp_path / "x.db").corpus


def _one_story(tmp_path, texts: dict[str, str]):
    """The one story ``texts`` make (they must make exactly one)."""
    (story,) = _analysed(tmp_path, texts).stories
    return story


def test_a_number_read_before_the_pair_it_contradicts_joins_their_conflict(tmp_path):
    texts = {  # read in this order: the 45 days come between the two accounts of 40, and match only the second
        "a.txt": "Source: Wire A\nDate: 2024-05-07\n\nBlinken arrives in Cairo\n\nUS Secretary of State Antony "
        "Blinken arrived in Cairo on Tuesday for talks on a 40-day ceasefire in Gaza.",
        "b.txt": "Quelle: Blatt B\nDatum: 2024-05-07\n\nGespräche in Kairo\n\nUS-Außenminister Antony Blinken "
        "reiste am Dienstag nach Kairo. Nach Angaben von Reuters soll die Waffenruhe zunächst 45 Tage dauern.",
        "c.txt": "Quelle: Blatt C\nDatum: 2024-05-07\n\nBlinken in Kairo\n\nUS-Außenminister Antony Blinken ist am "
        "Dienstag in Kairo eingetroffen. Dort will er mit Vertretern Ägyptens und Katars über eine 40-tägige "
        "Waffenruhe beraten.",
    }
    corpus = _analysed(tmp_path, texts)
    assert len(corpus.stories) == 1
    days = [f for f in corpus.stories[0].facts if f.kind == "count" and "45" in " ".join(m.text for m in f.mentions)]
    assert len(days) == 1 and days[0].status == "conflict" and len(days[0].mentions) == 3


def test_one_actors_absence_told_with_different_targets_is_one_agreed_fact(tmp_path):
    texts = {  # the talks' parties in one account, the country of the visit in the other
        "a.txt": "Quelle: Blatt A\nDatum: 2025-03-04\n\nScholz bleibt den Gesprächen fern\n\nBundeskanzler Olaf "
        "Scholz wird am Freitag nicht an den Gesprächen zwischen Berlin und Paris über die Zölle teilnehmen.",
        "b.txt": "Quelle: Blatt B\nDatum: 2025-03-04\n\nKein Besuch in Paris\n\nOlaf Scholz wird am Freitag nicht "
        "zu den Gesprächen über die Zölle nach Frankreich reisen, teilte ein Sprecher mit.",
    }
    story = _one_story(tmp_path, texts)
    events = [(fact.statement, fact.status) for fact in story.facts if fact.kind == "event"]
    assert events == [("Olaf Scholz: CONSULT — did not happen", "agreed")]


def test_one_speakers_reported_statement_in_two_sources_is_an_agreed_quote(tmp_path):
    texts = {  # the same statement of Scholz's, paraphrased; Merz's in one source only
        "a.txt": "Quelle: Blatt A\nDatum: 2025-03-04\n\nZollstreit mit Paris\n\nBundeskanzler Olaf Scholz sagte, "
        "die Zölle auf Stahl würden noch in diesem Monat fallen. Friedrich Merz erklärte, er halte den Plan "
        "für einen Fehler.",
        "b.txt": "Quelle: Blatt B\nDatum: 2025-03-04\n\nScholz: Stahlzölle fallen\n\nOlaf Scholz erklärte, dass die "
        "Stahlzölle bis Ende des Monats abgeschafft werden sollen.",
    }
    story = _one_story(tmp_path, texts)
    quotes = [(fact.statement.split(":")[0], fact.status) for fact in story.facts if fact.kind == "quote"]
    assert quotes == [("Olaf Scholz", "agreed")]  # Merz's statement is left to the sentences


def test_a_date_or_an_abbreviation_ends_no_sentence_of_a_story():
    text = "Genf, 12. März 2026 – Die Stadt baut eine Brücke. Dr. Karla Brenner sagte das z. B. am Montag."
    assert [text[start:end] for start, end in sentence_spans(text)] == [
        "Genf, 12. März 2026 – Die Stadt baut eine Brücke.",
        "Dr. Karla Brenner sagte das z. B. am Montag.",
    ]


def test_counts_of_months_and_volumes_are_compared_across_languages_and_eras(tmp_path):
    texts = {  # the mandate differs (18 / 24 months), the demand agrees (40 billion m³); 1962's figure is history
        "a.txt": "Quelle: Blatt A\nDatum: 2026-03-03\n\nWasserstreit am Rhein: Kommission in Genf vereinbart\n\n"
        "Die Schweiz und Frankreich haben sich am Dienstag in Genf auf eine gemeinsame Wasserkommission geeinigt. "
        "Ihr Mandat ist auf 18 Monate befristet. Frankreich verlangt mindestens 40 Milliarden Kubikmeter Wasser "
        "pro Jahr.",
        "b.txt": "Source: Wire B\nDate: 2026-03-03\n\nRhine water dispute: commission agreed in Geneva\n\n"
        "Switzerland and France agreed in Geneva on Tuesday to set up a joint water commission. The commission "
        "will have a mandate of 24 months. France is demanding at least 40 billion cubic metres of water a year. "
        "A treaty signed in 1962 had allotted 55 billion cubic metres a year to France.",
    }
    story = _one_story(tmp_path, texts)
    counts = {tuple(sorted(m.text for m in f.mentions)): f.status for f in story.facts if f.kind == "count"}
    assert counts[("18 Monate", "24 months")] == "conflict"
    assert counts[("40 Milliarden Kubikmeter", "40 billion cubic metres")] == "agreed"
    assert counts[("55 billion cubic metres",)] == "single"  # the treaty's year sets it apart from today's demand


def test_what_one_source_announces_and_another_reports_done_is_no_conflict(tmp_path):
    texts = {
        "a.txt": "Quelle: Blatt A\nDatum: 2026-03-02\n\nStreit um Wasserabkommen in Genf\n\nIn Genf wird seit Montag "
        "über ein Wasserabkommen für den Rhein verhandelt. Frankreich wird das Abkommen nicht unterzeichnen, "
        "sagte ein Diplomat.",
        "b.txt": "Source: Wire B\nDate: 2026-03-04\n\nRhine water deal in Geneva\n\nTalks on a water agreement for "
        "the Rhine continued in Geneva. France signed the agreement on Wednesday.",
    }
    story = _one_story(tmp_path, texts)
    agree = [fact for fact in story.facts if fact.kind == "event" and fact.statement.startswith("France: AGREE")]
    assert len(agree) == 2 and {fact.status for fact in agree} == {"single"}, [(f.statement, f.status) for f in agree]


def test_a_count_of_last_week_is_no_rival_of_todays(tmp_path):
    texts = {  # two sources tell of last week's two injured; a third has only today's 31, in a like sentence
        "a.txt": "Quelle: Blatt A\nDatum: 2026-06-16\n\nDrohnenangriff auf Genf\n\nGenf wurde in der Nacht zu Dienstag "
        "von Drohnen angegriffen. Genf war bereits vergangene Woche Ziel eines Drohnenangriffs gewesen, bei dem "
        "zwei Menschen verletzt worden waren.",
        "b.txt": "Source: Wire B\nDate: 2026-06-16\n\nDrone attack on Geneva\n\nDrones attacked Geneva overnight into "
        "Tuesday. Geneva had already been the target of a drone attack last week, in which two people were injured.",
        "c.txt": "Quelle: Blatt C\nDatum: 2026-06-16\n\nDrohnen über Genf\n\nGenf wurde in der Nacht zu Dienstag von "
        "Drohnen angegriffen. Bei dem Drohnenangriff wurden 31 Menschen verletzt.",
    }
    story = _one_story(tmp_path, texts)
    counts = {tuple(sorted(m.text for m in f.mentions)): f.status for f in story.facts if f.kind == "count"}
    assert counts == {("two people", "zwei Menschen"): "agreed", ("31 Menschen",): "single"}


def test_a_source_that_tells_an_act_both_ways_contradicts_no_one(tmp_path):
    texts = {
        "a.txt": "Source: Wire A\nDate: 2026-06-16\n\nStrike near Geneva\n\nRussia did not target civilians near "
        "Geneva. Russia struck fuel depots near Geneva on Monday, the ministry said.",
        "b.txt": "Source: Wire B\nDate: 2026-06-16\n\nFuel depots hit near Geneva\n\nThe depots burned for hours. "
        "Russia struck fuel depots near Geneva on Monday, officials said.",
    }
    story = _one_story(tmp_path, texts)
    assert [(f.statement, f.status) for f in story.facts if f.kind == "event"] == [("Russia: ASSAULT", "agreed")]


def test_dates_years_apart_are_two_events_not_a_conflict(tmp_path):
    texts = {  # the same attack dated 16 and 15 June by two sources; a third recalls an attack of 2023
        "a.txt": "Quelle: Blatt A\nDatum: 2026-06-16\n\nDrohnenangriff auf Genf\n\nGenf wurde am 16. Juni von Drohnen "
        "angegriffen, sieben Menschen wurden verletzt.",
        "b.txt": "Source: Wire B\nDate: 2026-06-16\n\nDrone attack on Geneva\n\nDrones attacked Geneva on June 15, "
        "injuring seven people.",
        "c.txt": "Source: Review C\nDate: 2026-06-16\n\nGeneva under drone fire again\n\nDrones attacked Geneva on "
        "July 18, 2023, injuring two people.",
    }
    story = _one_story(tmp_path, texts)
    conflicts = [f for f in story.facts if f.kind == "date" and f.status == "conflict"]
    assert len(conflicts) == 1 and sorted(m.text for m in conflicts[0].mentions) == ["16. Juni", "June 15"]
