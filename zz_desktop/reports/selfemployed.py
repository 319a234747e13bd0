"""The self-employed situation report (Haus der Selbstständigen): consultations by topic and the
situation of the self-employed people advised — social security, fee bands by field, platform
work — as aggregates only, perturbed by the cell-key method (small figures shown as "<5"; see
docs/disclosure-control.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from zz_desktop.i18n import t_lang
from zz_desktop.reports.labels import Labeller
from zz_desktop.reports.layout import (
    CONTENT_W,
    Progress,
    ReportContext,
    build_pdf,
    context_for,
    data_table,
    fmt_int,
    fmt_period,
    layout_grid,
    no_progress,
    para,
    title_block,
)
from zz_desktop.reports.queries.period import Period
from zz_desktop.reports.queries.selfemployed import (
    SelfEmployedReport,
    SuppressedTable,
    selfemployed_report,
)
from zz_desktop.store.database import Store


def render_selfemployed(
    store: Store, period: Period, lang: str = "de", progress: Progress = no_progress
) -> bytes:
    progress(5, t_lang(lang, "Counting"))
    data = selfemployed_report(store, period)
    progress(60, t_lang(lang, "Laying out"))
    title = t_lang(lang, "Self-employed situation report")
    ctx = context_for(store, lang, title, fmt_period(period.start, period.end, lang))
    pdf = build_pdf(ctx, build_story(ctx, Labeller(store, lang), data))
    progress(100, t_lang(lang, "Done"))
    return pdf


def build_story(ctx: ReportContext, lab: Labeller, data: SelfEmployedReport) -> list[Flowable]:
    lang = ctx.lang
    n = t_lang(lang, "Number")
    story: list[Flowable] = [*title_block(ctx), Spacer(1, 4 * mm)]
    story.append(
        para(
            t_lang(
                lang,
                "Consultations of self-employed persons (persons with a self-employed profile) in "
                "the period. Aggregates only, perturbed by the cell-key method: every figure may "
                "differ from the true count by up to 2, so totals need not add up; figures below "
                "{k} (and zeros) are shown as “<{k}”.",
                k=data.threshold,
            ),
            "small",
        )
    )
    story.append(Spacer(1, 2 * mm))
    key = [
        (t_lang(lang, "Consultations"), fmt_int(data.consultations, lang)),
        (t_lang(lang, "Self-employed persons advised"), fmt_int(data.persons, lang)),
    ]
    story.append(
        data_table([t_lang(lang, "Key figures"), n], key, [CONTENT_W - 35 * mm, 35 * mm], [1])
    )

    story.append(para(t_lang(lang, "Consultations by topic"), "h2"))
    story.append(
        para(t_lang(lang, "A consultation with several topics counts under each of them."), "small")
    )
    story.append(Spacer(1, 1.5 * mm))
    story.append(_one_column(lang, data.by_topic, t_lang(lang, "Topic"), lab.topic, n))

    story.append(para(t_lang(lang, "Social security"), "h2"))
    half = CONTENT_W / 2 - 4 * mm
    pairs = [
        (data.health_insurance, t_lang(lang, "Health insurance"), "health"),
        (data.pension, t_lang(lang, "Pension provision"), "pension"),
        (data.unemployment_insurance, t_lang(lang, "Voluntary unemployment insurance"), "yes_no"),
        (data.platform_work, t_lang(lang, "Platform work"), "yes_no"),
    ]
    tables = [
        _one_column(lang, table, title, functools.partial(lab.code, group), n, half)
        for table, title, group in pairs
    ]
    grid = layout_grid(
        [[tables[0], tables[1]], [tables[2], tables[3]]], [CONTENT_W / 2, CONTENT_W / 2]
    )
    story.append(grid)

    story.append(para(t_lang(lang, "Typical daily fee by field (WZ section)"), "h2"))
    story.append(_fee_table(lang, lab, data.fee_bands))
    return story


def _one_column(
    lang: str,
    table: SuppressedTable,
    column: str,
    labeller: Callable[[str], str],
    number: str,
    width: float = CONTENT_W,
) -> Flowable:
    if not table.rows:
        return para(t_lang(lang, "No data in this period."))
    rows = [[labeller(r), fmt_int(table.cells[i][0], lang)] for i, r in enumerate(table.rows)]
    total_row = table.column_totals is not None
    if table.column_totals is not None:
        rows.append([t_lang(lang, "Total"), fmt_int(table.column_totals[0], lang)])
    return data_table([column, number], rows, [width - 24 * mm, 24 * mm], [1], total_row=total_row)


def _fee_table(lang: str, lab: Labeller, table: SuppressedTable) -> Flowable:
    if not table.rows:
        return para(t_lang(lang, "No data in this period."))
    header = [
        t_lang(lang, "Field"),
        *[lab.code("fee_band", c) for c in table.columns],
        t_lang(lang, "Total"),
    ]
    rows = []
    for i, r in enumerate(table.rows):
        totals = table.row_totals or []
        rows.append(
            [lab.section(r), *[fmt_int(v, lang) for v in table.cells[i]], fmt_int(totals[i], lang)]
        )
    if table.column_totals is not None and table.total is not None:
        rows.append(
            [
                t_lang(lang, "Total"),
                *[fmt_int(v, lang) for v in table.column_totals],
                fmt_int(table.total, lang),
            ]
        )
    ncols = len(header) - 1
    col = 18 * mm
    return data_table(
        header, rows, [CONTENT_W - col * ncols, *[col] * ncols], list(range(1, ncols + 1)), True
    )
