"""The HTML report shows repairs, escaped like all article text."""

from newsprism.pipeline import run_analysis
from newsprism.report import render_report


def test_report_marks_repairs_and_escapes_them(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        'Quelle: Testblatt\n\nTitel\n\nDie Ministerin Karla Brennerhat am Dienstag ,,<b>nein</b>" gesagt. '
        "Karla Brenner sprach in Hamburg.",
        encoding="utf-8",
    )
    corpus = run_analysis([article], db=tmp_path / "x.db").corpus
    page = render_report(corpus)
    assert '<ins title="split">␣</ins>' in page
    assert '<del title="quote">,,</del><ins title="quote">„</ins>' in page
    assert "<b>nein</b>" not in page
    assert "&lt;b&gt;nein&lt;/b&gt;" in page
    assert "text quality" in page
    assert '<h2 id="actors">Actors</h2>' in page
    assert "Karla Brenner" in page.split("<h2>Articles</h2>")[0]
