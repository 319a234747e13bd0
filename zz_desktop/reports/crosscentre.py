"""The cross-centre report of the coordinating centre: per centre, per Land and overall —
consultations by quarter, topics, WZ sections, topic × Land and the pattern alerts — from the
hub's published (cell-key perturbed) aggregates only, with the disclosure note."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from zz_desktop.domain import codelists
from zz_desktop.i18n import t_lang
from zz_desktop.reports.charts import column_chart
from zz_desktop.reports.labels import Labeller
from zz_desktop.reports.layout import (
    CONTENT_W,
    Progress,
    ReportContext,
    build_pdf,
    context_for,
    data_table,
    fmt_int,
    fmt_num,
    fmt_period,
    no_progress,
    para,
    title_block,
)
from zz_desktop.reports.queries.period import Period
from zz_desktop.services import coordination
from zz_desktop.store.database import Store

TOP = 8  # topics / sections listed per centre and Land


def render_crosscentre(
    store: Store, period: Period, lang: str = "de", progress: Progress = no_progress
) -> bytes:
    progress(5, t_lang(lang, "Fetching the published figures"))
    data = coordination.crosscentre(store, period.start, period.end)
    progress(60, t_lang(lang, "Laying out"))
    title = t_lang(lang, "Cross-centre report")
    ctx = context_for(store, lang, title, fmt_period(period.start, period.end, lang))
    pdf = build_pdf(ctx, build_story(ctx, Labeller(store, lang), data))
    progress(100, t_lang(lang, "Done"))
    return pdf


def land_name(key: str, lang: str) -> str:
    for land in codelists.laender():
        if key in (land.ags, land.iso, land.iso.removeprefix("DE-")):
            return land.name_de if lang == "de" else land.name_en
    return key


def dimension_name(dimension: str, lang: str) -> str:
    names = {
        "topic": t_lang(lang, "Topic"),
        "sector": t_lang(lang, "WZ section"),
        "land": t_lang(lang, "Land"),
        "topic × land": t_lang(lang, "Topic × Land"),
        "centre × topic": t_lang(lang, "Centre × topic"),
    }
    return names.get(dimension, dimension)


def _quarter_row(
    label: str, per_quarter: dict[str, int], quarters: list[str], lang: str
) -> list[str]:
    values = [per_quarter.get(q) for q in quarters]
    total = sum(v for v in values if v)
    return [label, *[fmt_int(v, lang) if v else "–" for v in values], fmt_int(total, lang)]


def _quarter_table(
    lang: str,
    first: str,
    rows: dict[str, dict[str, int]],
    quarters: list[str],
    name: object,
    total: bool = True,
) -> Flowable:
    """``total=False`` for distinct counts (an SME reached in two quarters is one SME)."""
    header = [first, *quarters, t_lang(lang, "Total")]
    body = [
        _quarter_row(name(k) if callable(name) else k, v, quarters, lang)
        for k, v in sorted(rows.items())
    ]
    if not total:
        header, body = header[:-1], [row[:-1] for row in body]
    col = 20 * mm
    ncols = len(header) - 1
    return data_table(
        header, body, [CONTENT_W - col * ncols, *[col] * ncols], list(range(1, ncols + 1))
    )


def _ranking(
    lang: str, first: str, values: dict[str, int], label: object, counted: str | None = None
) -> Flowable:
    if not values:
        return para(t_lang(lang, "No data in this period."))
    top = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    rows = [[label(k) if callable(label) else k, fmt_int(n, lang)] for k, n in top]
    what = counted or t_lang(lang, "Consultations")
    return data_table([first, what], rows, [CONTENT_W - 30 * mm, 30 * mm], [1])


def build_story(
    ctx: ReportContext, lab: Labeller, data: coordination.CrossCentre
) -> list[Flowable]:
    lang = ctx.lang
    figures = dt.datetime.fromisoformat(data.figures_of.rstrip("Z")).strftime("%d.%m.%Y %H:%M")
    story: list[Flowable] = [*title_block(ctx), Spacer(1, 4 * mm)]
    story.append(
        para(
            t_lang(
                lang,
                "Published aggregates of all centres (figures of {when} UTC), perturbed by the "
                "cell-key method: every figure may differ from the true count by up to 2, the "
                "same cell always shows the same value, and figures below {k} are not "
                "published, so totals need not add up. No record of a person or an "
                "organisation is used (see docs/disclosure-control.md).",
                when=figures,
                k=data.threshold,
            ),
            "small",
        )
    )
    story.append(para(t_lang(lang, "Overall"), "h2"))
    trend = [data.overall.get(q, 0) for q in data.quarters]
    story.append(
        column_chart(
            data.quarters,
            trend,
            CONTENT_W,
            52 * mm,
            t_lang(lang, "Consultations per quarter"),
            t_lang(lang, "Consultations"),
            lang,
        )
    )
    story.append(_ranking(lang, t_lang(lang, "Topic"), data.topics, lab.topic))
    story.append(Spacer(1, 2 * mm))
    story.append(_ranking(lang, t_lang(lang, "WZ section"), data.sectors, lab.section))

    story.append(para(t_lang(lang, "Per centre"), "h2"))
    story.append(_quarter_table(lang, t_lang(lang, "Centre"), data.by_centre, data.quarters, str))
    for centre in sorted(data.by_centre):
        story.append(CondPageBreak(60 * mm))
        story.append(para(centre, "h3"))
        story.append(
            _ranking(lang, t_lang(lang, "Topic"), data.centre_topics.get(centre, {}), lab.topic)
        )
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            _ranking(
                lang, t_lang(lang, "WZ section"), data.centre_sectors.get(centre, {}), lab.section
            )
        )

    story.append(para(t_lang(lang, "Per Land"), "h2"))
    story.append(
        _quarter_table(
            lang, t_lang(lang, "Land"), data.by_land, data.quarters, lambda k: land_name(k, lang)
        )
    )
    for land in sorted(data.land_topics):
        story.append(CondPageBreak(50 * mm))
        story.append(para(land_name(land, lang), "h3"))
        story.append(_ranking(lang, t_lang(lang, "Topic"), data.land_topics[land], lab.topic))

    story.append(CondPageBreak(60 * mm))
    smes = t_lang(lang, "SMEs reached")
    story.append(para(smes, "h2"))
    story.append(
        para(
            t_lang(
                lang,
                "Distinct small and medium-sized organisations with at least one consultation,"
                " per quarter (an SME advised in two quarters counts in both), and per Kreis in"
                " {quarter}.",
                quarter=data.quarters[-1],
            ),
            "small",
        )
    )
    if data.smes_by_land:
        story.append(
            _quarter_table(
                lang,
                t_lang(lang, "Land"),
                data.smes_by_land,
                data.quarters,
                lambda k: land_name(k, lang),
                total=False,
            )
        )
        story.append(Spacer(1, 2 * mm))
    story.append(_ranking(lang, t_lang(lang, "Kreis"), data.smes_by_kreis, _kreis_label(lab), smes))

    story.append(CondPageBreak(60 * mm))
    story.append(para(t_lang(lang, "Pattern alerts"), "h2"))
    story.append(
        para(
            t_lang(
                lang,
                "Shares of {quarter} against the previous quarter and of each centre against the "
                "rest of the programme; two-proportion z-test, Benjamini–Hochberg adjusted "
                "(false-discovery rate 5 %), effect |h| ≥ 0.1.",
                quarter=data.quarters[-1],
            ),
            "small",
        )
    )
    if not data.alerts:
        story.append(para(t_lang(lang, "No significant changes.")))
    else:
        rows = [
            [
                dimension_name(a.dimension, lang),
                alert_key(a, lab, lang),
                fmt_num(100 * a.share, lang) + " %",
                fmt_num(100 * a.reference_share, lang) + " %",
                fmt_num(a.z, lang, 2),
                fmt_num(a.p_adjusted, lang, 4),
            ]
            for a in data.alerts
        ]
        header = [
            t_lang(lang, "Dimension"),
            t_lang(lang, "Key"),
            t_lang(lang, "Share"),
            t_lang(lang, "Reference"),
            "z",
            t_lang(lang, "adj. p"),
        ]
        w = 20 * mm
        story.append(
            data_table(
                header, rows, [30 * mm, CONTENT_W - 30 * mm - 4 * w, w, w, w, w], [2, 3, 4, 5]
            )
        )
    return story


def _kreis_label(lab: Labeller) -> object:
    return lambda key: lab.unknown if key == "?" else lab.kreis(key)


def alert_key(alert: object, lab: Labeller, lang: str) -> str:
    """The alert's key in words (topic and section labels, Land names)."""
    key: str = getattr(alert, "key", "")
    dimension: str = getattr(alert, "dimension", "")
    parts = key.split(" × ")
    if dimension == "topic":
        return lab.topic(key)
    if dimension == "sector":
        return lab.section(key)
    if dimension == "land":
        return land_name(key, lang)
    if dimension == "topic × land" and len(parts) == 2:
        return f"{lab.topic(parts[0])} × {land_name(parts[1], lang)}"
    if dimension == "centre × topic" and len(parts) == 2:
        return f"{parts[0]} × {lab.topic(parts[1])}"
    return key
