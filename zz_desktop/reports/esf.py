"""The ESF Plus indicator report: participant indicators by gender, SMEs supported (EECO19)
counted once per period, and the persons whose Part 1 questionnaire is incomplete (not counted)."""

from __future__ import annotations

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
from zz_desktop.reports.queries.esf import SFC_CODES, EsfOperationFigures, esf_operation
from zz_desktop.services.report_queries import (
    GENDERS,
    EsfEntities,
    EsfParticipants,
    Period,
    esf_entities,
    esf_participants,
)
from zz_desktop.store.database import Store

#: Indicator rows in the order of Annex I, with the group heading before each block.
BLOCKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("employment", ("unemployed", "long_term_unemployed", "inactive", "employed", "self_employed")),
    ("age", ("under_18", "18_29", "30_54", "55_plus")),
    ("education", ("isced_0_2", "isced_3_4", "isced_5_8")),
    ("disadvantage", DISADVANTAGE_FIELDS),
    ("total", ("total",)),
)


def render_esf(
    store: Store, period: Period, lang: str = "de", progress: Progress = no_progress
) -> bytes:
    progress(5, t_lang(lang, "Counting"))
    participants = esf_participants(store, period)
    entities = esf_entities(store, period)
    operation = esf_operation(store, period.start, period.end)
    progress(60, t_lang(lang, "Laying out"))
    ctx = context_for(
        store,
        lang,
        t_lang(lang, "ESF Plus indicator report"),
        fmt_period(period.start, period.end, lang),
    )
    lab = Labeller(store, lang)
    story = build_story(ctx, lab, participants, entities)
    story += operation_story(ctx, lab, operation)
    pdf = build_pdf(ctx, story)
    progress(100, t_lang(lang, "Done"))
    return pdf


def build_story(
    ctx: ReportContext, lab: Labeller, parts: EsfParticipants, entities: EsfEntities
) -> list[Flowable]:
    lang = ctx.lang
    story: list[Flowable] = [*title_block(ctx), Spacer(1, 4 * mm)]
    story.append(para(t_lang(lang, "Common output indicators for participants"), "h2"))
    story.append(
        para(
            t_lang(
                lang,
                "Counted once per period: persons with a complete Part 1 questionnaire who took "
                "part in an event starting in the period, and persons advised in the period in a "
                "consultation counted as participant support. Age in the year of first entry "
                "in the period.",
            ),
            "small",
        )
    )
    story.append(Spacer(1, 2 * mm))
    headings = {
        "employment": t_lang(lang, "Labour market status"),
        "age": t_lang(lang, "Age"),
        "education": t_lang(lang, "Education"),
        "disadvantage": t_lang(lang, "Disadvantaged participants (optional)"),
        "total": "",
    }
    header = [
        t_lang(lang, "Indicator"),
        *[lab.code("gender", g) for g in GENDERS],
        t_lang(lang, "Total"),
    ]
    rows: list[list[Any]] = []
    group_rows: list[int] = []
    for block, codes in BLOCKS:
        if headings[block]:
            group_rows.append(len(rows) + 1)
            rows.append([para(headings[block], "cell_head"), "", "", "", "", ""])
        for code in codes:
            counts = parts.indicators[code]
            rows.append(
                [
                    lab.code("indicator", code),
                    *[fmt_int(counts.get(g), lang) for g in GENDERS],
                    fmt_int(counts.total, lang),
                ]
            )
    col = 17 * mm
    table = data_table(
        header, rows, [CONTENT_W - 5 * col, *[col] * 5], numeric=[1, 2, 3, 4, 5], total_row=True
    )
    for r in group_rows:
        table.setStyle(
            [
                ("SPAN", (0, r), (-1, r)),
                ("BACKGROUND", (0, r), (-1, r), "#ffffff"),
                ("TOPPADDING", (0, r), (-1, r), 6),
            ]
        )
    story.append(table)

    eeco: list[Flowable] = [para(t_lang(lang, "SMEs supported (EECO19)"), "h2")]
    eeco.append(
        para(
            t_lang(
                lang,
                "Each micro, small or medium-sized enterprise advised in the period (consultation "
                "counted as entity support) counts once, however often it was advised.",
            ),
            "small",
        )
    )
    eeco.append(Spacer(1, 2 * mm))
    ent_rows = [[lab.code("sme", c), fmt_int(n, lang)] for c, n in entities.by_class.items()]
    ent_rows.append([t_lang(lang, "SMEs supported in total"), fmt_int(entities.total, lang)])
    eeco.append(
        data_table(
            [t_lang(lang, "Size class"), t_lang(lang, "Enterprises")],
            ent_rows,
            [CONTENT_W - 35 * mm, 35 * mm],
            numeric=[1],
            total_row=True,
        )
    )
    story.append(KeepTogether(eeco))
    story.append(
        para(
            t_lang(
                lang,
                "Not counted: {large} large enterprises, {unknown} enterprises without a size class.",
                large=fmt_int(entities.large, lang),
                unknown=fmt_int(entities.unknown, lang),
            ),
            "small",
        )
    )

    story.append(para(t_lang(lang, "Persons with an incomplete Part 1 questionnaire"), "h2"))
    if not parts.incomplete:
        story.append(
            para(t_lang(lang, "None: every participant's Part 1 questionnaire is complete."))
        )
        return story
    story.append(
        para(
            t_lang(
                lang,
                "These {n} persons took part in an event in the period but are not counted above "
                "until their Part 1 questionnaire is complete.",
                n=fmt_int(len(parts.incomplete), lang),
            ),
            "small",
        )
    )
    story.append(Spacer(1, 2 * mm))
    inc_rows = [
        [i.name, i.event_title, fmt_date(i.event_date, lang), lab.code("questionnaire", i.status)]
        for i in parts.incomplete
    ]
    story.append(
        data_table(
            [
                t_lang(lang, "Person"),
                t_lang(lang, "Event"),
                t_lang(lang, "Date"),
                t_lang(lang, "Part 1"),
            ],
            inc_rows,
            [50 * mm, CONTENT_W - 100 * mm, 25 * mm, 25 * mm],
        )
    )
    return story


def operation_story(ctx: ReportContext, lab: Labeller, fig: EsfOperationFigures) -> list[Flowable]:
    """The figures of the annual ESF reporting: new in the period and cumulative since the start
    of the operation, each person and SME counted once per operation at first entry."""
    lang = ctx.lang
    story: list[Flowable] = [PageBreak(), para(t_lang(lang, "Counted once per operation"), "h2")]
    story.append(
        para(
            t_lang(
                lang,
                "Each person and each SME counts once per operation, at their first entry with a "
                "complete Part 1 (final or signed consultations only). Age at entry.",
            ),
            "small",
        )
    )
    story.append(Spacer(1, 2 * mm))
    rows: list[list[Any]] = []
    for key, code in SFC_CODES.items():
        rows.append(
            [
                code if code.startswith("EECO") else "",
                lab.code("indicator", key),
                fmt_int(fig.new_in_period[code]["total"], lang),
                fmt_int(fig.cumulative[code]["total"], lang),
            ]
        )
    rows.append(
        [
            "EECO19",
            t_lang(lang, "SMEs supported in total"),
            fmt_int(fig.new_in_period["EECO19"]["total"], lang),
            fmt_int(fig.cumulative["EECO19"]["total"], lang),
        ]
    )
    story.append(
        data_table(
            [
                t_lang(lang, "Code"),
                t_lang(lang, "Indicator"),
                t_lang(lang, "New in the period"),
                t_lang(lang, "Cumulative"),
            ],
            rows,
            [20 * mm, CONTENT_W - 80 * mm, 30 * mm, 30 * mm],
            numeric=[2, 3],
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(
        para(
            t_lang(
                lang,
                "Not counted (Part 1 incomplete): {n}. All persons reached in the period, "
                "including them: {total}. Draft consultations not counted: {drafts}.",
                n=fmt_int(len(fig.not_counted), lang),
                total=fmt_int(fig.grand_total, lang),
                drafts=fmt_int(len(fig.drafts_excluded), lang),
            ),
            "small",
        )
    )
    return story
