"""Follow-up figures for a period and as of a stated date (activity report).

* **Due in the period**: live follow-ups whose due date lies in the period.
* **Done in the period**: live follow-ups marked done on a day in the period.
* **Open as of** the stated date (default: the period's end, or today when that is earlier):
  not done by then; **overdue** are those of them due before it.
  The figures are the same whenever the report is printed — a follow-up done later still counts
  as open as of a date before it was done.
* **Live**: the follow-up is not deleted, nor is the consultation or organisation it hangs on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from zz_desktop.reports.queries.period import Period
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, FollowUp, Organisation


@dataclass(frozen=True)
class FollowUpItem:
    id: str
    due_date: dt.date
    text: str
    organisation: str
    owner_id: str | None
    overdue: bool


@dataclass(frozen=True)
class FollowUpSummary:
    as_of: dt.date
    open: int
    overdue: int
    items: list[FollowUpItem]
    due_in_period: int = 0
    done_in_period: int = 0


def default_as_of(period: Period, today: dt.date | None = None) -> dt.date:
    return min(period.end, today or dt.date.today())


def followups_for(
    store: Store, period: Period, as_of: dt.date | None = None, today: dt.date | None = None
) -> FollowUpSummary:
    """Every follow-up figure of the activity report (rules in the module docstring)."""
    as_of = as_of or default_as_of(period, today)
    due_in = done_in = 0
    open_ids: list[str] = []
    overdue_ids: list[str] = []
    with store.read() as session:
        # Narrow columns of the rows a figure needs, no joins; texts only for the overdue ones
        # (a joined read of every follow-up cost ~0.5 s at 20k consultations).
        # Done on or after this moment: done in the period, or still open on the stated date.
        since = min(
            dt.datetime.combine(period.start, dt.time()),
            dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time()),
        )
        # Only the rows some figure needs: due or done in the period, or not done by the date.
        rows = session.execute(
            select(
                FollowUp.id,
                FollowUp.due_date,
                FollowUp.done_at,
                FollowUp.organisation_id,
                FollowUp.consultation_id,
            ).where(
                FollowUp.deleted.is_(False),
                or_(
                    FollowUp.due_date.between(period.start, period.end),
                    FollowUp.done_at.is_(None),
                    FollowUp.done_at >= since,
                ),
            )
        ).all()
        # The deleted parents are few: one scan each (faster than looking up every parent).
        gone_orgs = set(
            session.scalars(select(Organisation.id).where(Organisation.deleted.is_(True)))
        )
        gone_cons = set(
            session.scalars(select(Consultation.id).where(Consultation.deleted.is_(True)))
        )
        for fid, due, done_at, oid, cid in rows:
            if oid in gone_orgs or cid in gone_cons:
                continue
            done_day = done_at.date() if done_at is not None else None
            if period.start <= due <= period.end:
                due_in += 1
            if done_day is not None and period.start <= done_day <= period.end:
                done_in += 1
            if done_day is not None and done_day <= as_of:
                continue
            open_ids.append(fid)
            if due < as_of:
                overdue_ids.append(fid)
        overdue = _items(session, overdue_ids)
    return FollowUpSummary(as_of, len(open_ids), len(overdue), overdue, due_in, done_in)


def _items(session: Session, ids: list[str]) -> list[FollowUpItem]:
    """The overdue follow-ups with their texts and organisation (direct or the consultation's)."""
    items: list[FollowUpItem] = []
    consult_org = aliased(Organisation)
    for i in range(0, len(ids), 900):
        for fid, due, text, owner, name, c_name in session.execute(
            select(
                FollowUp.id,
                FollowUp.due_date,
                FollowUp.text,
                FollowUp.owner_id,
                Organisation.name,
                consult_org.name,
            )
            .outerjoin(Organisation, Organisation.id == FollowUp.organisation_id)
            .outerjoin(Consultation, Consultation.id == FollowUp.consultation_id)
            .outerjoin(consult_org, consult_org.id == Consultation.organisation_id)
            .where(FollowUp.id.in_(ids[i : i + 900]))
        ):
            items.append(FollowUpItem(fid, due, text, name or c_name or "", owner, True))
    return sorted(items, key=lambda item: (item.due_date, item.id))
