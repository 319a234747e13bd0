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

from sqlalchemy import select
from sqlalchemy.orm import aliased

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
    org = aliased(Organisation)
    consult_org = aliased(Organisation)
    due_in = done_in = open_count = 0
    overdue: list[FollowUpItem] = []
    with store.read() as session:
        rows = session.execute(
            select(
                FollowUp.id,
                FollowUp.due_date,
                FollowUp.text,
                FollowUp.owner_id,
                FollowUp.done_at,
                org.name,
                org.deleted,
                consult_org.name,
                Consultation.deleted,
            )
            .outerjoin(org, org.id == FollowUp.organisation_id)
            .outerjoin(Consultation, Consultation.id == FollowUp.consultation_id)
            .outerjoin(consult_org, consult_org.id == Consultation.organisation_id)
            .where(FollowUp.deleted.is_(False))
            .order_by(FollowUp.due_date, FollowUp.id)
        ).all()
    for fid, due, text, owner, done_at, name, org_gone, c_name, c_gone in rows:
        if org_gone or c_gone:
            continue
        done_day = done_at.date() if done_at is not None else None
        if period.start <= due <= period.end:
            due_in += 1
        if done_day is not None and period.start <= done_day <= period.end:
            done_in += 1
        if done_day is not None and done_day <= as_of:
            continue
        open_count += 1
        if due < as_of:
            overdue.append(FollowUpItem(fid, due, text, name or c_name or "", owner, True))
    return FollowUpSummary(as_of, open_count, len(overdue), overdue, due_in, done_in)
