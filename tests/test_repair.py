"""The repair stage: glued words, quotes, mojibake, hyphenation, offsets, idempotence."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.repair import NameMemory, alignment_from_repairs, repair_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _seed(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip("../shared/seeds is not available")
    return matches[0].read_text(encoding="utf-8")


def _splits(result) -> list:
    return [repair for repair in result.repairs if "split" in repair.kind]


def test_seed_001_glued_names_are_split():
    result = repair_text(_seed("001"), "de")
    for glued, fixed in [
        ("Putinhat", "Putin hat"),
        ("abgelehntVolodymyr", "abgelehnt Volodymyr"),
        ("Zelenskyyfür", "Zelenskyy für"),
        ("inIstanbulFrieden", "in Istanbul Frieden"),
        ("demKremlDer", "dem Kreml Der"),
        ("KopfesHauptdirektion", "Kopfes Hauptdirektion"),
        ("Sybihagemeinsame", "Sybiha gemeinsame"),
        ("Emirateam", "Emirate am"),
        ("Merzangesprochenes", "Merz angesprochenes"),
        ("Trumpwürde", "Trump würde"),
        ("Erdoganam", "Erdogan am"),
        ("Waffenstillstandals", "Waffenstillstand als"),
        ("wollteMoskaubald", "wollte Moskau bald"),
        ("in2019", "in 2019"),
        ("Fominstellvertretender", "Fomin stellvertretender"),
        ("Galuzinstellvertretender", "Galuzin stellvertretender"),
        ("Verteidigungsminister;Mikhail", "Verteidigungsminister; Mikhail"),
    ]:
        assert glued not in result.text
        assert fixed in result.text
    assert "US-Beamter" in result.text
    assert "Lavrov – Wer" in result.text
    # compounds and names that merely look glued stay whole
    for word in ("Verhandlungsrahmen", "Verhandlungsformat", "Kulturminister", "Außenminister", "Medinsky"):
        assert word in result.text


def test_seed_000_gets_only_its_quotes_normalised():
    raw = _seed("000")
    result = repair_text(raw, "de")
    assert result.repairs
    assert not _splits(result)
    assert {repair.kind for repair in result.repairs} == {"quote"}
    assert ",," not in result.text
    assert "„ohne jegliche Vorbedingungen“" in result.text


@pytest.mark.parametrize(
    "text",
    [
        "Der Außenminister und der Präsidentschaftsberater sprachen über einen Waffenstillstand.",
        "McDonald, iPhone, YouTube, BioNTech, DeSantis, LeBron und MacBook sind bekannt.",
        "Die CDU/CSU, US-Beamte und die EU-Kommission reagierten.",
        "Mehr unter https://www.example.com/PolitikNews oder an redaktion@ExampleNews.de, #BreakingNews.",
        "Die LehrerInnen der AfD-nahen GmbH trafen sich mit der KfW.",
        "Der Code ruft getUserName() und `parseJSON` auf, die Antwort kommt als JSON; parseJSON meldet Fehler.",
        "Der Kremlchef und der Kiewer Bürgermeister trafen die Ministerin.",
    ],
)
def test_legitimate_tokens_are_never_split(text):
    assert _splits(repair_text(text, "de")) == []


def test_comma_quotes_become_german_quotes():
    assert repair_text('Er sagte ,,nein" und ging.', "de").text == "Er sagte „nein“ und ging."


def test_mojibake_is_fixed():
    result = repair_text("Die BÃ¼rgermeisterin begrÃ¼ÃŸte die Einigung fÃ¼r die Stadt.", "de")
    assert result.text == "Die Bürgermeisterin begrüßte die Einigung für die Stadt."
    assert {repair.kind for repair in result.repairs} == {"mojibake"}


def test_line_break_hyphenation():
    result = repair_text("Die Verhand-\nlungen mit dem US-\nBeamten laufen.", "de")
    assert result.text == "Die Verhandlungen mit dem US-Beamten laufen."


def test_spaces_and_invisible_characters():
    result = repair_text("Der  Minister\u00adpräsident   kam.  \nEnde", "de")
    assert result.text == "Der Ministerpräsident kam.\nEnde"


def test_names_from_the_corpus_decide_a_split():
    memory = NameMemory()
    glued = "Senatorin Dörte Kwadrukgewann die Wahl."  # a strong past tense: after a rare name, left whole
    assert "Kwadruk gewann" not in repair_text(glued, "de", memory).text
    memory.learn("Die Senatorin Dörte Kwadruk sprach im Rathaus.")
    assert "Kwadruk gewann" in repair_text(glued, "de", memory).text


def test_repairs_index_the_raw_text_and_map_both_ways():
    raw = 'Vladimir Putinhat ,,nein" gesagt inIstanbul.'
    result = repair_text(raw, "de")
    for repair in result.repairs:
        assert raw[repair.start : repair.end] == repair.original
        assert result.text[repair.text_start : repair.text_end] == repair.replacement
    alignment = alignment_from_repairs(raw, result.repairs)
    assert alignment.target == result.text
    start = result.text.index("hat")
    assert raw[slice(*result.to_raw(start, start + 3))] == "hat"
    start = result.text.index("Istanbul")
    assert raw[slice(*result.to_raw(start, start + 8))] == "Istanbul"
    start = result.text.index("„nein“")
    assert raw[slice(*result.to_raw(start, start + 6))] == ',,nein"'
    raw_start = raw.index("Putin")
    assert result.text[slice(*result.to_text(raw_start, raw_start + 5))] == "Putin"


def test_quality_separates_noisy_from_clean_text():
    clean = repair_text("Die Regierung hat am Dienstag neue Regeln beschlossen. Sie gelten ab Mai.", "de")
    noisy = repair_text("Die Regierunghat amDienstag neueRegeln beschlossen ,,Sie gelten abMai.", "de")
    assert clean.quality.score == 1.0
    assert noisy.quality.score < 0.8
    assert noisy.quality.repair_rate > 0


_ALPHABET = st.sampled_from([*"abcdeäöüßABCDEÄÖÜ  \n,.;:-–\"„“'", "Putin", "hat", "in", "Istanbul", ",,", "Ã¼"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_repair_is_idempotent_and_offsets_round_trip(raw):
    result = repair_text(raw, "de")
    assert repair_text(result.text, "de").text == result.text
    assert alignment_from_repairs(raw, result.repairs).target == result.text
    previous_end = -1
    for repair in result.repairs:
        assert 0 <= repair.start <= repair.end <= len(raw)
        assert repair.start >= previous_end
        previous_end = repair.end
    for start in range(len(result.text) + 1):
        raw_start, raw_end = result.to_raw(start, start)
        assert 0 <= raw_start <= raw_end <= len(raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["die", "regierung", "hat", "am", "dienstag", "neue", "regeln", "und"]), max_size=30))
def test_clean_text_comes_back_unchanged(words):
    text = " ".join(words)
    result = repair_text(text, "de")
    assert result.text == text
    assert result.repairs == []


def test_a_glued_title_is_repaired_with_the_names_of_its_text(analysed_seeds):
    title = analysed_seeds["001"].title
    assert title.startswith("Vladimir Putin hat einen mutigen Vorschlag von abgelehnt Volodymyr Zelenskyy für")
    assert analysed_seeds["001"].raw_text.startswith("Vladimir Putinhat")  # the raw text is kept as it was


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("Die Regierung hat sich undder Opposition angeschlossen.", "sich und der Opposition"),
        ("Er sprach vondem Treffen in Bern.", "von dem Treffen"),
        ("Sie wandtesich an die Presse.", "wandte sich an"),
        ("Die Belagerungvon Sewastopol dauerte lange.", "Belagerung von Sewastopol"),
        ("Die FDPzu diesem Zeitpunkt schwieg.", "FDP zu diesem"),
        ("Die Lieferungen an dieUdSSRauf dem Seeweg.", "die UdSSR auf dem"),
        ("Der Gipfel findet in Berlindas erste Mal statt.", "Berlin das erste"),
        ("Die Spieler aus Bayernan der Tabellenspitze jubelten.", "Bayern an der"),
        ("Am Abend handeltees sich um einen Irrtum.", "handelte es sich"),
        ("Dazu sagte der Sprecher, esnoch prüfen zu wollen.", "es noch prüfen"),
        ("Sie empfingen diebosnischen Gäste.", "die bosnischen Gäste"),
        ("Der Pegel stieg um zwei Zentimeterbetrug aber am Abend weniger.", "Zentimeter betrug"),
        ("Die Truppen zogen vonKurskbis an die Grenze.", "Kursk bis an"),
        ("Die Abgeordnete Gledsonund ihr Team reisten ab.", "Gledson und ihr"),
        ("Die Zahl stieg auf166 Fälle, rund 40Prozent mehr als 1987das Jahr davor.", "auf 166 Fälle"),
        ("Die Zahl stieg auf166 Fälle, rund 40Prozent mehr als 1987das Jahr davor.", "40 Prozent mehr"),
        ("Die Zahl stieg auf166 Fälle, rund 40Prozent mehr als 1987das Jahr davor.", "1987 das Jahr"),
        ("Die Spiele in Stuttgart1994 waren ein Erfolg.", "Stuttgart 1994 waren"),
        ("Die Reedereien Cosconund Maersk wachsen.", "Coscon und Maersk"),  # no word ends in "…nund"
        ("Gestern hat Lindnerist zurückgetreten.", "Lindner ist"),  # a frequent name no lexicon lists
        ("Danach Scholzäußerte sich.", "Scholz äußerte sich"),
        ("Scholzäußerte sich gestern.", "Scholz äußerte sich"),  # unlisted, so a name at a sentence's start too
        ("Esentwickelte sich ein Streit. Auchhier blieb es ruhig.", "Es entwickelte sich ein Streit. Auch hier"),
        ("Sie traf Sulkovskyin Prag.", "Sulkovsky in Prag"),  # no German word ends in "…yin"
        # web text writes these so often that wordfreq lists "inder" and "aufden" as words
        ("Er wohnt inder Stadt und fährt aufden Berg.", "in der Stadt und fährt auf den Berg"),
        ("Dann wurdeer gewählt, aberes blieb still, weil binich.", "wurde er gewählt, aber es blieb"),
        ("Dann wurdeer gewählt, aberes blieb still, weil binich.", "bin ich"),
        ("Sie bedankte sichfürdie Hilfe, das ist aucheinesystematische Frage.", "sich für die Hilfe"),
        ("Sie bedankte sichfürdie Hilfe, das ist aucheinesystematische Frage.", "auch eine systematische"),
        ("Gestern EADSist gestiegen, die FDAin Washington schwieg.", "EADS ist gestiegen, die FDA in"),
        ("Verkauft wurden 600.000Radios für je 0,02Euro.", "600.000 Radios für je 0,02 Euro"),
        ("Laut Joachim Nagelkönnte die Wirtschaft wachsen.", "Joachim Nagel könnte die"),  # after a given name
        # verb forms only the dictionary knows, none of the corpora
        ("Der Stadtratverbucht einen Überschuss, den die Behördeverschwieg.", "Stadtrat verbucht einen"),
        ("Der Stadtratverbucht einen Überschuss, den die Behördeverschwieg.", "Behörde verschwieg"),
        ("Der Konzernmeldete Verluste.", "Konzern meldete"),  # no noun "Meldete"
        ("DieFDP verliert, meldet DerSPIEGEL.", "Die FDP verliert, meldet Der SPIEGEL"),  # a function word, an acronym
        # a common noun, then an acronym (not "WestLB", below)
        ("Das meldete die NachrichtenagenturNKVA, der AufsteigerSV jubelte.", "Nachrichtenagentur NKVA, der"),
        ("Das meldete die NachrichtenagenturNKVA, der AufsteigerSV jubelte.", "Aufsteiger SV jubelte"),
        ("Zuletzt präsentiertenKBZ ein neues Album.", "präsentierten KBZ ein"),  # a rarer lowercase word too
        ("Das ThemaFC bewegte die Stadt.", "Thema FC bewegte"),  # a common noun, though names hold it too
        # a two-letter function word after a rare name, where no word ends so ("…xtam", "…auim")
        ("Die Aktie von Ferrolinxam Montag stieg, Kohle kam aus Brzozkauim Herbst.", "Ferrolinx am Montag"),
        ("Die Aktie von Ferrolinxam Montag stieg, Kohle kam aus Brzozkauim Herbst.", "Brzozkau im Herbst"),
        # a past tense neither corpus nor dictionary knows in lowercase only, after a name seen alone
        ("Die Ministerin Tarnowska kam spät. Danach Tarnowskabegrüßte sie die Gäste.", "Tarnowska begrüßte"),
        ("Der Forscher Kellmann lachte. Am Ende Kellmannappellierte er an alle.", "Kellmann appellierte"),
        # and after a rare name, where the token splits no other way into two known words
        ("Der Verein Kolbitzerverbuchte einen Gewinn.", "Kolbitzer verbuchte einen"),
        # a word in lowercase without a nominal ending after a rare name ("Radfahren" ends so, below)
        ("Danach Sarowkitrug es die Treppe hinauf.", "Sarowki trug es"),
        ("Danach kam Waltorferstmals zu Wort.", "Waltorf erstmals zu"),  # though "Walt" is a word too
        # a function word after a compound that ends in a common noun ("…straße", "…familie")
        ("Die Anwohner der Quittenstraßeund der Kerbelallee klagten.", "Quittenstraße und der"),
        # "in" after a common noun, where no word ends so ("…agin")
        ("Er war im Vertragin Berlin genannt.", "Vertrag in Berlin"),
        # "…e in" is not "…ein": once "Kirch|ein" is refused, "Kirche|in" is next
        ("Sie sang in der Kirchein Hamburg.", "Kirche in Hamburg"),
        # numbers: a word that merely starts like "1990er" or "21st" is glue, and so is a frequent word before one
        ("Der Umsatz 2004stieg um rund6 Prozent, 2010erhielt er den Preis.", "2004 stieg um rund 6 Prozent"),
        ("Der Umsatz 2004stieg um rund6 Prozent, 2010erhielt er den Preis.", "2010 erhielt"),
        ("Der Kurs lag bei 1,3440USD, der Preis bei 60EURund mehr.", "1,3440 USD, der Preis bei 60 EUR und mehr"),
        ("Auf der A12wurden Schilder, die S6beendete den Betrieb.", "A12 wurden Schilder, die S6 beendete"),
        ("Der Erfolg desT3 ist groß, die Arbeit amA380 dauert.", "des T3 ist groß, die Arbeit am A380 dauert"),
        ("Die Formel 3000in Spanien und die Autobahn 92am Abend.", "3000 in Spanien und die Autobahn 92 am Abend"),
        ("Im Jahr 500kletterte er, 18jährige folgten 3fach.", "500 kletterte er, 18jährige folgten 3fach"),
        ("Danach hissteer die Fahne, leichter als gedacht.", "hisste er die Fahne, leichter als"),  # a rare verb
        # "in" and "an" after a function word ("darin", "immerhin" are words)
        ("Es reicht bisin den Mai, darin und immerhin auchan Land.", "bis in den Mai, darin und immerhin auch an"),
        ("Die Kämpfer vonal-Kaida, lokal bekannt.", "von al-Kaida, lokal bekannt"),  # the Arabic article
        # a name glued to two lowercase words that are glued themselves
        ("Die Vereinehabengroße Sorgen.", "Vereine haben große Sorgen"),
        # a past tense after a rare name, though the corpora have seen it in lowercase
        ("Die Gruppe Haltovawechselte den Trainer.", "Haltova wechselte den"),
        # a month before its day, a frequent word before three digits or more
        ("Der Vertrag vom September20 galt bis März15.", "September 20 galt bis März 15"),
        ("Er zählte in Deutschland947 Orte.", "Deutschland 947 Orte"),
        ("Sie lebte in Valturbioin Spanien.", "Valturbio in Spanien"),  # no woman's title ends in a vowel and "in"
        # a rare name glued on its left is glued on its right too, as link text is
        ("Die Schiffe inSkjaldarvikdienen dem Handel.", "in Skjaldarvik dienen dem"),
        ("Die Bauern ausOberzwieselerarbeiten alles.", "aus Oberzwiesel erarbeiten alles"),
        # a sentence's first word that German never writes in lowercase is a name as anywhere else
        ("Das Wetter war schlecht. Krembichvermutet, dass es regnet.", "Krembich vermutet, dass"),
        ("Es regnete. Gudrabesitzt ein Haus.", "Gudra besitzt ein Haus"),
        # a preposition between two glued names belongs to the second
        ("Die Ärztin Melanie-KorkmazinBremen half.", "Korkmaz in Bremen half"),
        # a function word after a compound of a common noun, though a longer tail was a noun ("lieder")
        ("Er sprach von der Herrscherfamilieder Stadt.", "Herrscherfamilie der Stadt"),
    ],
)
def test_glued_words_are_split(glued, fixed):
    assert fixed in repair_text(glued, "de").text


@pytest.mark.parametrize(
    "text",
    [
        # a compound's noun, a participle or a suffix is not a separate word
        "Der Tankstellenangestellte und die Privatklageverfahren liefen weiter.",
        "Die Rechtsschutzbeauftragte sprach. Der Rechtsschutz ist wichtig.",
        "Sachsen liegt im Osten. Die Steiermark ist landesweit, die Steiermarkweit nicht bekannt.",
        "Der nichtalkoholische Drink und die eingeflogenen Waren kamen an.",
        "Die Maladen und der Reisender warteten, zustimmendes Nicken folgte.",
        "Die Eppsteiner und Frankensteiner trafen Einsteins Erben.",
        "Sie mitgemacht hat, weil sie vorgestellt wurde.",
        "Das Gemeinschaftstreffen im Tierschutzbund und der Staatenbund.",
        "Der Exlobbyist und die Präsidentin trafen die Ministerin.",  # "lobbyist" ends it, a word
        "Der Förderverein, die Rennsportlegenden und die Sortenerhaltung.",
        "Sie sprach, indem sie beider Seiten gedachte; zudem schwieg sie indes.",
        "Es war ein Ganzes, reiner Wein und schlimmer als gedacht.",  # adjectives end in -es, -er
        "Die PKWs fuhren EUweit 3,5km mit Version 2.0beta, 1,5fach gesichert.",
        "Es sprachen Walter Taubeneder und Dieter Frohmader im Hamburger Rettungsverein.",  # names end in "der"
        "Der „Kaiserbaam“ steht bei Abdulkarim, Hakim und Joachim.",  # names that end in function words
        # nominalised ordinals after a noun, as sports news compounds them
        "Der Bundesligavierten traf den Tabellenletzten, der Weltligasiebten den Gruppenersten.",
        # a verb stem before a hyphen is a compound's first part ("bestell" is also an imperative)
        "Der Pizzabestell-Service und der Kinderbestell-Zettel.",
        # nominalised participles, which the dictionary lists as nouns
        "Die Bundesbeauftragte und der Krankenversicherte sprachen.",
        # past tenses that are also nouns ("Flaute", "Scharten"), after a name or not
        "Der Bundesverband Deutscher Versicherungskauflaute klagte, der Zollbeamte schwieg.",
        "Zwei Barscharten leben im See, Barsch ist selten.",
        "Die WestLB und die NordLB fusionierten, die BayernLB nicht.",  # banks named by a word and "LB"
        "Die Anwaltin kam.",  # a feminine form, misspelt: words end in "…ltin", so "in" stays on
        # nominalised verbs and adjectives, and a place with a compound's linking "s"
        "Das Radfahren, das Zähneputzen und die Jahresbeste. Sie wohnt in Dörnchesfuhr.",
        "Die Firma Check24 und Tele2 wachsen, wie K&Lmitteilte.",  # brands; a particle verb's past tense
    ],
)
def test_compounds_and_word_endings_are_not_split(text):
    assert _splits(repair_text(text, "de")) == []


def test_a_lowercase_tail_that_hides_a_function_word_is_not_split_off_a_rare_name():
    assert "Umminge rund" not in repair_text("Es spielten Ummingerund Martin.", "de").text  # or "Umminger|und"?


def test_glue_on_a_names_left_does_not_settle_a_cut_in_doubt():
    assert "Trabelhei meine" not in repair_text("Wir fuhren undTrabelheimeine Stunde.", "de").text  # or "…heim|eine"


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("Sie ist die LandespatroninVirgen.", "die Landespatronin Virgen."),  # a woman's title ("patronin")
        ("Das FolgealbumNirvana kam.", "Das Folgealbum Nirvana kam."),  # "um" ends nouns
    ],
)
def test_a_title_or_noun_before_a_glued_name_keeps_its_ending(glued, fixed):
    assert fixed in repair_text(glued, "de").text


def test_a_chained_tail_yields_to_a_longer_known_head():
    assert "Holst einer" not in repair_text("Die Schleswig-Holsteinerziemlich oft.", "de").text


def test_an_unknown_head_yields_to_a_known_one():
    result = repair_text("Wie Taiwangehört hat, kamen die Niederschlägeführten zu Schäden.", "de")
    assert "Taiw angehört" not in result.text
    assert "Niederschlä geführten" not in result.text


def test_am_stays_on_a_name_standing_alone():
    text = "The Illuminati rule. Join Illuminatiam today."  # brands end in "am"
    assert repair_text(text, "en").text == text


def test_a_weak_english_tail_leaves_a_shorter_closed_class_one_its_chance():
    result = repair_text("The Israeli envoy spoke. Many Israelisand others came.", "en")
    assert "Israelis and others" in result.text  # not "Israeli sand"


def test_english_function_words_are_split():
    assert "said that it" in repair_text("She saidthat it was fine.", "en").text


@pytest.mark.parametrize(
    "text",
    [
        # women's titles, nominalised verbs and genitives, numbers with suffixes, names with digits
        "Die Methodistin, die Wienerin und die Herzogin trafen die Präsidentin.",
        "Die Revolutionsfeiern und das Stummsein endeten mangels Strommangels nicht.",
        "Der 18jährige aus den 1990er Jahren fuhr einen Airbus A320 zum G20-Gipfel, 3fach gesichert.",
        "In den 20ern und 1990ern kam er als 3ter ins Ziel, am 2ten Tag als 21ster.",
        "Die Fertigungszahlen und die Vorschriften galten bis 2019.",
    ],
)
def test_feminine_forms_nominalisations_and_number_words_are_not_split(text):
    assert _splits(repair_text(text, "de")) == []


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("I heardthem from a friend.", "heard them from"),
        ("Where doyou live now?", "do you live"),
        ("They criticised theUSassault on the city.", "the US assault"),
        ("Troops from the UKand Canada stayed, the USfor its part left.", "UK and Canada stayed, the US for its"),
        ("The GoverningCouncil met.", "Governing Council met"),
        # a frequent word that the German name counts also know ("Administration"), after a sure name
        (
            "Officials of the Nakamuraadministration met. Nakamura spoke.",
            "the Nakamura administration met",
        ),
        # a closed-class word after an acronym, whatever names share it; a month before its day
        ("Fans of the NYbut not the LSUmay come, said the ENAas well.", "NY but not the LSU may come, said the ENA as"),
        ("It opened on August17th and closed on March3.", "on August 17th and closed on March 3."),
        ("Fans said Obamacan win and Merkelmay come.", "Obama can win and Merkel may come"),  # modals
        # a word glued to the Arabic article of the name that follows ("total", "withal" stay whole)
        (
            "Hundreds ofal-Qaeda fighters, rivals ofal Qaeda, the total withal.",
            "of al-Qaeda fighters, rivals of al Qaeda, the total withal.",
        ),
        ("Natashais late today.", "Natasha is late"),  # a known name begins the sentence
        # the same glue twice, after a name the text has alone
        (
            "Microsoft and Googleis quickly at war, and Googleis big, said Google.",
            "Google is quickly at war, and Google is big",
        ),
        # frequent words that names share ("Made", "Work", "Say"), after a name the text has alone
        ("Musharraf spoke first. Later Musharrafmade a deal.", "Musharraf made a deal"),
        ("Delhi is big. Police in Delhiwork hard.", "Delhi work hard"),
        ("Delhi is big. People in Delhisay so.", "Delhi say so"),
        ("Houston is big. We flew to Houstonor Dallas.", "Houston or Dallas"),  # two-letter closed-class words
        ("Tell me what canI do, said the XyzqI model.", "can I do, said the XyzqI model"),  # "I" after a common word
        # the article "a" and a possessive's "s" before a known capitalised word ("aQuantive" stays whole)
        (
            "He bought aSaab, used aQuantive tools and read Obama'sPlan.",
            "a Saab, used aQuantive tools and read Obama's Plan",
        ),
    ],
)
def test_english_glue_around_short_words_and_acronyms_is_split(glued, fixed):
    assert fixed in repair_text(glued, "en").text


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("The meeting wascancelledfrom the agenda.", "was cancelled from the"),  # three words
        ("She is agreat friend and anidiot at chess.", "a great friend and an idiot at"),  # articles
        ("Is thatit or isthis the one?", "Is that it or is this the"),  # two closed-class words
        ("We waited forthis moment.", "for this moment"),  # not "fort his": the likelier pair
        ("Prices rose after strongdemand this year.", "strong demand this"),  # two content words
        ("Troops left Iraqand came home.", "Iraq and came"),  # a short name before a short word
        ("A spokesman for Sadrsaid the talks failed.", "Sadr said the"),  # "said" is also a name
        # a case change judged by the words that meet there, not the glued runs around them
        ("Yesterday BushnominatedJennifer Smith.", "Bush nominated Jennifer"),
        ("He said the UnitedStatescould win.", "United States could win"),
        # web text puts "theus" and "insan" in wordfreq's lists; after "the" or "in" a capital is glue
        ("He flew to theUS and inSan Francisco.", "to the US and in San Francisco"),
        ("we went inkerala last year", "in kerala last"),  # a name web text writes in lowercase
        ("Honestly Iknow the place and Ithink it is fine.", "I know the place and I think it"),  # not "Iran"
        # short words that also end words ("…it", "…or"), after a frequent longer word
        ("We heardit on the radio and booked onlineor by phone.", "heard it on the radio and booked online or"),
        # joins web text writes so often that wordfreq counts them, though no dictionary lists them
        ("Most ofthe staff said ifyou ask, weare ready.", "of the staff said if you ask, we are ready"),
        # a sentence's first word: two closed-class words, or a name seen alone and one
        ("Mary called. Maryis late. Thisis the plan.", "Mary is late. This is the plan."),
        ("TheUS army left. OnTV they said so.", "The US army left. On TV they"),  # a first word and an acronym
    ],
)
def test_english_lowercase_glue_is_split(glued, fixed):
    assert fixed in repair_text(glued, "en").text


@pytest.mark.parametrize(
    "text",
    [
        "He filled in the timesheet and signed the guestbook.",  # known whole, though rare
        "That is anothers problem.",  # a misspelling, not "an others"
        "The blacklined draft: the blacklined pages came back.",  # the author's word, used twice
        "Sweden won after Ronnback and Summermatter scored.",  # surnames ending in common words
        # after a known name, a frequent word that ends many words ends a compound ("…watch", "…notes")
        "Reports on the Eurowatch and the Berlinnotes came from Euro traders in Berlin.",
        "They use PowerPoint, SharePoint, SolarWinds, HarperCollins, PlayStation, DreamWorks and InDesign.",
        "Iran, Iraq, Idaho, Ivan, Ideal and Iceland.",
        "The American and Mexican Republicans met the Pelican, Duncan and Vatican.",  # not "…|can"
        "Tickets at MAYWARDFor and Channel4 or BART.",  # the acronym's last capital begins a frequent word
        "The editor, the mentor and the visitor played tennis: a habit, a gambit.",  # words ending in "or", "it"
        "A tome on the fora of Rome; however, nothing became of it.",  # rare words made of two frequent ones
        "Ramthan Hussain reported from Kuala Lumpur. W. Athey won.",  # names, not "Ram than", "A they"
    ],
)
def test_english_words_and_repeated_compounds_are_not_split(text):
    assert _splits(repair_text(text, "en")) == []


def test_german_words_are_not_cut_into_three():
    # three-word chains only where no two known words make the token: "nieder|alemannischen", "werden|sollen"
    assert _splits(repair_text("Die niederalemannischen Mundarten blieben.", "de")) == []
    assert "wer den" not in repair_text("Die Arbeiten werdensollen bald enden.", "de").text


def test_after_a_given_name_a_token_is_not_cut_where_two_other_words_meet():
    text = repair_text("Notenbanker Richard Fischerwies zudem darauf hin.", "de").text
    assert "Fisch erwies" not in text  # "Fischer|wies" is the glue, if any
