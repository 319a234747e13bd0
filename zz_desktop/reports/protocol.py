"""The Beratungsprotokoll (consultation record) that the advised company and the advisor sign,
and the audit entry "print" written when a protocol is printed or saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from zz_desktop.domain import codelists
from zz_desktop.i18n import t_lang
from zz_desktop.reports.labels import Labeller
from zz_desktop.reports.layout import (
    CONTENT_W,
    INK,
    Progress,
    ReportContext,
    build_pdf,
    context_for,
    data_table,
    fmt_date,
    fmt_num,
    key_value_table,
    layout_grid,
    no_progress,
    para,
    title_block,
)
from zz_desktop.reports.queries.protocol import ProtocolData, ProtocolPerson, protocol_data
from zz_desktop.store.database import Store


def render_protocol(
    store: Store, consultation_id: str, lang: str = "de", progress: Progress = no_progress
) -> bytes:
    progress(10, t_lang(lang, "Counting"))
    data = protocol_data(store, consultation_id)
    ctx = context_for(store, lang, t_lang(lang, "Consultation record"))
    pdf = build_pdf(ctx, build_story(ctx, Labeller(store, lang), data))
    progress(100, t_lang(lang, "Done"))
    return pdf


def _person_line(lang: str, lab: Labeller, p: ProtocolPerson) -> str:
    extra = p.function_title or (lab.code("role", p.role) if p.role else "")
    return f"{p.name} ({extra})" if extra else p.name


def _org_lines(lang: str, org: dict[str, Any]) -> list[tuple[str, str]]:
    address = ", ".join(
        x
        for x in (org.get("street"), " ".join(filter(None, (org.get("postcode"), org.get("city")))))
        if x
    )
    sector = org.get("sector_code") or ""
    if sector:
        version = "WZ2008" if org.get("sector_version") == "WZ2008" else "WZ2025"
        found = codelists.wz_code(version, sector)  # type: ignore[arg-type]
        if found is not None:
            sector = (
                f"{sector} – {found.title_de if lang == 'de' else found.title_en or found.title_de}"
            )
    employees = org.get("employees")
    name, form = org.get("name") or "", org.get("legal_form") or ""
    return [
        (t_lang(lang, "Organisation"), name if not form or form in name else f"{name} {form}"),
        (t_lang(lang, "Address"), address or "–"),
        (t_lang(lang, "Sector (WZ)"), sector or "–"),
        (t_lang(lang, "Employees"), str(employees) if employees is not None else "–"),
    ]


def build_story(ctx: ReportContext, lab: Labeller, data: ProtocolData) -> list[Flowable]:
    lang = ctx.lang
    c = data.consultation
    story: list[Flowable] = [
        *title_block(ctx, [str(c.get("title") or "")] if c.get("title") else []),
        Spacer(1, 3 * mm),
    ]
    draft = c.get("status") == "draft"
    if draft:
        # A draft is not the record the company signs: marked, and without signature lines.
        story.append(para(t_lang(lang, "Entwurf – not final, not for signature"), "h2"))

    story.append(para(t_lang(lang, "Advised company"), "h2"))
    master: list[tuple[str, str]] = []
    if data.organisation is not None:
        master += _org_lines(lang, data.organisation)
        sme = data.organisation.get("sme_class")
        if sme:
            master.append((t_lang(lang, "Size class"), lab.code("sme", sme)))
    if data.person is not None:
        master.append((t_lang(lang, "Person advised"), _person_line(lang, lab, data.person)))
    story.append(key_value_table(master or [(t_lang(lang, "Organisation"), "–")]))

    story.append(para(t_lang(lang, "Consultation"), "h2"))
    when = fmt_date(c.get("date"), lang) + (f", {c['start_time']}" if c.get("start_time") else "")
    facts = [
        (t_lang(lang, "Date and time"), when),
        (t_lang(lang, "Place"), c.get("place") or "–"),
        (
            t_lang(lang, "Duration"),
            t_lang(
                lang, "{hours} hours", hours=fmt_num((c.get("duration_min") or 0) / 60, lang, 2)
            ),
        ),
        (t_lang(lang, "Mode"), lab.code("mode", c.get("mode"))),
        (t_lang(lang, "Kind of advice"), lab.code("kind", c.get("kind"))),
        (
            t_lang(lang, "Participants"),
            "; ".join(_person_line(lang, lab, p) for p in data.participants) or "–",
        ),
        (t_lang(lang, "Advisors"), ", ".join(data.advisors) or "–"),
        (t_lang(lang, "Topics"), ", ".join(lab.topic(tp) for tp in c.get("topics") or []) or "–"),
    ]
    story.append(key_value_table(facts))

    for heading, key in (
        (t_lang(lang, "Occasion and goal"), "starting_situation"),
        (t_lang(lang, "Findings"), "findings"),
        (t_lang(lang, "Agreements"), "agreements"),
        (t_lang(lang, "Recommendations"), "recommendations"),
    ):
        story.append(para(heading, "h2"))
        story.append(para(c.get(key) or "–"))

    story.append(para(t_lang(lang, "Action plan"), "h2"))
    if data.actions:
        rows = [
            [a.what, a.who or "–", fmt_date(a.due, lang) + (" ✓" if a.done else "")]
            for a in data.actions
        ]
        story.append(
            data_table(
                [t_lang(lang, "What"), t_lang(lang, "Who"), t_lang(lang, "By when")],
                rows,
                [CONTENT_W - 75 * mm, 45 * mm, 30 * mm],
            )
        )
    else:
        story.append(para("–"))

    story += _checklists(lang, c.get("checklists") or [])

    story.append(para(t_lang(lang, "Next appointment and referrals"), "h2"))
    nxt = [(t_lang(lang, "Next appointment"), fmt_date(c.get("next_appointment"), lang))]
    if c.get("referral_to"):
        nxt.append((t_lang(lang, "Referral to"), c["referral_to"]))
        nxt.append((t_lang(lang, "Reason"), c.get("referral_reason") or "–"))
    story.append(key_value_table(nxt))

    notes = [
        para(t_lang(lang, "Notes"), "h2"),
        para(
            t_lang(
                lang,
                "Neutrality: the advice is free of charge and vendor-neutral. The centre does not "
                "recommend products or providers and receives no commission.",
            ),
            "small",
        ),
        Spacer(1, 1.5 * mm),
        para(
            t_lang(
                lang,
                "Data protection: personal data in this record is processed only to document the "
                "advice and for the reporting duties of the ESF Plus programme (Art. 6 (1) GDPR). "
                "Further information and your rights: see the centre's privacy notice.",
            ),
            "small",
        ),
    ]
    story.append(KeepTogether(notes))
    if not draft:
        story.append(KeepTogether(_signatures(lang)))
    return story


def _checklists(lang: str, entries: list[dict[str, Any]]) -> list[Flowable]:
    """The Wissenspool checklists ticked during the visit (services/checklists.py), each item
    with ☑ or ☐ — the company sees what was gone through. Nothing when none was attached."""
    if not entries:
        return []
    out: list[Flowable] = [para(t_lang(lang, "Checklists of the visit"), "h2")]
    for entry in entries:
        ticked = set(entry.get("ticked") or [])
        out.append(para(str(entry.get("title") or ""), "h3"))
        lines = [
            ("☑ " if i in ticked else "☐ ") + str(text)
            for i, text in enumerate(entry.get("items") or [])
        ]
        out.append(para("\n".join(lines)))
    return out


def _signatures(lang: str) -> list[Flowable]:
    """Two signature fields: a line to sign on, with place/date and who signs below it."""
    gap = 12 * mm
    col = (CONTENT_W - gap) / 2
    cells = [
        [Spacer(1, 16 * mm), "", Spacer(1, 16 * mm)],
        [
            para(t_lang(lang, "Place, date, signature for the company"), "small"),
            "",
            para(t_lang(lang, "Place, date, signature for the centre (advisor)"), "small"),
        ],
    ]
    table = layout_grid(
        cells,
        [col, gap, col],
        [("LINEABOVE", (0, 1), (0, 1), 0.7, INK), ("LINEABOVE", (2, 1), (2, 1), 0.7, INK)],
    )
    return [Spacer(1, 8 * mm), table]


def protocol_filename(data_date: dt.date | None, name: str) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in name)[:40].strip("-")
    return f"Beratungsprotokoll-{data_date.isoformat() if data_date else ''}-{safe}.pdf"
