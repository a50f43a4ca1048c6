"""The link stage: one actor per person across spellings, languages and articles; titles; roles."""

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.link import ActorRegistry, KnowledgeBase, check_file, link_article, name_key, resolve_mention
from newsprism.model import Article, Entity
from newsprism.pipeline import run_analysis

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXTRA_KB = Path(__file__).parent / "data" / "extra_kb.yaml"


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


@pytest.mark.parametrize(
    "spellings",
    [
        ["Selenskyj", "Zelenskyy", "Zelensky", "Zelenskiy"],
        ["Wolodymyr Selenskyj", "Volodymyr Zelenskyy"],
        ["Medinski", "Medinsky"],
        ["Lawrow", "Lavrov"],
        ["Sergej Lawrow", "Sergei Lavrov"],
        ["Uschakow", "Ushakov"],
        ["Erdoğan", "Erdogan"],
    ],
)
def test_transliterations_share_a_key(spellings):
    assert len({name_key(spelling) for spelling in spellings}) == 1


def test_different_people_keep_different_keys():
    assert name_key("Donald Trump") != name_key("Donald Tusk")
    assert name_key("Andrij Sybiha") != name_key("Andrij Jermak")


def test_builtin_knowledge_base_is_valid_and_rich(kb):
    assert check_file(Path(__file__).parents[1] / "src/newsprism/link/data/actors.yaml") == []
    types = {actor.type for actor in kb.actors.values()}
    assert types == {"person", "organisation", "country", "place"}
    assert sum(1 for actor in kb.actors.values() if actor.type == "person") >= 80


@pytest.mark.parametrize(
    ("mention", "language", "when", "gold_name"),
    [
        ("Selenskyj", "de", None, "Volodymyr Zelenskyy"),
        ("Zelenskiy", "en", None, "Volodymyr Zelenskyy"),
        ("Putins", "de", None, "Vladimir Putin"),
        ("der russische Präsident", "de", date(2025, 5, 15), "Vladimir Putin"),
        ("der Kiewer Präsident", "de", date(2025, 5, 15), "Volodymyr Zelenskyy"),
        ("der Moskauer Präsident", "de", date(2025, 5, 15), "Vladimir Putin"),
        ("Kremlchef", "de", date(2025, 5, 15), "Vladimir Putin"),
        ("Bundeskanzler", "de", date(2023, 1, 10), "Olaf Scholz"),
        ("Bundeskanzler", "de", date(2025, 10, 1), "Friedrich Merz"),
        ("russischen", "de", None, "Russia"),
        ("Kiewer", "de", None, "Kyiv"),
        ("Kreml", "de", None, "Kremlin"),
        ("Reuters", "de", None, "Reuters"),
    ],
)
def test_mentions_resolve_to_the_right_actor(kb, mention, language, when, gold_name):
    found = resolve_mention(mention, language, when, kb)
    assert found is not None, mention
    assert kb.actors[found].name == gold_name


def test_us_president_depends_on_the_date(kb):
    trump = resolve_mention("US-Präsident", "de", date(2019, 6, 1), kb)
    biden = resolve_mention("US-Präsident", "de", date(2022, 6, 1), kb)
    assert kb.actors[trump].name == "Donald Trump"
    assert kb.actors[biden].name == "Joe Biden"


def test_unknown_people_are_not_merged_into_known_ones(kb):
    for name in ("Anne Merz", "Thomas Müller", "Eric Trump"):
        assert resolve_mention(name, "de", None, kb) is None, name


def test_kb_check_reports_every_problem(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nactors:\n"
        "  - {id: a, type: person, name: A, roles: [{role: boss, title: {de: Chef}}]}\n"
        "  - {id: a, type: alien, name: B, country: nowhere}\n",
        encoding="utf-8",
    )
    problems = check_file(bad)
    assert any("duplicate id" in p for p in problems)
    assert any("type must be" in p for p in problems)
    assert any("unknown id 'nowhere'" in p for p in problems)
    assert any("role" in p for p in problems)
    runner = CliRunner()
    assert runner.invoke(app, ["kb", "check", str(bad)]).exit_code == 1
    good = runner.invoke(app, ["kb", "check", str(EXTRA_KB)])
    assert good.exit_code == 0, good.output


def test_users_knowledge_base_extends_the_builtin_one(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Quelle: Testblatt\nDatum: 2026-11-04\n\nHafen\n\nDie Hafensenatorin Erika Beispiel besuchte am Dienstag "
        "Hamburg. Beispiel sprach mit Arbeitern.",
        encoding="utf-8",
    )
    corpus = run_analysis([article], db=tmp_path / "x.db", kb=[EXTRA_KB]).corpus
    ids = {entity.text: entity.actor_id for entity in corpus.articles[0].entities}
    assert ids.get("Erika Beispiel") == "kb:erika_beispiel"
    assert ids.get("Beispiel") == "kb:erika_beispiel"


def test_new_actors_merge_across_articles(tmp_path):
    for name, source in (("a.txt", "Blatt A"), ("b.txt", "Blatt B")):
        (tmp_path / name).write_text(
            f"Quelle: {source}\nDatum: 2026-11-04\n\nStreik\n\n"
            "Gewerkschaftssprecher Jonas Fantasiewicz sagte in Hamburg, der Streik gehe weiter. "
            f"Fantasiewicz rechnet mit Gesprächen ({source}).",
            encoding="utf-8",
        )
    corpus = run_analysis([tmp_path], db=tmp_path / "x.db").corpus
    ids = {e.actor_id for a in corpus.articles for e in a.entities if "Fantasiewicz" in e.text}
    assert len(ids) == 1
    (actor_id,) = ids
    assert actor_id.startswith("new:person:")
    actor = next(a for a in corpus.actors if a.id == actor_id)
    assert any("Gewerkschaftssprecher" in role.title for role in actor.roles)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available")
    directory = tmp_path_factory.mktemp("seeds")
    corpus = run_analysis([SEEDS], db=directory / "seeds.db", published="2025-05-15").corpus
    by_prefix = {Path(article.path).name[:3]: article for article in corpus.articles}
    return corpus, by_prefix


def _actors_of(article, surname):
    return {e.actor_id for e in article.entities if e.label == "PER" and e.text.split()[-1].startswith(surname)}


def _actor_of(article, surname):
    ids = _actors_of(article, surname)
    assert len(ids) == 1, (surname, ids)
    return ids.pop()


def test_seeds_link_transliterations_to_one_actor(seeds):
    _, by_prefix = seeds
    for prefix, surname in (("000", "Selenskyj"), ("001", "Zelenskyy")):
        assert _actors_of(by_prefix[prefix], surname) == {"kb:volodymyr_zelenskyy"}, prefix
    assert _actor_of(by_prefix["000"], "Medinski") == _actor_of(by_prefix["001"], "Medinsky")
    assert _actors_of(by_prefix["000"], "Putin") == _actors_of(by_prefix["001"], "Putin") == {"kb:vladimir_putin"}


def test_a_city_adjective_links_to_its_city_however_it_was_found(seeds):
    _, by_prefix = seeds
    kiewer = [e.actor_id for e in by_prefix["000"].entities if e.text == "Kiewer"]  # "der Kiewer Präsident"
    assert kiewer and set(kiewer) == {"kb:kyiv"}


def test_seed_roles(seeds):
    corpus, by_prefix = seeds
    actors = {actor.id: actor for actor in corpus.actors}

    def titles(article, surname):
        return {(role.title, role.article_id) for role in actors[_actor_of(article, surname)].roles}

    fomin = titles(by_prefix["000"], "Fomin")
    for prefix in ("000", "001"):
        assert any(
            "stellvertretender Verteidigungsminister" in title and article == by_prefix[prefix].id
            for title, article in fomin
        ), prefix
    for surname, expected in (("Kostyukov", "Kopf"), ("Galuzin", "Außenminister"), ("Merz", "Kanzler")):
        assert any(
            expected in title and article == by_prefix["001"].id for title, article in titles(by_prefix["001"], surname)
        ), surname


def test_actor_commands(seeds, tmp_path):
    runner = CliRunner(env={"COLUMNS": "200"})
    database = str(tmp_path / "cli.db")
    run_analysis([SEEDS], db=database, published="2025-05-15")
    listing = runner.invoke(app, ["actors", "--db", database, "--limit", "100"])
    assert listing.exit_code == 0, listing.output
    assert "Vladimir Putin" in listing.output
    detail = runner.invoke(app, ["actor", "Selenskyj", "--db", database])
    assert detail.exit_code == 0, detail.output
    assert "Zelenskyy" in detail.output
    assert "quotes" in detail.output and "wenn er keine Angst hat" in detail.output
    assert runner.invoke(app, ["actor", "Niemand Unbekannt", "--db", database]).exit_code != 0


def test_a_title_after_and_belongs_to_the_next_person():
    from newsprism.link.roles import title_after

    text = "Kremlchef Wladimir Putin und US-Präsident Donald Trump reisen nicht an."
    assert title_after(text, text.index("Putin") + len("Putin")) is None
    text = "Gespräche mit Alexander Fomin, stellvertretender Verteidigungsminister, und anderen."
    assert title_after(text, text.index("Fomin") + len("Fomin")) == "stellvertretender Verteidigungsminister"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Zur Delegation in Genf zählten Außenministerin Karla Brenner und ihr Berater.", "Karla", "Außenministerin"),
        ("Bürgermeister Jens Kohl und Senatorin Karla Brenner kamen zu spät.", "Karla", "Senatorin"),
        (
            "Mit dem stellvertretenden Verteidigungsminister Jens Kohl reiste sie ab.",
            "Jens",
            "stellvertretender Verteidigungsminister",
        ),
    ],
)
def test_a_title_before_a_name_takes_adjectives_not_a_verb_or_a_conjunction(text, name, title):
    from newsprism.link.roles import title_before

    assert title_before(text, text.index(name)) == title


def test_a_title_stands_alone_in_the_strong_form():
    from newsprism.link.roles import title_before

    text = "Der ukrainische Präsident Jens Kohl und die ehemalige Außenministerin Karla Brenner"
    assert title_before(text, text.index("Jens")) == "ukrainischer Präsident"
    assert title_before(text, text.index("Karla")) == "ehemalige Außenministerin"


def test_a_verb_after_a_name_ends_its_apposition():
    from newsprism.link.roles import title_after

    text = "Karla Brenner hatte den Kremlchef herausgefordert."
    assert title_after(text, len("Karla Brenner")) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gastgeber Marek Wisniak, Polens Außenminister, fand deutliche Worte. Polens Außenminister reiste ab.", "de"),
        ("Poland's foreign minister, Marek Wisniak, hosted the talks. Poland's foreign minister left early.", "en"),
    ],
)
def test_a_title_beside_a_named_person_is_theirs_not_the_knowledge_base_holders(tmp_path, text, language):
    (tmp_path / "a.txt").write_text(f"Datum: 2026-11-05\n\nTreffen\n\n{text}", encoding="utf-8")
    [article] = run_analysis([tmp_path / "a.txt"], db=tmp_path / "x.db", published="2026-11-05").corpus.articles
    holders = [e for e in article.entities if e.actor_id == "kb:radoslaw_sikorski"]
    # only the second, standalone title is the knowledge base's holder; the one set off by commas is Wisniak's
    assert len(holders) == 1 and holders[0].start > article.text.index(".")


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # a bare title is first that of an actor the article names ...
        (
            "Benjamin Netanjahu sprach in Jerusalem. Der Regierungschef warf der Hamas Verzögerungen vor.",
            "kb:benjamin_netanyahu",
        ),
        # ... and in German news without one, Germany's
        ("In Berlin tagte das Kabinett. Der Regierungschef kündigte Entlastungen an.", "kb:olaf_scholz"),
    ],
)
def test_a_bare_title_belongs_to_an_actor_the_article_names(tmp_path, text, holder):
    (tmp_path / "a.txt").write_text(f"Datum: 2024-05-07\n\nMeldung\n\n{text}", encoding="utf-8")
    [article] = run_analysis([tmp_path / "a.txt"], db=tmp_path / "x.db", published="2024-05-07").corpus.articles
    assert {e.actor_id for e in article.entities if e.text == "Regierungschef"} == {holder}


def test_a_new_name_loses_its_genitive_s_only_where_the_text_names_it_without(kb):
    text = "Quellwerks meldete Gewinne. Gundermann lobte das, Gundermanns Firma wächst."
    article = Article(id="a", path="a", format="text", raw_text=text, text=text, language="de")
    article.entities = [
        Entity(0, 10, "Quellwerks", "ORG"),
        Entity(28, 38, "Gundermann", "PER"),
        Entity(50, 61, "Gundermanns", "PER"),
    ]
    link_article(article, kb, ActorRegistry(kb))
    ids = {entity.text: entity.actor_id for entity in article.entities}
    assert ids["Quellwerks"] == "new:organisation:quellwerks"  # like "Reuters", "Siemens"
    assert ids["Gundermanns"] == ids["Gundermann"]


def test_an_unknown_organisation_is_one_actor_in_every_german_case(kb):
    registry = ActorRegistry(kb)
    ids = []
    for text, name in (
        ("Der Chef der Quellischen Bank sprach.", "Quellischen Bank"),
        ("Die Quellische Bank wächst.", "Quellische Bank"),
    ):
        article = Article(id=name, path="a", format="text", raw_text=text, text=text, language="de")
        start = text.index(name)
        article.entities = [Entity(start, start + len(name), name, "ORG")]
        link_article(article, kb, registry)
        ids.append(article.entities[0].actor_id)
    assert ids[0] == ids[1] and ids[0].startswith("new:organisation:")


def test_the_end_of_a_title_is_no_organisation(kb):
    text = "US Secretary of State Karla Brenner arrived in Cairo."
    article = Article(id="t", path="t", format="text", raw_text=text, text=text, language="en")
    state, brenner = text.index("State"), text.index("Karla")
    article.entities = [Entity(state, state + 5, "State", "ORG"), Entity(brenner, brenner + 13, "Karla Brenner", "PER")]
    link_article(article, kb, ActorRegistry(kb))
    assert "State" not in {entity.text for entity in article.entities}


def test_a_dateline_city_in_capitals_tagged_as_an_organisation_is_the_city(kb):
    text = "BERLIN (Reuters) - The council met. NATO said nothing."
    entities = [Entity(0, 6, "BERLIN", "ORG"), Entity(36, 40, "NATO", "ORG")]
    article = Article(id="a", path="a", format="text", raw_text=text, text=text, language="en", entities=entities)
    link_article(article, kb, ActorRegistry(kb))
    berlin, nato = article.entities[0], next(e for e in article.entities if e.text == "NATO")
    assert (berlin.label, berlin.actor_id) == ("LOC", "kb:berlin")
    assert nato.label == "ORG"


def _linked_titles(kb, text: str, language: str, people: list[str]) -> dict[str, str | None]:
    """Link ``text`` (dated 2026-03-02) with ``people`` marked as PER; the title mentions the linker adds."""
    article = Article(id="t", path="t", format="text", raw_text=text, text=text, language=language)
    article.published = "2026-03-02"
    article.entities = [Entity(text.index(p), text.index(p) + len(p), p, "PER") for p in people]
    link_article(article, kb, ActorRegistry(kb))
    named = {entity.text: entity.actor_id for entity in article.entities if entity.text in people}
    return {"people": named, "titles": [e.actor_id for e in article.entities if e.text not in people]}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der ägyptische Außenminister Samir Haddad kam nach Genf. Dort drohte der Außenminister mit Abreise.", "de"),
        ("Egypt's Foreign Minister Samir Haddad came to Geneva. There the foreign minister threatened to leave.", "en"),
        # titles the knowledge base lacks; the title set off before the name is no second mention
        ("Der Gouverneur des Gebiets, Samir Haddad, sprach. „Das ist ein Angriff“, sagte der Gouverneur.", "de"),
        ("Governor Samir Haddad spoke. The governor said it was an attack.", "en"),
    ],
)
def test_a_bare_title_is_the_person_the_article_gave_it_to(kb, text, language):
    found = _linked_titles(kb, text, language, ["Samir Haddad"])
    assert found["titles"] == [found["people"]["Samir Haddad"]]  # not the knowledge base's German minister


def test_a_bare_title_two_people_of_the_article_hold_is_nobodys(kb):
    text = (
        "Der ägyptische Außenminister Samir Haddad und der sudanesische Außenminister Omar Tahir kamen nach Genf. "
        "Dort drohte der Außenminister mit Abreise."
    )
    assert _linked_titles(kb, text, "de", ["Samir Haddad", "Omar Tahir"])["titles"] == []


@pytest.mark.parametrize(
    ("text", "span", "label", "parts"),
    [
        # an organisation's name run into a person named again later
        (
            "Die Gesandte der Afrikanischen Union Karla Brenner sprach. Karla Brenner reiste ab.",
            "Afrikanischen Union Karla Brenner",
            "ORG",
            [("Afrikanischen Union", "ORG"), ("Karla Brenner", "PER"), ("Karla Brenner", "PER")],
        ),
        # a place run into a name the NER took for a person
        (
            "Der Beauftragte für Afrika Jens Kohl reiste ab.",
            "Afrika Jens Kohl",
            "PER",
            [("Afrika", "LOC"), ("Jens Kohl", "PER")],
        ),
        # nouns after the known name, named as no person anywhere
        ("Der EU Kommission Chef sprach.", "EU Kommission Chef", "ORG", [("EU Kommission Chef", "ORG")]),
        # a known name after the known one
        ("Der Flughafen Berlin Brandenburg öffnete.", "Berlin Brandenburg", "ORG", [("Berlin Brandenburg", "ORG")]),
    ],
)
def test_a_span_run_from_a_known_name_into_a_person_is_split(kb, text, span, label, parts):
    article = Article(id="t", path="t", format="text", raw_text=text, text=text, language="de")
    start = text.index(span)
    article.entities = [Entity(start, start + len(span), span, label)]
    again = text.find("Karla Brenner", start + len(span))
    if again > 0:
        article.entities.append(Entity(again, again + len("Karla Brenner"), "Karla Brenner", "PER"))
    link_article(article, kb, ActorRegistry(kb))
    assert [(e.text, e.label) for e in article.entities if e.label != "MISC"] == parts
