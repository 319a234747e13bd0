"""The activity report (Tätigkeitsbericht) for any period: totals, breakdowns, monthly trend,
topic × sector, open follow-ups and organisations near the 80 h cap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from zz_desktop.i18n import t_lang
from zz_desktop.reports.charts import bar_ranking, column_chart
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
    fmt_num,
    fmt_period,
    layout_grid,
    no_progress,
    para,
    title_block,
)
from zz_desktop.reports.queries.activity import ActivityReport, BreakdownRow, activity_report
from zz_desktop.reports.queries.period import UNKNOWN, Period
from zz_desktop.reports.queries.referrals import (
    OUTCOMES,
    ReferralRow,
    referrals_by_type_and_outcome,
)
from zz_desktop.store.database import Store

MAX_FOLLOWUPS = 40
MAX_TOPIC_SECTIONS = 8


def render_activity(
    store: Store,
    period: Period,
    lang: str = "de",
    progress: Progress = no_progress,
    as_of: dt.date | None = None,
) -> bytes:
    progress(5, t_lang(lang, "Counting"))
    data = activity_report(store, period, as_of)
    referral_rows = referrals_by_type_and_outcome(store, period)
    progress(50, t_lang(lang, "Laying out"))
    title = t_lang(lang, "Activity report")
    ctx = context_for(store, lang, title, fmt_period(period.start, period.end, lang))
    pdf = build_pdf(ctx, build_story(ctx, Labeller(store, lang), data, referral_rows))
    progress(100, t_lang(lang, "Done"))
    return pdf


def build_story(
    ctx: ReportContext,
    lab: Labeller,
    data: ActivityReport,
    referral_rows: Sequence[ReferralRow] = (),
) -> list[Flowable]:
    lang = ctx.lang
    tot = data.totals

    def n(value: int) -> str:
        return fmt_int(value, lang)

    story: list[Flowable] = [*title_block(ctx), Spacer(1, 4 * mm)]
    story.append(para(t_lang(lang, "Totals"), "h2"))
    kinds = [(lab.code("kind", k), n(v)) for k, v in tot.by_kind.items()]
    kinds.append((t_lang(lang, "Consultations in total"), n(tot.consultations)))
    modes = [(lab.code("mode", k), n(v)) for k, v in tot.by_mode.items()]
    modes.append((t_lang(lang, "Consultations in total"), n(tot.consultations)))
    reach = [
        (t_lang(lang, "Hours of advice"), fmt_num(tot.hours, lang)),
        (t_lang(lang, "Organisations reached"), n(tot.organisations)),
        ("– " + t_lang(lang, "of which new"), n(tot.organisations_new)),
        ("– " + t_lang(lang, "of which returning"), n(tot.organisations_returning)),
        (t_lang(lang, "Persons advised"), n(tot.persons)),
        (t_lang(lang, "Events"), n(tot.events)),
        (t_lang(lang, "Event participants"), n(tot.participants)),
        (t_lang(lang, "Participant hours at events"), fmt_num(tot.participant_hours, lang)),
    ]
    half = CONTENT_W / 2 - 4 * mm
    widths = [half - 24 * mm, 24 * mm]
    number = t_lang(lang, "Number")
    by_kind = data_table([t_lang(lang, "Consultations by kind"), number], kinds, widths, [1], True)
    by_mode = data_table([t_lang(lang, "Consultations by mode"), number], modes, widths, [1], True)
    key_figures = data_table([t_lang(lang, "Key figures"), number], reach, widths, [1])
    grid = layout_grid(
        [[[by_kind, Spacer(1, 5 * mm), by_mode], key_figures]], [CONTENT_W / 2, CONTENT_W / 2]
    )
    story.append(grid)

    labels = [f"{f.month:02d}/{f.year % 100:02d}" for f in data.trend]
    story.append(para(t_lang(lang, "Monthly trend"), "h2"))
    story.append(
        column_chart(
            labels,
            [f.consultations for f in data.trend],
            CONTENT_W,
            60 * mm,
            t_lang(lang, "Consultations per month"),
            t_lang(lang, "Number of consultations"),
            lang,
        )
    )

    topics = data.breakdowns["topic"]
    head: list[Flowable] = [
        para(t_lang(lang, "Consultations by topic"), "h2"),
        para(
            t_lang(lang, "A consultation with several topics counts under each of them."), "small"
        ),
    ]
    ranked = [b for b in topics if b.key != UNKNOWN][:12]
    if ranked:
        head.append(
            bar_ranking(
                [lab.topic(b.key) for b in ranked],
                [b.consultations for b in ranked],
                CONTENT_W,
                t_lang(lang, "Most frequent topics"),
                lang,
            )
        )
    story += [KeepTogether(head), Spacer(1, 3 * mm)]
    story.append(_breakdown(lang, t_lang(lang, "Topic"), topics, lab.topic))
    sections: list[tuple[str, str, str, Callable[[str], str]]] = [
        (
            "section",
            t_lang(lang, "Consultations by sector (WZ section)"),
            t_lang(lang, "Sector"),
            lab.section,
        ),
        (
            "sme",
            t_lang(lang, "Consultations by SME class"),
            t_lang(lang, "Size class"),
            lambda c: lab.code("sme", c),
        ),
        (
            "kreis",
            t_lang(lang, "Consultations by district (Kreis)"),
            t_lang(lang, "District"),
            lab.kreis,
        ),
        ("advisor", t_lang(lang, "Consultations by advisor"), t_lang(lang, "Advisor"), lab.user),
        (
            "institution",
            t_lang(lang, "Consultations by partner institution"),
            t_lang(lang, "Partner institution"),
            lambda c: c or lab.unknown,
        ),
    ]
    for dim, heading, column, labeller in sections:
        story.append(para(heading, "h2"))
        story.append(_breakdown(lang, column, data.breakdowns[dim], labeller))

    story += _referrals(lang, lab, referral_rows)
    story.append(para(t_lang(lang, "Topics by sector"), "h2"))
    story += _topic_sector(lang, lab, data)
    story += _followups(lang, lab, data)
    return story


def _breakdown(
    lang: str, column: str, rows: list[BreakdownRow], labeller: Callable[[str], str]
) -> Flowable:
    if not rows:
        return para(t_lang(lang, "No consultations in this period."))
    body = [
        [
            labeller(b.key),
            fmt_int(b.consultations, lang),
            fmt_num(b.hours, lang),
            fmt_int(b.organisations, lang),
        ]
        for b in rows
    ]
    return data_table(
        [
            column,
            t_lang(lang, "Consultations"),
            t_lang(lang, "Hours"),
            t_lang(lang, "Organisations"),
        ],
        body,
        [CONTENT_W - 84 * mm, 30 * mm, 24 * mm, 30 * mm],
        numeric=[1, 2, 3],
    )


def _topic_sector(lang: str, lab: Labeller, data: ActivityReport) -> list[Flowable]:
    table = data.topic_sector
    if not table.rows:
        return [para(t_lang(lang, "No consultations with an organisation in this period."))]
    totals = {s: sum(row[i] for row in table.rows.values()) for i, s in enumerate(table.sections)}
    top = set(sorted(table.sections, key=lambda s: (-totals[s], s))[:MAX_TOPIC_SECTIONS])
    shown = [i for i, s in enumerate(table.sections) if s in top]
    other = [i for i, s in enumerate(table.sections) if s not in top]
    header = [t_lang(lang, "Topic"), *[table.sections[i] or "?" for i in shown]]
    if other:
        header.append(t_lang(lang, "other"))
    rows = []
    for topic, counts in sorted(table.rows.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        cells = [fmt_int(counts[i], lang) for i in shown]
        if other:
            cells.append(fmt_int(sum(counts[i] for i in other), lang))
        rows.append([lab.topic(topic), *cells])
    ncols = len(header) - 1
    col_w = min(15 * mm, (CONTENT_W - 62 * mm) / ncols)
    widths = [CONTENT_W - col_w * ncols, *[col_w] * ncols]
    legend = "; ".join(lab.section(table.sections[i]) for i in shown if table.sections[i])
    return [
        para(
            t_lang(lang, "Consultations with an organisation, per topic and WZ section."), "small"
        ),
        Spacer(1, 1.5 * mm),
        data_table(header, rows, widths, numeric=list(range(1, ncols + 1))),
        Spacer(1, 1.5 * mm),
        para(legend, "small"),
    ]


def _referrals(lang: str, lab: Labeller, rows: Sequence[ReferralRow]) -> list[Flowable]:
    """Referrals to the partner network by partner type (rows) and outcome (columns)."""
    story: list[Flowable] = [para(t_lang(lang, "Referrals to partners"), "h2")]
    if not rows:
        return [*story, para(t_lang(lang, "No referrals to partners in this period."))]
    header = [
        t_lang(lang, "Partner type"),
        *[lab.code("referral_outcome", o) for o in OUTCOMES],
        t_lang(lang, "Total"),
    ]
    body = [
        [
            lab.code("partner_type", r.partner_type),
            *[fmt_int(r.by_outcome.get(o, 0), lang) for o in OUTCOMES],
            fmt_int(r.total, lang),
        ]
        for r in rows
    ]
    column, total = 34 * mm, 20 * mm  # wide enough for "Nicht wahrgenommen" on one line
    widths = [CONTENT_W - column * len(OUTCOMES) - total, *[column] * len(OUTCOMES), total]
    numeric = list(range(1, len(OUTCOMES) + 2))
    story.append(data_table(header, body, widths, numeric=numeric))
    return story


def _followups(lang: str, lab: Labeller, data: ActivityReport) -> list[Flowable]:
    fu = data.followups
    story: list[Flowable] = [
        para(t_lang(lang, "Open and overdue follow-ups"), "h2"),
        para(
            t_lang(
                lang,
                "As of {date}: {open} open follow-ups, of which {overdue} overdue.",
                date=fmt_date(fu.as_of, lang),
                open=fmt_int(fu.open, lang),
                overdue=fmt_int(fu.overdue, lang),
            )
        ),
        para(
            t_lang(
                lang,
                "In the period: {due} follow-ups due, {done} done.",
                due=fmt_int(fu.due_in_period, lang),
                done=fmt_int(fu.done_in_period, lang),
            )
        ),
    ]
    if fu.items:
        rows = [
            [
                fmt_date(i.due_date, lang),
                i.organisation or "–",
                _clip(i.text, 140),
                lab.user(i.owner_id),
            ]
            for i in fu.items[:MAX_FOLLOWUPS]
        ]
        story.append(Spacer(1, 2 * mm))
        story.append(
            data_table(
                [
                    t_lang(lang, "Due"),
                    t_lang(lang, "Organisation"),
                    t_lang(lang, "Follow-up"),
                    t_lang(lang, "Owner"),
                ],
                rows,
                [22 * mm, 48 * mm, CONTENT_W - 105 * mm, 35 * mm],
            )
        )
        if len(fu.items) > MAX_FOLLOWUPS:
            more = fmt_int(len(fu.items) - MAX_FOLLOWUPS, lang)
            story.append(para(t_lang(lang, "… and {n} more.", n=more), "small"))
    story.append(para(t_lang(lang, "Organisations near the 80-hour cap"), "h2"))
    if not data.near_cap:
        story.append(para(t_lang(lang, "No organisation has reached 60 hours of in-depth advice.")))
        return story
    rows = [[c.name, fmt_num(c.hours, lang), fmt_num(c.remaining, lang)] for c in data.near_cap]
    table = data_table(
        [t_lang(lang, "Organisation"), t_lang(lang, "In-depth hours"), t_lang(lang, "Remaining")],
        rows,
        [CONTENT_W - 64 * mm, 32 * mm, 32 * mm],
        numeric=[1, 2],
    )
    note = t_lang(lang, "In-depth advice up to the end of the period; listed from 60 hours.")
    story += [KeepTogether([table]), para(note, "small")]
    return story


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
