"""The manager's view of the centre's team (start page): consultations this month per
advisor, open and overdue follow-ups per advisor, organisations near the 80 h cap of in-depth
advice, this month's events, and the sync state. The hub has no endpoint that reports the
centre's devices, so the sync state is this device's own (last sync, pending changes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import text

from zz_desktop.domain.validation import IN_DEPTH_CAP_HOURS
from zz_desktop.store.database import Store
from zz_desktop.sync import state

#: From this many hours of in-depth advice an organisation is listed as near the cap.
NEAR_CAP_HOURS = 0.75 * IN_DEPTH_CAP_HOURS
#: The key under which consultations without any advisor are counted.
NO_ADVISOR = ""


@dataclass(frozen=True)
class AdvisorLine:
    user_id: str  # NO_ADVISOR for consultations nobody is recorded on
    name: str
    consultations: int = 0
    open_followups: int = 0
    overdue_followups: int = 0


@dataclass(frozen=True)
class CapLine:
    organisation_id: str
    name: str
    hours: float


@dataclass(frozen=True)
class EventLine:
    event_id: str
    title: str
    start: dt.date
    participants: int


@dataclass(frozen=True)
class TeamOverview:
    month_start: dt.date
    advisors: list[AdvisorLine] = field(default_factory=list)
    near_cap: list[CapLine] = field(default_factory=list)
    events: list[EventLine] = field(default_factory=list)
    last_sync: str | None = None  # ISO time (UTC) of this device's last successful sync
    pending: int = 0
    devices_reported: bool = False  # True once the hub reports the centre's devices


def is_manager(store: Store) -> bool:
    """Whether the person working in this profile manages the centre."""
    with store.read() as session:
        role = (
            session.connection()
            .execute(text("SELECT role FROM app_user WHERE id = :id"), {"id": store.actor.user_id})
            .scalar()
        )
    return role == "manager" or state.get(store, state.ROLE) == "manager"


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def team_overview(store: Store, today: dt.date | None = None) -> TeamOverview:
    """The figures of the manager's start page (one read transaction)."""
    today = today or dt.date.today()
    first = today.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    month = {"a": first.isoformat(), "b": (nxt - dt.timedelta(days=1)).isoformat()}
    with store.read() as session:
        conn = session.connection()
        names: dict[str, str] = dict(
            conn.execute(
                text(
                    "SELECT id, coalesce(display_name, username) FROM app_user "
                    "WHERE role IN ('advisor', 'manager')"
                )
            ).all()
        )
        # advisor_ids is a JSON list: one row per advisor of each consultation this month.
        per_advisor: dict[str, int] = dict(
            conn.execute(
                text(
                    "SELECT coalesce(j.value, ''), count(DISTINCT c.id) FROM consultation c "
                    "LEFT JOIN json_each(c.advisor_ids) j "
                    "WHERE c.deleted = 0 AND c.date BETWEEN :a AND :b GROUP BY 1"
                ),
                month,
            ).all()
        )
        followups = {
            owner: (int(n), int(late or 0))
            for owner, n, late in conn.execute(
                text(
                    "SELECT coalesce(owner_id, ''), count(*), sum(due_date < :today) "
                    "FROM followup WHERE deleted = 0 AND done_at IS NULL GROUP BY 1"
                ),
                {"today": today.isoformat()},
            )
        }
        cap = conn.execute(
            text(
                "SELECT o.id, o.name, sum(c.duration_min) / 60.0 AS h FROM consultation c "
                "JOIN organisation o ON o.id = c.organisation_id "
                "WHERE c.deleted = 0 AND o.deleted = 0 AND c.kind = 'in_depth' "
                "GROUP BY o.id HAVING h >= :near ORDER BY h DESC LIMIT 50"
            ),
            {"near": NEAR_CAP_HOURS},
        ).all()
        events = conn.execute(
            text(
                "SELECT e.id, e.title, e.start_date, count(p.id) FROM event e "
                "LEFT JOIN participation p ON p.event_id = e.id AND p.deleted = 0 "
                "WHERE e.deleted = 0 AND e.start_date BETWEEN :a AND :b "
                "GROUP BY e.id ORDER BY e.start_date"
            ),
            month,
        ).all()
        pending = int(conn.execute(text("SELECT count(*) FROM outbox")).scalar() or 0)
    keys = set(names) | {k for k in per_advisor if k} | {k for k in followups if k}
    advisors = [
        AdvisorLine(
            uid,
            names.get(uid, uid[:8]),
            int(per_advisor.get(uid, 0)),
            *followups.get(uid, (0, 0)),
        )
        for uid in keys
    ]
    advisors.sort(key=lambda a: a.name.casefold())
    if per_advisor.get(NO_ADVISOR) or followups.get(NO_ADVISOR):
        advisors.append(
            AdvisorLine(
                NO_ADVISOR,
                "",
                int(per_advisor.get(NO_ADVISOR, 0)),
                *followups.get(NO_ADVISOR, (0, 0)),
            )
        )
    return TeamOverview(
        month_start=first,
        advisors=advisors,
        near_cap=[CapLine(i, n, round(float(h), 1)) for i, n, h in cap],
        events=[EventLine(i, t, _day(d), int(n)) for i, t, d, n in events],
        last_sync=state.get(store, state.LAST_SYNC),
        pending=pending,
    )
