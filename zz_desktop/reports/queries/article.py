"""One Wissenspool item as the article PDF needs it: its fields plus the name of the centre it
comes from (the local ``centre`` reference table; a programme item names the coordinating
centre). A deleted or unknown item is refused as "not found"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from zz_desktop.errors import NotFound
from zz_desktop.i18n import t
from zz_desktop.store.database import Store
from zz_desktop.store.models import Centre, KnowledgeItem
from zz_protocol.schemas import PROGRAMME_CENTRE_ID


@dataclass(frozen=True)
class ArticleData:
    title: str
    kind: str
    body: str
    topics: list[str]
    target_groups: list[str]
    programme_wide: bool
    origin_centre: str | None
    version: int
    valid_until: dt.date | None
    review_state: str
    published_at: dt.datetime | None
    url: str | None
    sources: str | None
    files: list[str] = field(default_factory=list)


def article_data(store: Store, item_id: str) -> ArticleData:
    with store.read() as session:
        item = session.get(KnowledgeItem, item_id)
        if item is None or item.deleted:
            raise NotFound(t("Record {id} was not found.", id=item_id))
        origin = session.get(Centre, item.origin_centre_id) if item.origin_centre_id else None
        return ArticleData(
            title=item.title,
            kind=item.kind,
            body=item.body or "",
            topics=list(item.topics or []),
            target_groups=list(item.target_groups or []),
            programme_wide=item.centre_id == PROGRAMME_CENTRE_ID,
            origin_centre=origin.name if origin is not None else None,
            version=item.version or 1,
            valid_until=item.valid_until,
            review_state=item.review_state,
            published_at=item.published_at,
            url=item.url,
            sources=item.sources,
            files=[str(f.get("name") or f.get("digest")) for f in item.files or []],
        )
