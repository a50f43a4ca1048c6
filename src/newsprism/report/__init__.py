"""Report: what leaves newsprism as files — the export document, flat tables, the HTML report.

Public surface: ``write_export``, ``corpus_tables``, ``write_report``, ``render_report``, ``FORMATS``.
"""

from newsprism.report.export import FORMATS, write_export
from newsprism.report.html import render_report, write_report
from newsprism.report.tables import corpus_tables

__all__ = ["FORMATS", "corpus_tables", "render_report", "write_export", "write_report"]
