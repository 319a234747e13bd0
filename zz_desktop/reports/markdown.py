"""The Markdown of Wissenspool items laid out as ReportLab flowables: headings (#, ##, ###),
paragraphs, bullet and numbered lists (a checklist's items get a box to tick on paper), and
inline **bold**, *italic*, `code` and [links](https://…). Only what the items use; anything
else is kept as plain text, never dropped."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph, Spacer

from zz_desktop.reports.layout import FONT, styles

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*+]\s+(?:\[[ xX]\]\s+)?(.*)$")
_NUMBER = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_INLINE = (
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    (re.compile(r"(?<![*\w])\*(?!\s)(.+?)\*(?!\w)"), r"<i>\1</i>"),
    (re.compile(r"`([^`]+)`"), r'<font face="Courier">\1</font>'),
    (
        re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)"),
        r'<link href="\2" color="#26466e">\1</link>',
    ),
)


def inline(text: str) -> str:
    """Escape ``text`` and turn the inline marks into ReportLab paragraph markup."""
    out = escape(text)
    for pattern, repl in _INLINE:
        out = pattern.sub(repl, out)
    return out


def flowables(markdown: str, checkboxes: bool = False) -> list[Flowable]:
    """The blocks of ``markdown`` in order. ``checkboxes``: bullets become ☐ (a checklist)."""
    story: list[Flowable] = []
    paragraph: list[str] = []
    items: list[str] = []
    numbered = False

    def flush_paragraph() -> None:
        if paragraph:
            story.append(Paragraph(inline(" ".join(paragraph)), styles()["body"]))
            story.append(Spacer(1, 4))
            paragraph.clear()

    def flush_list() -> None:
        if not items:
            return
        entries = [ListItem(Paragraph(inline(i), styles()["body"])) for i in items]
        if numbered:
            story.append(ListFlowable(entries, bulletType="1", bulletFontName=FONT, leftIndent=14))
        else:
            # The embedded font: ReportLab's default bullet font has no ballot box.
            mark = "☐" if checkboxes else "•"
            story.append(
                ListFlowable(
                    entries, bulletType="bullet", start=mark, bulletFontName=FONT, leftIndent=14
                )
            )
        story.append(Spacer(1, 4))
        items.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush_paragraph()
            flush_list()
            continue
        if heading := _HEADING.match(line):
            flush_paragraph()
            flush_list()
            style = "h2" if len(heading.group(1)) <= 2 else "h3"
            story.append(Paragraph(inline(heading.group(2)), styles()[style]))
            continue
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet or number:
            flush_paragraph()
            if items and numbered != bool(number):
                flush_list()
            numbered = bool(number)
            items.append((number or bullet).group(1))  # type: ignore[union-attr]
            continue
        if items and raw.startswith((" ", "\t")):
            items[-1] += " " + line.strip()  # a list item's continuation line
            continue
        flush_list()
        paragraph.append(line.strip())
    flush_paragraph()
    flush_list()
    return story
