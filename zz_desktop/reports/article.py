"""A Wissenspool item as a PDF to hand out ("Als PDF speichern …"): the title, a table of its
metadata (kind, topics, target group, origin, version, valid until, web address, sources,
files) and the body rendered from Markdown (headings, paragraphs, lists; a checklist's items with
boxes to tick). The shared page frame of every report (layout.py); data from
``queries.article``."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable, Spacer

from zz_desktop.i18n import t_lang
from zz_desktop.reports.labels import Labeller
from zz_desktop.reports.layout import (
    ReportContext,
    build_pdf,
    context_for,
    fmt_date,
    key_value_table,
    para,
    title_block,
)
from zz_desktop.reports.markdown import flowables
from zz_desktop.reports.queries.article import ArticleData, article_data
from zz_desktop.store.database import Store


def _labels(lang: str) -> dict[str, dict[str, str]]:
    return {
        "kind": {
            "article": t_lang(lang, "Article"),
            "checklist": t_lang(lang, "Checklist"),
            "template": t_lang(lang, "Template"),
            "file": t_lang(lang, "File"),
            "link": t_lang(lang, "Link"),
            "good_practice": t_lang(lang, "Good practice"),
        },
        "group": {
            "sme": t_lang(lang, "SMEs"),
            "employees": t_lang(lang, "Employees"),
            "solo_self_employed": t_lang(lang, "Solo self-employed"),
        },
    }


def render_article(store: Store, item_id: str, lang: str = "de") -> bytes:
    data = article_data(store, item_id)
    ctx = context_for(store, lang, data.title)
    return build_pdf(ctx, build_story(ctx, Labeller(store, lang), data))


def build_story(ctx: ReportContext, lab: Labeller, data: ArticleData) -> list[Flowable]:
    lang = ctx.lang
    names = _labels(lang)
    kind = names["kind"].get(data.kind, data.kind)
    story: list[Flowable] = title_block(ctx, [t_lang(lang, "Wissenspool") + " · " + kind])
    if data.programme_wide:
        origin = t_lang(lang, "Coordinating centre (programme-wide)")
    else:
        origin = data.origin_centre or ctx.centre_name
    pairs = [
        (t_lang(lang, "Topics"), ", ".join(lab.topic(c) for c in data.topics) or "–"),
        (
            t_lang(lang, "Target group"),
            ", ".join(names["group"].get(g, g) for g in data.target_groups) or "–",
        ),
        (t_lang(lang, "From"), origin),
        (t_lang(lang, "Version"), str(data.version)),
        (
            t_lang(lang, "Published on"),
            fmt_date(data.published_at.date(), lang) if data.published_at else "–",
        ),
        (t_lang(lang, "Valid until"), fmt_date(data.valid_until, lang)),
    ]
    if data.url:
        pairs.append((t_lang(lang, "Web address"), data.url))
    if data.files:
        pairs.append((t_lang(lang, "Files"), ", ".join(data.files)))
    story += [Spacer(1, 6), key_value_table(pairs), Spacer(1, 10)]
    story += flowables(data.body, checkboxes=data.kind == "checklist")
    if data.sources:
        story.append(para(t_lang(lang, "Sources"), "h2"))
        story += flowables(data.sources)
    return story


def article_filename(title: str) -> str:
    """A file name for the saved PDF: the title's words, safe on every platform."""
    words = re.sub(r"[^\w\- ]+", "", title).split()
    return ("-".join(words)[:80] or "Wissenspool") + ".pdf"
