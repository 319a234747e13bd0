"""Issue 14 (session 4): a Wissenspool item as a PDF to hand out — title, metadata and the body
rendered from Markdown (headings, paragraphs, lists, a checklist with boxes), read back from the
PDF in German and English; the starter pages of the Haus der Selbstständigen load and validate."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from tests.support.library import programme_item, published_checklist
from zz_desktop.reports.article import article_filename, render_article
from zz_desktop.reports.markdown import flowables, inline
from zz_desktop.services import starter_pages
from zz_desktop.store.database import Store


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", ["Themen", "Zielgruppe", "Solo-Selbstständige", "Quellen", "Koordinierende Stelle"]),
        ("en", ["Topics", "Target group", "Solo self-employed", "Sources", "Coordinating centre"]),
    ],
)
def test_article_pdf_reads_back(store: Store, lang: str, words: list[str]) -> None:
    [page] = [p for p in starter_pages.load() if p.fields["title"].startswith("Honorare")]
    fields = {k: v for k, v in page.fields.items() if k != "title"}
    item = programme_item(store, page.fields["title"], **fields)
    text = _text(render_article(store, item, lang))
    assert "Honorare kalkulieren und durchsetzen" in text
    for word in words:
        assert word in text, word
    # Markdown became layout: headings and list items without their marks.
    assert "Den eigenen Stundensatz berechnen" in text and "##" not in text
    assert "Jahresbedarf festlegen:" in text and "**" not in text
    assert "Urheberrechtsgesetz" in text  # the sources close the PDF


def test_checklist_pdf_has_boxes_to_tick(store: Store) -> None:
    text = _text(render_article(store, published_checklist(store), "de"))
    assert "☐" in text and "Datenschutz besprechen" in text and "Checkliste" in text


def test_markdown_marks() -> None:
    assert inline("**fett** und *kursiv* & `code`") == (
        '<b>fett</b> und <i>kursiv</i> &amp; <font face="Courier">code</font>'
    )
    assert "link href" in inline("[BMAS](https://www.bmas.de)")
    kinds = [type(f).__name__ for f in flowables("# Titel\n\nText\n- a\n- b\n1. eins\n")]
    assert kinds == [
        "Paragraph",
        "Paragraph",
        "Spacer",
        "ListFlowable",
        "Spacer",
        "ListFlowable",
        "Spacer",
    ]
    assert article_filename("Honorare: kalkulieren & durchsetzen!") == (
        "Honorare-kalkulieren-durchsetzen.pdf"
    )


def test_starter_pages_load_and_name_their_sources() -> None:
    pages = starter_pages.load()
    assert len(pages) == 4 and len({p.id for p in pages}) == 4
    for page in pages:
        assert page.fields["target_groups"] == ["solo_self_employed"]
        assert page.fields["sources"] and len(page.fields["body"]) > 1500
    topics = {t for p in pages for t in p.fields["topics"]}
    assert {
        "interest_group_founding",
        "self_regulation",
        "fees_remuneration",
        "social_security",
    } <= topics
    assert [p.id for p in starter_pages.load()] == [p.id for p in pages]  # stable ids


@pytest.mark.parametrize(
    ("lang", "heading"), [("de", "Checklisten des Termins"), ("en", "Checklists of the visit")]
)
def test_protocol_shows_the_ticked_checklist(store: Store, lang: str, heading: str) -> None:
    from tests.support.library import consultation
    from zz_desktop.reports import render
    from zz_desktop.services import checklists

    checklist, visit = published_checklist(store), consultation(store)
    checklists.attach(store, visit, checklist)
    checklists.tick(store, visit, checklist, 1)
    text = _text(render(store, "protocol", consultation_id=visit, lang=lang))
    assert heading in text and "Erstbesuch im Betrieb" in text
    assert "☑ Datenschutz besprechen" in text and "☐ Förderung prüfen" in text
