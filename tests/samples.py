"""Invented test material: small German and English news texts and builders for binary formats.

Every sentence here was written for these tests; none is taken from a real article.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "examples"
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"

DE_BRIDGE = (
    "Nach drei Jahren Bauzeit ist die neue Brücke über die Lauter in Musterstadt am Montag für den Verkehr "
    "freigegeben worden. Oberbürgermeisterin Petra Beispiel durchschnitt am Vormittag das Band und sprach von "
    "einem guten Tag für die ganze Region.\n\n"
    "Die Baukosten lagen nach Angaben der Stadt bei 24 Millionen Euro und damit etwas über der ursprünglichen "
    "Planung. Täglich sollen rund 15.000 Fahrzeuge die Brücke nutzen, schätzt das Tiefbauamt.\n\n"
    "Anwohner hatten sich jahrelang über Staus in der Innenstadt beklagt. Mit der neuen Verbindung soll der "
    "Durchgangsverkehr deutlich abnehmen, sagte ein Sprecher der städtischen Verkehrsbetriebe."
)

DE_FLOOD = (
    "In der Kleinstadt Bärenfeld mussten am Montag zahlreiche Häuser geräumt werden, nachdem der Pegel der "
    "Wiesel über Nacht um fast zwei Meter gestiegen war. Die Feuerwehr pumpte bis in die Morgenstunden Keller "
    "aus.\n\n"
    "Bürgermeisterin Jördis Weiß sagte, die Lage sei ernst, aber unter Kontrolle. Größere Schäden an Straßen "
    "und Brücken würden erst nach dem Rückgang des Wassers sichtbar. Für Betroffene wurde in der Turnhalle der "
    "Grundschule eine Notunterkunft eingerichtet."
)

DE_BUDGET = (
    "Der Gemeinderat von Kleinhausen hat am Donnerstagabend den Haushalt für das kommende Jahr verabschiedet. "
    "Größter Posten ist die Sanierung der Grundschule, für die knapp vier Millionen Euro eingeplant sind.\n\n"
    "Die Opposition kritisierte, dass die Gebühren für Kindergärten erneut steigen sollen. Kämmerer Uwe Zahl "
    "verteidigte den Plan: Ohne höhere Einnahmen sei die Schuldenbremse nicht einzuhalten."
)

EN_FERRY = (
    "The ferry service between the islands of Northholm and Southholm resumed on Friday after a week of storms "
    "kept the boats in harbour. Operators said the first crossing left on time and was fully booked.\n\n"
    "Harbour master Ellen Marsh said crews had used the break to repair a damaged landing stage. Timetables "
    "are expected to return to normal by Monday, although freight traffic will take longer to recover."
)

EN_LIBRARY = (
    "The city library in Eastbridge will open on Sundays from next month, the council announced on Tuesday. "
    "The change follows a public consultation in which more than two thousand residents asked for longer "
    "opening hours.\n\n"
    "Council leader Sam Okafor said the extra hours would be paid for by savings on energy after the building "
    "was fitted with new windows and a heat pump last year."
)


def text_file(body: str, header: str = "", title: str | None = None) -> str:
    """A plain-text article: optional header lines, optional title line, then the body."""
    parts = []
    if header:
        parts.append(header.rstrip("\n"))
    if title:
        parts.append(title)
    parts.append(body)
    return "\n\n".join(parts) + "\n"


BOILERPLATE = ("Wir verwenden Cookies", "Alle akzeptieren", "Startseite", "Impressum", "Alle Rechte vorbehalten")


def news_page(
    body: str = DE_BRIDGE,
    title: str = "Neue Brücke in Musterstadt eröffnet",
    site: str = "Lokalblatt Musterstadt",
    published: str = "2026-03-02T08:15:00+01:00",
    lang: str = "de",
) -> str:
    """A full news page with a cookie banner, navigation, related links and a footer around the article."""
    paragraphs = "\n".join(f"<p>{paragraph}</p>" for paragraph in body.split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
</head>
<body>
<div id="cookie-consent" class="cookie-banner"><p>Wir verwenden Cookies, um Inhalte zu personalisieren und
Zugriffe zu analysieren. Stimmen Sie der Nutzung zu?</p><button>Alle akzeptieren</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/sport">Sportnachrichten</a></li><li><a href="/region">Aus der Region</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
{paragraphs}
</article>
<aside class="related"><h2>Mehr zum Thema</h2><ul><li><a href="/a">Baustelle am Bahnhof dauert länger</a></li>
<li><a href="/b">Busse fahren ab Montag im Takt</a></li></ul></aside>
</main>
<footer class="site-footer"><p>© 2026 Lokalblatt Verlag GmbH. Alle Rechte vorbehalten.</p>
<a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body>
</html>
"""


def rss_feed(items: list[dict[str, str]], title: str = "Morgenpost Musterstadt", language: str = "de-DE") -> str:
    """RSS 2.0 with ``content:encoded``; each item: title, link, guid, pubDate, description, content (HTML)."""
    entries = []
    for item in items:
        content = f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if "content" in item else ""
        entries.append(
            f"""<item>
<title>{item["title"]}</title>
<link>{item["link"]}</link>
<guid isPermaLink="false">{item["guid"]}</guid>
<pubDate>{item["pubDate"]}</pubDate>
<description>{item.get("description", "")}</description>
{content}
</item>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>{title}</title>
<link>https://morgenpost.example/</link>
<description>Nachrichten aus Musterstadt</description>
<language>{language}</language>
{"".join(entries)}
</channel>
</rss>
"""


def atom_feed(entry_id: str, published: str, content_html: str, title: str = "Harbour Gazette") -> str:
    escaped = content_html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{title}</title>
<id>urn:example:gazette</id>
<updated>{published}</updated>
<entry>
<title>Ferry service resumes</title>
<id>{entry_id}</id>
<link href="https://gazette.example/ferry"/>
<published>{published}</published>
<updated>{published}</updated>
<content type="html">{escaped}</content>
</entry>
</feed>
"""


def html_paragraphs(body: str) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in body.split("\n\n"))


def warc_bytes(records: list[tuple[str, str, bytes]], gzip: bool = True) -> tuple[bytes, list[str], list[int]]:
    """A WARC of ``response`` records (uri, content type, payload).

    Returns the archive, each record's WARC-Record-ID and the offset where each record ends.
    """
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    ids, ends = [], []
    for uri, content_type, payload in records:
        http_headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http_headers)
        writer.write_record(record)
        ids.append(record.rec_headers.get_header("WARC-Record-ID"))
        ends.append(buffer.tell())
    return buffer.getvalue(), ids, ends


def jsonl(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
