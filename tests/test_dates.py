"""Dates resolved against the publication date (issue 7's date rules)."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.extract import find_dates

PUBLISHED = date(2025, 5, 14)  # a Wednesday
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beide Delegationen werden am Donnerstag abreisen.", "2025-05-15"),
        ("Die Ministerin hatte am Sonntag einen Plan vorgestellt.", "2025-05-11"),
        ("Am späten Mittwoch meldete das Ministerium den Termin.", "2025-05-14"),
        ("Mittwochabend reiste er nach Ankara.", "2025-05-14"),
        ("Die Reform, die das Parlament im Februar 2022 beschlossen hatte.", "2022-02"),
        ("Das Treffen fand vor drei Jahren statt.", "2022"),
        ("Er reiste am 12. Mai nach Kiew.", "2025-05-12"),
        ("Am 15. Mai 2022 begann es.", "2022-05-15"),
        ("Die Gespräche sollen kommenden Montag beginnen.", "2025-05-19"),
        ("Vergangenen Freitag sprach er im Bundestag.", "2025-05-09"),
        ("Gestern sagte der Minister, er sei zufrieden.", "2025-05-13"),
        ("Trump visited Riyadh on Tuesday.", "2025-05-13"),
        ("The talks will resume on Thursday.", "2025-05-15"),
        ("Officials met last week.", "2025-05-05/2025-05-11"),
        ("Die Gespräche sind die ersten seit drei Jahren.", "2022-05-14/2025-05-14"),
        ("Am 03.10.2024 war Feiertag.", "2024-10-03"),
        ("Tusk hat angekündigt, am Montag nach Brüssel zu reisen.", "2025-05-19"),  # an intention
        ("Er bestritt, am Montag dort gewesen zu sein.", "2025-05-12"),  # a perfect infinitive
        ("Grain was destroyed in the attacks of July 18 and 19, 2023.", "2023-07-18"),  # the year after the days
        ("The summit ran on June 3-4, 2021.", "2021-06-03"),
        ("Die Frist endete am 3. Mär 2024.", "2024-03-03"),  # German abbreviations too ("Mär", "Okt")
        ("Die Frist endete am 3. Okt. 2024.", "2024-10-03"),
    ],
)
def test_date_expressions_resolve_against_the_publication_date(text, expected):
    values = [mention.value for mention in find_dates(text, PUBLISHED)]
    assert values == [expected]


def test_mentions_point_into_the_text():
    text = "Am Donnerstag, dem 15. Mai 2025, kamen die Delegationen nach Istanbul."
    for mention in find_dates(text, PUBLISHED):
        assert text[mention.start : mention.end] == mention.text


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert [m.value for m in find_dates("Am 15. Mai 2022 und am Donnerstag.", None)] == ["2022-05-15"]


def test_seed_000_thursday_is_the_coming_one():
    matches = sorted(SEEDS.glob("000_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip("../shared/seeds is not available")
    text = matches[0].read_text(encoding="utf-8")
    first_sentence = text.split(".")[0]
    # "am Donnerstag" is the coming Thursday; "seit drei Jahren" the three years up to publication
    assert [m.value for m in find_dates(first_sentence, PUBLISHED)] == ["2025-05-15", "2022-05-14/2025-05-14"]


@given(st.text(max_size=200), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
def test_never_raises_and_offsets_stay_in_bounds(text, published):
    for mention in find_dates(text, published):
        assert 0 <= mention.start < mention.end <= len(text)
