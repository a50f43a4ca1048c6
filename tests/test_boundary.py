"""The learned boundary model: it splits glue the rules leave whole, and never a plain word."""

import numpy as np

from newsprism.repair import repair_text
from newsprism.repair.boundary import FEATURES, BoundaryModel, boundary_model, choose_splits, split_points
from newsprism.repair.glue import LEARNED_SPLIT, boundary_candidates, glue_edits


def test_shipped_german_model_loads_with_its_cutoff():
    model = boundary_model("de")
    assert model is not None
    assert model.feature.shape == model.threshold.shape
    assert 0.5 < model.cutoff < 1.0


def test_probabilities_walk_every_tree():
    # one stump: feature 0 <= 1.0 goes left (value -2), else right (value +2)
    stump = BoundaryModel(
        feature=np.array([[0, -1, -1]]),
        threshold=np.array([[1.0, 0.0, 0.0]]),
        left=np.array([[1, 0, 0]]),
        right=np.array([[2, 0, 0]]),
        value=np.array([[0.0, -2.0, 2.0]]),
        bias=0.0,
        cutoff=0.5,
    )
    rows = np.zeros((2, len(FEATURES)), dtype=np.float32)
    rows[1, 0] = 3.0
    low, high = stump.probabilities(rows)
    assert low < 0.5 < high


def test_one_split_per_word_the_likeliest():
    chosen = choose_splits(["a", "a", "b", "c"], np.array([0.96, 0.99, 0.5, 0.98]), 0.95)
    assert chosen == [1, 3]


def test_feminine_endings_and_particle_verbs_are_never_asked():
    assert all("Stadtpatronin"[point:] not in {"in", "innen"} for point in split_points("Stadtpatronin", "de"))
    assert 3 not in split_points("mitgehörten", "de")
    assert 4 not in split_points("reingeführt", "de")  # an adverb's compound
    assert 4 not in split_points("wohlorganisierten", "de")


def test_adjective_and_adverb_compounds_are_never_asked():
    assert 3 not in split_points("gutschrieben", "de")
    assert 4 not in split_points("weiterreichten", "de")
    assert 3 not in split_points("prosyrischen", "de")


def test_a_compounds_first_element_is_never_asked():
    text = "Sie hoffen auf die Politikfor-Gruppe."
    positions, _, _ = boundary_candidates(text, "de")
    start = text.index("Politikfor")
    assert not [position for position in positions if start < position < start + len("Politikfor")]


def test_the_word_before_tells_the_model_whether_a_noun_phrase_opens():
    opened = boundary_candidates("Er kam mit Umsturzversuchen davon.", "de")
    plain = boundary_candidates("Er kam, Umsturzversuchen davon.", "de")
    column = FEATURES.index("after a noun phrase's opener")
    assert opened[2].shape[0] > 0 and plain[2].shape[0] > 0
    assert set(opened[2][:, column]) == {1.0} and set(plain[2][:, column]) == {0.0}


def test_applied_only_leaves_out_words_the_text_repeats():
    text = "Die Budgetregeln gelten. Die Budgetregeln sind streng. Die Haushaltsregelnx auch."
    every, _, _ = boundary_candidates(text, "de")
    applied, _, _ = boundary_candidates(text, "de", applied_only=True)
    repeated = text.index("Budgetregeln")
    assert any(repeated < position < repeated + 12 for position in every)
    assert not any(repeated < position < repeated + 12 for position in applied)


def test_a_function_word_after_a_given_name_is_never_asked():
    # surnames end so ("Walter Taubeneder"); without the given name the point is asked
    text = "Es sprachen Walter Taubeneder und andere."
    positions, _, _ = boundary_candidates(text, "de")
    assert text.index("der und") not in positions
    positions, _, _ = boundary_candidates(text.replace("Walter ", "der "), "de")
    assert text.replace("Walter ", "der ").index("der und") in positions


def test_known_words_offer_no_candidates():
    positions, words, rows = boundary_candidates("Die Bundesregierung hat gestern entschieden.", "de")
    assert positions == [] and words == [] and rows.shape == (0, len(FEATURES))


def test_a_rare_name_glued_to_a_verb_is_split():
    text = "Der Trainer Leblacher sprach. Danach hat Leblacherausgetragen, was geplant war."
    result = repair_text(text, "de")
    assert "Leblacher ausgetragen" in result.text
    assert [repair.kind for repair in result.repairs] == [LEARNED_SPLIT]  # a fact-checker sees it was the model


def test_clean_compounds_stay_whole():
    text = "Die Präsidentschaftsberaterin und der Waffenstillstandsbeobachter trafen Außenministerinnen."
    assert glue_edits(text, "de", learned=True) == []
    assert repair_text(text, "de").text == text


def test_the_model_can_be_left_out():
    text = "Der Trainer Leblacher sprach. Danach hat Leblacherausgetragen, was geplant war."
    assert "Leblacherausgetragen" in repair_text(text, "de", learned=False).text
