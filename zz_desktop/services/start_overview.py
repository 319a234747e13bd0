"""What the start page shows: the follow-ups due (today's and the most recently overdue first;
older ones are on the organisation pages) and the latest consultations. One read, so the GUI runs
it on a worker and the window never waits for the database at start."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zz_desktop.services import listing
from zz_desktop.store.database import Store

MAX_FOLLOWUPS = 200
RECENT_CONSULTATIONS = 12


@dataclass(frozen=True)
class DueFollowup:
    id: str
    due_date: dt.date
    text: str
    organisation: str | None
    organisation_id: str | None


@dataclass(frozen=True)
class RecentConsultation:
    id: str
    date: dt.date | None
    who: str  # the organisation, else the person advised
    kind: str | None


@dataclass(frozen=True)
class StartOverview:
    today: dt.date
    due_total: int  # may exceed len(due): the list is capped
    due: list[DueFollowup]
    recent: list[RecentConsultation]


def load(store: Store, today: dt.date | None = None) -> StartOverview:
    today = today or dt.date.today()
    due_filter = {"open": True, "date_to": today}
    ids = listing.list_ids(store, "followup", due_filter, ("due_date", True), MAX_FOLLOWUPS)
    rows = listing.rows(
        store, "followup", ids, ["due_date", "text", "organisation", "organisation_id"]
    )
    due = [DueFollowup(fid, *row) for fid, row in zip(ids, rows, strict=True)]
    cids = listing.list_ids(store, "consultation", limit=RECENT_CONSULTATIONS)
    recent = [
        RecentConsultation(cid, row[0], row[1] or row[2] or "", row[3])
        for cid, row in zip(
            cids,
            listing.rows(store, "consultation", cids, ["date", "organisation", "person", "kind"]),
            strict=True,
        )
    ]
    return StartOverview(today, listing.count(store, "followup", due_filter), due, recent)
