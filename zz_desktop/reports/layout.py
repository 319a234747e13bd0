"""The look every report shares: embedded DejaVu fonts, paragraph styles, number and date
formats, the centre header, the footer with the ESF Plus funding line and "Seite X von Y", and
tables with a header row and right-aligned figures."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table
from reportlab.platypus import TableStyle as _TableStyle

from zz_desktop.i18n import t_lang
from zz_desktop.paths import resource_path
from zz_desktop.reports.queries.reference import centre_header
from zz_desktop.store.database import Store

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#26466e")
RULE = colors.HexColor("#c9d2dc")
ZEBRA = colors.HexColor("#f3f6f9")
HEAD_BG = colors.HexColor("#e4ebf2")

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
TOP = 34 * mm
BOTTOM = 28 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once per process; ReportLab embeds a subset."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    # Charts start from ReportLab's default state (Helvetica, never embedded): make it ours.
    from reportlab.graphics.shapes import STATE_DEFAULTS

    STATE_DEFAULTS["fontName"] = FONT
    # Binary (not ASCII85) streams: ReportLab's pure-Python encoder was a third of a protocol's
    # build time.
    from reportlab import rl_config

    rl_config.useA85 = 0


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=10, textColor=MUTED),
        "title": ParagraphStyle(
            "title",
            base,
            fontName=FONT_BOLD,
            fontSize=17,
            leading=22,
            spaceAfter=2,
            textColor=ACCENT,
        ),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=9.5, leading=13, textColor=MUTED),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            textColor=ACCENT,
            keepWithNext=True,
        ),
        "h3": ParagraphStyle(
            "h3",
            base,
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=True,
        ),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=11),
        "cell_head": ParagraphStyle(
            "cell_head", base, fontName=FONT_BOLD, fontSize=8.5, leading=11
        ),
        "cell_num": ParagraphStyle("cell_num", base, fontSize=8.5, leading=11, alignment=TA_RIGHT),
        "cell_head_num": ParagraphStyle(
            "cell_head_num", base, fontName=FONT_BOLD, fontSize=8.5, leading=11, alignment=TA_RIGHT
        ),
    }


# ---------------------------------------------------------------- formats


def fmt_int(value: int | str, lang: str) -> str:
    """``12345`` → ``12.345`` (de) / ``12,345`` (en); suppression markers pass through."""
    if isinstance(value, str):
        return value
    text = f"{value:,d}"
    return text.replace(",", ".") if lang == "de" else text


def fmt_num(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:,.{digits}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return "–"
    return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()


def fmt_period(start: dt.date, end: dt.date, lang: str) -> str:
    return f"{fmt_date(start, lang)} – {fmt_date(end, lang)}"


def para(text: str | None, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    safe = escape(text or "").replace("\n", "<br/>")
    return Paragraph(safe, styles()[style])


def markup(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text, styles()[style])


# ---------------------------------------------------------------- tables


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    numeric: Sequence[int] = (),
    total_row: bool = False,
    repeat_header: bool = True,
) -> Table:
    """A table with a shaded header row, light zebra rows and right-aligned numeric columns.
    Cells may be text or flowables. Text that fits its column stays a plain string (drawn
    directly: a report with thousands of cells lays out several times faster); longer text
    and the header become wrapping paragraphs."""
    st = styles()
    numeric_set = set(numeric)
    # Characters that surely fit on one line of a column (DejaVu at 8.5 pt: ≤ 6.2 pt a glyph).
    fits = [int((w - 8) / 6.2) for w in widths]

    def cell(value: Any, col: int, head: bool) -> Any:
        if not isinstance(value, str):
            return value
        if not head and len(value) <= fits[col]:
            return value
        name = ("cell_head" if head else "cell") + ("_num" if col in numeric_set else "")
        return Paragraph(escape(value), st[name])

    bold_last = total_row and bool(rows)
    data = [[cell(h, i, True) for i, h in enumerate(header)]]
    data += [
        [cell(v, i, bold_last and r == len(rows) - 1) for i, v in enumerate(row)]
        for r, row in enumerate(rows)
    ]
    table = Table(data, colWidths=list(widths), repeatRows=1 if repeat_header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 11),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        *[("ALIGN", (c, 0), (c, -1), "RIGHT") for c in numeric_set],
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for r in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    if total_row and rows:
        commands += [
            ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
        ]
    table.setStyle(_TableStyle(commands))
    return table


def key_value_table(pairs: Sequence[tuple[str, str]], label_width: float = 48 * mm) -> Table:
    """Two columns: a muted label and its value (master data in the protocol)."""
    st = styles()
    data = [[Paragraph(escape(k), st["small"]), para(v, "cell")] for k, v in pairs]
    table = Table(data, colWidths=[label_width, CONTENT_W - label_width])
    table.setStyle(
        _TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def layout_grid(
    cells: Sequence[Sequence[Any]], widths: Sequence[float], extra: Sequence[tuple[Any, ...]] = ()
) -> Table:
    """An invisible grid that places flowables side by side (e.g. two tables)."""
    table = Table([list(r) for r in cells], colWidths=list(widths))
    table.setStyle(
        _TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                *extra,
            ]
        )
    )
    return table


# ---------------------------------------------------------------- page frame


@dataclass
class ReportContext:
    """What the header and footer of every page show."""

    lang: str
    title: str
    centre_name: str
    centre_address: str
    logo_png: bytes
    funding_line: str
    printed: dt.datetime = field(default_factory=dt.datetime.now)
    period_text: str = ""


def default_funding_line(lang: str) -> str:
    return t_lang(
        lang,
        "This project is funded under the programme “Zukunftszentren” by the Federal Ministry of "
        "Labour and Social Affairs and the European Union through the European Social Fund Plus "
        "(ESF Plus).",
    )


def context_for(store: Store, lang: str, title: str, period_text: str = "") -> ReportContext:
    """Header data from the local ``Centre`` row (its logo, else the shipped neutral logo) and the
    funding line from the store setting ``reports.funding_line`` (else the programme default)."""
    header = centre_header(store)
    return ReportContext(
        lang=lang,
        title=title,
        centre_name=header.name or "Zukunftszentrum",
        centre_address=header.address or "",
        logo_png=header.logo_png or resource_path("branding", "default_logo.png").read_bytes(),
        funding_line=header.funding_line or default_funding_line(lang),
        period_text=period_text,
    )


class _NumberedCanvas(Canvas):
    """Defers page output to the end so every page can say "Seite X von Y"."""

    def __init__(self, *args: Any, ctx: ReportContext, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ctx = ctx
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            _draw_frame(self, self._ctx, self._pageNumber, total)
            super().showPage()
        super().save()


def _draw_frame(c: Canvas, ctx: ReportContext, page: int, total: int) -> None:
    c.saveState()
    # Header: logo left, centre name and address right, a rule below.
    logo_h = 14 * mm
    top = PAGE_H - 12 * mm
    # The logo is one form XObject drawn on every page: decoded and embedded once.
    if not c.hasForm("zz_logo"):
        c.beginForm("zz_logo", 0, 0, logo_h, logo_h)
        with contextlib.suppress(Exception):  # a broken logo must not stop the report
            c.drawImage(
                ImageReader(io.BytesIO(ctx.logo_png)),
                0,
                0,
                width=logo_h,
                height=logo_h,
                preserveAspectRatio=True,
                mask="auto",
            )
        c.endForm()
    c.saveState()
    c.translate(MARGIN_X, top - logo_h)
    c.doForm("zz_logo")
    c.restoreState()
    c.setFillColor(ACCENT)
    c.setFont(FONT_BOLD, 10.5)
    c.drawRightString(PAGE_W - MARGIN_X, top - 4 * mm, ctx.centre_name)
    c.setFillColor(MUTED)
    c.setFont(FONT, 7.5)
    y = top - 8 * mm
    lines = [ln.strip() for ln in ctx.centre_address.replace(";", "\n").splitlines()]
    for line in [ln for ln in lines if ln and ln != ctx.centre_name][:3]:
        c.drawRightString(PAGE_W - MARGIN_X, y, line)
        y -= 3.3 * mm
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(MARGIN_X, PAGE_H - TOP + 6 * mm, PAGE_W - MARGIN_X, PAGE_H - TOP + 6 * mm)
    # Footer: funding line, then print date / report title / page numbers.
    c.line(MARGIN_X, BOTTOM - 6 * mm, PAGE_W - MARGIN_X, BOTTOM - 6 * mm)
    funding = Paragraph(escape(ctx.funding_line), styles()["small"])
    _, h = funding.wrap(CONTENT_W, 20 * mm)
    funding.drawOn(c, MARGIN_X, BOTTOM - 7.5 * mm - h)
    c.setFont(FONT, 7.5)
    c.setFillColor(MUTED)
    base = 9 * mm
    c.drawString(
        MARGIN_X,
        base,
        t_lang(ctx.lang, "Printed on {date}", date=fmt_date(ctx.printed.date(), ctx.lang)),
    )
    c.drawCentredString(PAGE_W / 2, base, ctx.title)
    c.drawRightString(
        PAGE_W - MARGIN_X, base, t_lang(ctx.lang, "Page {page} of {total}", page=page, total=total)
    )
    c.restoreState()


def build_pdf(ctx: ReportContext, story: list[Flowable]) -> bytes:
    """Lay out ``story`` on A4 pages with the shared header and footer; return the PDF bytes."""
    register_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=ctx.title,
        author=ctx.centre_name,
        creator="Zukunftszentren Desktop",
        lang="de-DE" if ctx.lang == "de" else "en-GB",
    )
    frame = Frame(
        MARGIN_X, BOTTOM, CONTENT_W, PAGE_H - TOP - BOTTOM, id="body", leftPadding=0, rightPadding=0
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
        # Without this every page would reference (unembedded) Helvetica, ReportLab's default.
        kwargs["initialFontName"] = FONT
        return _NumberedCanvas(*args, ctx=ctx, **kwargs)

    doc.build(story, canvasmaker=canvasmaker)
    return buf.getvalue()


def title_block(ctx: ReportContext, subtitle_lines: Sequence[str] = ()) -> list[Flowable]:
    """The report title, its period and the print date at the top of page 1."""
    lines = list(subtitle_lines)
    if ctx.period_text:
        lines.insert(0, t_lang(ctx.lang, "Period: {period}", period=ctx.period_text))
    lines.append(t_lang(ctx.lang, "Printed on {date}", date=fmt_date(ctx.printed.date(), ctx.lang)))
    return [para(ctx.title, "title"), para(" · ".join(lines), "subtitle")]


Progress = Callable[[int, str], None]
"""``progress(percent, stage)``: called while a report is built (from the worker thread)."""


def no_progress(_percent: int, _stage: str) -> None:
    return None
