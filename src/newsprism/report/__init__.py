"""Report: what leaves newsprism as files and pages — the export document, flat tables, the HTML
report, and the page views the web app renders.

Public surface: ``write_export``, ``corpus_tables``, ``write_report``, ``render_report``,
``FORMATS``; for the web app ``render_page``, ``Links`` and the view builders ``story_view``,
``story_summary``, ``actor_view``, ``article_view``.
"""

from newsprism.report.export import FORMATS, write_export
from newsprism.report.html import render_page, render_report, write_report
from newsprism.report.tables import corpus_tables
from newsprism.report.views import Links, StorySummary, actor_view, article_view, story_summary, story_view

__all__ = [
    "FORMATS",
    "Links",
    "StorySummary",
    "actor_view",
    "article_view",
    "corpus_tables",
    "render_page",
    "render_report",
    "story_summary",
    "story_view",
    "write_export",
    "write_report",
]
