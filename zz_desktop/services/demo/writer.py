"""Writing demo data: rows built without SQLAlchemy's instrumentation, collected and written in
transactions of about :data:`BATCH` objects through :func:`zz_desktop.store.bulk.insert_new`
(outbox and search index as for any write). Each row's audit entry is made by the same helper as
every other write's (:func:`zz_desktop.store.capture.audit_values`), with a deterministic id and
the row's own time instead of the wall clock, so two runs with one seed write identical rows."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zz_desktop.store.base import Synced
from zz_desktop.store.bulk import insert_new
from zz_desktop.store.capture import Actor, audit_values
from zz_desktop.store.database import Store
from zz_desktop.store.ids import uuid7
from zz_desktop.store.models import (
    Affiliation,
    AuditEntry,
    Consent,
    Consultation,
    ConsultationParticipant,
    Event,
    FollowUp,
    Organisation,
    Participation,
    Person,
    Questionnaire,
    SelfEmployedProfile,
)

Progress = Callable[[str, int, int], None]

#: Objects per write transaction (plus one audit entry each).
BATCH = 5000
_EPOCH = dt.datetime(1970, 1, 1)
_MS = dt.timedelta(milliseconds=1)
#: Parents before children inside one transaction (foreign keys are enforced immediately).
_RANK: dict[type, int] = {
    Organisation: 0,
    Person: 1,
    Affiliation: 2,
    SelfEmployedProfile: 2,
    Consent: 2,
    Consultation: 3,
    ConsultationParticipant: 4,
    FollowUp: 4,
    Event: 5,
    Participation: 6,
    Questionnaire: 7,
    AuditEntry: 9,
}


@dataclass
class DemoSummary:
    """How many rows of each kind :func:`generate_demo` wrote."""

    organisations: int = 0
    persons: int = 0
    affiliations: int = 0
    selfemployed_profiles: int = 0
    consultations: int = 0
    participants: int = 0
    followups: int = 0
    events: int = 0
    participations: int = 0
    questionnaires: int = 0
    consents: int = 0
    audit_entries: int = 0
    users_created: int = 0
    centre_created: bool = False


def ms(ts: dt.datetime) -> int:
    return (ts - _EPOCH) // _MS


_ROW_CLASSES: dict[type, tuple[type, tuple[tuple[str, Any], ...]]] = {}


def _row_class(model: type[Synced]) -> tuple[type, tuple[tuple[str, Any], ...]]:
    """A slotted plain class shaped like ``model`` and its column defaults: what ``insert_new``
    reads (columns, entity, search spec) without SQLAlchemy's attribute instrumentation, which
    would cost most of the time for hundreds of thousands of demo rows."""
    if model not in _ROW_CLASSES:
        table = model.__table__  # type: ignore[attr-defined]
        cls = type(
            f"Demo{model.__name__}",
            (),
            {
                "__slots__": tuple(c.key for c in table.columns),
                "__table__": table,
                "__entity__": model.__entity__,
                "__search__": model.__search__,
                "model": model,
            },
        )
        # Scalar defaults only; list defaults (tags, topics) are always given explicitly.
        defaults = tuple(
            (c.key, c.default.arg if getattr(c.default, "is_scalar", False) else None)
            for c in table.columns
        )
        _ROW_CLASSES[model] = (cls, defaults)
    return _ROW_CLASSES[model]


def new_row(model: type[Synced], **values: Any) -> Any:
    """A new row of ``model`` with every column set (an unknown name raises AttributeError,
    as a typo in a model constructor would)."""
    cls, defaults = _row_class(model)
    row = cls()
    for key, default in defaults:
        setattr(row, key, default)
    for key, value in values.items():
        setattr(row, key, value)
    return row


class DemoWriter:
    """Collects objects and writes them in transactions of about :data:`BATCH` rows, each with
    a deterministic audit entry, reporting progress per stage."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        id_rng: random.Random,
        summary: DemoSummary,
        progress: Progress | None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.id_rng = id_rng
        self.summary = summary
        self.progress = progress
        self.buffer: list[Any] = []
        self.stage = ""
        self.done = 0
        self.total = 0

    def start(self, stage: str, total: int) -> None:
        self.stage, self.done, self.total = stage, 0, total
        self._report()

    def add(self, obj: Any) -> None:
        self.buffer.append(obj)

    def step(self, n: int = 1) -> None:
        """Count ``n`` primary records of the stage as done; flush when the batch is full."""
        self.done += n
        if len(self.buffer) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        objects = sorted(self.buffer, key=lambda o: _RANK[o.model])
        self.buffer = []
        audits = [self._audit(o) for o in objects]
        with self.store.write(self.actor) as session:
            insert_new(session, [*objects, *audits], self.actor, audit=False)
        self.summary.audit_entries += len(audits)
        self._report()

    def finish(self) -> None:
        self.flush()
        self.done = self.total
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.stage, min(self.done, self.total), self.total)

    def _audit(self, obj: Any) -> Any:
        """The row's "create" entry, dated at its creation and by its author (a demo row is
        backdated: the wall clock and the writing actor would be wrong)."""
        at = obj.created_at
        # insert_new stamps the same centre into the row itself.
        obj.centre_id = obj.centre_id or self.actor.centre_id
        author = Actor(obj.created_by, self.actor.centre_id)
        values = audit_values(obj, author, "create", at, at=at, entry_id=uuid7(ms(at), self.id_rng))
        return new_row(AuditEntry, **values)
