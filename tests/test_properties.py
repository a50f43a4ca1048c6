"""Property tests: readers and normalisers never raise, identities are stable."""

from __future__ import annotations

import re
import unicodedata
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.ingest import IngestOptions, InputFile, normalize_date, read_input, sniff_format
from newsprism.ingest.metadata import DERIVED_TITLE_CHARS, derive_title
from newsprism.model import IngestError, RawDocument
from newsprism.pipeline import article_id

FAST = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = [".txt", ".md", ".html", ".json", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom", ".xml", ".gz", ".bin"]


@pytest.fixture(autouse=True)
def _quiet_dateutil():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateutil warns about unknown time zone names in random text
        yield


@FAST
@given(st.text(max_size=60))
def test_normalize_date_never_raises_on_text(value):
    result = normalize_date(value)
    assert result is None or (isinstance(result, str) and result)


@FAST
@given(st.from_regex(r"[0-9]{1,4}[-./ ][0-9]{1,2}[-./ ][0-9]{1,4}( [0-9]{1,2}:[0-9]{2})?", fullmatch=True))
def test_normalize_date_never_raises_on_date_like_text(value):
    result = normalize_date(value)
    assert result is None or result[:1].isdigit()


@FAST
@given(st.one_of(st.integers(), st.floats(), st.booleans(), st.none(), st.lists(st.integers(), max_size=3)))
def test_normalize_date_never_raises_on_other_values(value):
    normalize_date(value)


@FAST
@given(st.dates())
def test_normalize_date_keeps_iso_dates(value):
    assert normalize_date(value.isoformat()) == value.isoformat()


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_read_input_never_raises_on_arbitrary_bytes(tmp_path_factory, extension):
    folder = tmp_path_factory.mktemp("fuzz")

    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.binary(max_size=400))
    def check(data):
        path = folder / f"input{extension}"
        path.write_bytes(data)
        results = list(read_input(InputFile(str(path), path), IngestOptions(max_bytes=1000)))
        assert results  # always an article or a reason
        for result in results:
            assert isinstance(result, (RawDocument, IngestError))
            if isinstance(result, RawDocument):
                assert result.raw_text.strip()
            else:
                assert result.path.startswith(str(path))
                assert result.reason

    check()


@FAST
@given(st.binary(max_size=200))
def test_sniff_format_never_raises(head):
    assert sniff_format(head) in {"warc", "gzip", "binary", "feed", "html", "json", "jsonl", "text"}


_WORDS = st.lists(st.text(alphabet=st.characters(exclude_categories=("Z", "C")), min_size=1, max_size=8), min_size=1)
_SPACES = st.text(alphabet=" \t\n\r\u00a0\u2003", min_size=1, max_size=4)


@FAST
@given(_WORDS, st.data(), st.one_of(st.none(), st.text(max_size=20)))
def test_article_id_is_stable_under_whitespace_changes(words, data, source):
    plain = " ".join(words)
    separators = data.draw(st.lists(_SPACES, min_size=len(words) - 1, max_size=len(words) - 1))
    lead, trail = data.draw(st.text(alphabet=" \n\t", max_size=3)), data.draw(st.text(alphabet=" \n\t", max_size=3))
    spaced = lead + "".join(w + s for w, s in zip(words, [*separators, ""], strict=True)) + trail
    assert article_id(spaced, source) == article_id(plain, source)


@FAST
@given(st.text(min_size=1, max_size=50), st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_article_id_depends_on_source(text, first, second):
    def normalised(value):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value)).strip().casefold()

    if normalised(first) != normalised(second):
        assert article_id(text, first) != article_id(text, second)
    else:
        assert article_id(text, first) == article_id(text, second)


@FAST
@given(st.text(max_size=400))
def test_derived_title_is_short(text):
    title = derive_title(text)
    assert len(title) <= DERIVED_TITLE_CHARS + 1
    assert "\n" not in title
