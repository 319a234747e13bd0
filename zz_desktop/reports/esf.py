"""The ESF Plus indicator report, laid out from :func:`reports.queries.esf.esf_operation` only:
participants by gender new in the period and cumulative since the start of the operation (SFC2021
codes), SMEs supported (EECO19), the results on leaving (EECR01–04), and the persons reached in the
period who are not counted because their Teil 1 is missing or incomplete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from zz_desktop.domain.esf import DISADVANTAGE_FIELDS
from zz_desktop.i18n import t_lang
from zz_desktop.reports.labels import Labeller
from zz_desktop.reports.layout import (
    CONTENT_W,
    Progress,
    ReportContext,
    build_pdf,
    context_for,
    data_table,
    fmt_date,
    fmt_int,
    fmt_period,
    no_progress,
    para,
    title_block,
)
from zz_desktop.reports.queries.esf import (
    GENDER_KEYS,
    RESULT_CODES,
    SFC_CODES,
    SME_CLASSES,
    EsfOperationFigures,
    esf_operation,
)
from zz_desktop.reports.queries.period import Period
from zz_desktop.store.database import Store

#: Indicator rows in the order of Annex I, with the group heading before each block.
BLOCKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("employment", ("unemployed", "long_term_unemployed", "inactive", "employed", "self_employed")),
    ("age", ("under_18", "18_29", "30_54", "55_plus")),
    ("education", ("isced_0_2", "isced_3_4", "isced_5_8")),
    ("disadvantage", DISADVANTAGE_FIELDS),
    ("total", ("total",)),
)
GENDER_COLUMNS = tuple(GENDER_KEYS.items())  # (person gender code, JSON key)


def render_esf(
    store: Store,
    period: Period,
    lang: str = "de",
    progress: Progress = no_progress,
    operation_start: dt.date | None = None,
) -> bytes:
    progress(5, t_lang(lang, "Counting"))
    figures = esf_operation(store, period.start, period.end, operation_start)
    progress(60, t_lang(lang, "Laying out"))
    ctx = context_for(
        store,
        lang,
        t_lang(lang, "ESF Plus indicator report"),
        fmt_period(period.start, period.end, lang),
    )
    pdf = build_pdf(ctx, build_story(ctx, Labeller(store, lang), figures))
    progress(100, t_lang(lang, "Done"))
    return pdf


def build_story(ctx: ReportContext, lab: Labeller, fig: EsfOperationFigures) -> list[Flowable]:
    lang = ctx.lang
    story: list[Flowable] = [*title_block(ctx), Spacer(1, 4 * mm)]
    story.append(
        para(
            t_lang(
                lang,
                "Each person and each SME counts once per operation, at their first entry (first "
                "event or final or signed participant consultation). The situation at entry is "
                "the one recorded in the Part 1 questionnaire, never today's person record; age "
                "at entry = year of entry − birth year. Persons without a complete Part 1 are "
                "listed at the end and not counted.",
            ),
            "small",
        )
    )
    for title, table in (
        (t_lang(lang, "Participants new in the period"), fig.new_in_period),
        (
            t_lang(lang, "Participants since the start of the operation (cumulative)"),
            fig.cumulative,
        ),
    ):
        story.append(para(title, "h2"))
        story.append(_participant_table(lang, lab, table))
    story.append(PageBreak())
    story.extend(_smes_and_results(lang, lab, fig))
    story.extend(_not_counted(lang, lab, fig))
    return story


def _participant_table(lang: str, lab: Labeller, table: dict[str, dict[str, int]]) -> Flowable:
    headings = {
        "employment": t_lang(lang, "Labour market status"),
        "age": t_lang(lang, "Age at entry"),
        "education": t_lang(lang, "Education"),
        "disadvantage": t_lang(lang, "Disadvantaged participants (optional)"),
        "total": "",
    }
    header = [
        t_lang(lang, "Code"),
        t_lang(lang, "Indicator"),
        *[lab.code("gender", g) for g, _ in GENDER_COLUMNS],
        t_lang(lang, "Total"),
    ]
    rows: list[list[Any]] = []
    group_rows: list[int] = []
    for block, keys in BLOCKS:
        if headings[block]:
            group_rows.append(len(rows) + 1)
            rows.append([para(headings[block], "cell_head"), "", "", "", "", "", ""])
        for key in keys:
            code = SFC_CODES[key]
            counts = table[code]
            rows.append(
                [
                    code if code.startswith("EECO") else "",
                    lab.code("indicator", key),
                    *[fmt_int(counts[k], lang) for _, k in GENDER_COLUMNS],
                    fmt_int(counts["total"], lang),
                ]
            )
    col = 18 * mm
    out = data_table(
        header,
        rows,
        [17 * mm, CONTENT_W - 17 * mm - 5 * col, *[col] * 5],
        numeric=[2, 3, 4, 5, 6],
        total_row=True,
    )
    for r in group_rows:
        out.setStyle(
            [
                ("SPAN", (0, r), (-1, r)),
                ("BACKGROUND", (0, r), (-1, r), "#ffffff"),
                ("TOPPADDING", (0, r), (-1, r), 6),
            ]
        )
    return out


def _smes_and_results(lang: str, lab: Labeller, fig: EsfOperationFigures) -> list[Flowable]:
    new, cum = fig.new_in_period["EECO19"], fig.cumulative["EECO19"]
    rows = [[lab.code("sme", c), fmt_int(new[c], lang), fmt_int(cum[c], lang)] for c in SME_CLASSES]
    rows.append(
        [
            t_lang(lang, "SMEs supported in total") + " (EECO19)",
            fmt_int(new["total"], lang),
            fmt_int(cum["total"], lang),
        ]
    )
    both = [t_lang(lang, "New in the period"), t_lang(lang, "Cumulative")]
    smes: list[Flowable] = [
        para(t_lang(lang, "SMEs supported (EECO19)"), "h2"),
        para(
            t_lang(
                lang,
                "Each micro, small or medium-sized enterprise counts once per operation, at its "
                "first final or signed consultation counted as entity support.",
            ),
            "small",
        ),
        Spacer(1, 2 * mm),
        data_table(
            [t_lang(lang, "Size class"), *both],
            rows,
            [CONTENT_W - 60 * mm, 30 * mm, 30 * mm],
            numeric=[1, 2],
            total_row=True,
        ),
    ]
    result_rows = [
        [
            code,
            lab.code("indicator", "employed_on_leaving" if key == "employed" else key),
            fmt_int(fig.new_in_period[code]["total"], lang),
            fmt_int(fig.cumulative[code]["total"], lang),
        ]
        for key, code in RESULT_CODES.items()
    ]
    results: list[Flowable] = [
        para(t_lang(lang, "Results on leaving (Part 2)"), "h2"),
        para(
            t_lang(
                lang,
                "Counted participants with a complete Part 2 questionnaire, at the date they left.",
            ),
            "small",
        ),
        Spacer(1, 2 * mm),
        data_table(
            [t_lang(lang, "Code"), t_lang(lang, "Indicator"), *both],
            result_rows,
            [17 * mm, CONTENT_W - 77 * mm, 30 * mm, 30 * mm],
            numeric=[2, 3],
        ),
    ]
    return [KeepTogether(smes), KeepTogether(results)]


def _not_counted(lang: str, lab: Labeller, fig: EsfOperationFigures) -> list[Flowable]:
    counted = fig.new_in_period["EECO01"]["total"]
    story: list[Flowable] = [para(t_lang(lang, "Not counted"), "h2")]
    story.append(
        para(
            t_lang(
                lang,
                "Not counted (Part 1 incomplete): {n}. All persons reached in the period, "
                "including them: {total}. Draft consultations not counted: {drafts}.",
                n=fmt_int(len(fig.not_counted), lang),
                total=fmt_int(fig.grand_total, lang),
                drafts=fmt_int(len(fig.drafts_excluded), lang),
            )
        )
    )
    story.append(
        para(
            t_lang(
                lang,
                "New participants counted: {counted}; with the persons not counted: {total}.",
                counted=fmt_int(counted, lang),
                total=fmt_int(fig.grand_total, lang),
            ),
            "small",
        )
    )
    if not fig.not_counted_detail:
        return story
    story.append(Spacer(1, 2 * mm))
    rows = [
        [n.name, fmt_date(n.first_date, lang), lab.code("questionnaire", n.part1)]
        for n in sorted(fig.not_counted_detail, key=lambda n: (n.first_date, n.name))
    ]
    story.append(
        data_table(
            [t_lang(lang, "Person"), t_lang(lang, "First entry"), t_lang(lang, "Part 1")],
            rows,
            [CONTENT_W - 60 * mm, 30 * mm, 30 * mm],
        )
    )
    return story
