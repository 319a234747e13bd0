"""Typed projections for aggregates, kept up to date in the same transaction as the row changes.

Only codes and dates are copied (no names, ids of persons, or free text leave ``sync_row``), so
that aggregates are plain indexed GROUP BYs and never parse JSON at query time. The topic and
gender tables carry the consultation's dimensions too (``CONSULTATION_DIMS``), so that counts by
topic or gender need no join.

:func:`apply` updates the projections for all rows a push batch changed, with a fixed number of
statements per batch (not per row). Every projection is a function of the rows' final state, so a
row changed twice in one batch is projected once. It runs under the counter lock, after the rows
are stamped and written, so what it reads of other rows (an organisation's codes, a person's
gender) is the latest committed state. New projection rows are written with one multi-row
``INSERT`` per table (plain dicts, no ORM objects).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, select, update

from zz_hub import codelists, gender_projection, reach, referral_projection
from zz_hub.models import (
    AggConsultation,
    AggConsultationGender,
    AggConsultationPerson,
    AggConsultationTopic,
    AggPerson,
    Centre,
)
from zz_hub.rowstate import RowState, insert_many
from zz_hub.tenancy import CentreScope
from zz_protocol.cellkey import random_record_key

UNKNOWN = codelists.UNKNOWN
Key = tuple[str, str]
A, T, G, L, P = (
    AggConsultation,
    AggConsultationTopic,
    AggConsultationGender,
    AggConsultationPerson,
    AggPerson,
)


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) and value else UNKNOWN


def _parse_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@dataclass
class Lookups:
    """What the projections read of other rows, fetched before the sequence lock (see
    :func:`prepare`): the centre's Land, the organisations the batch's consultations name, and
    the stored gender of the batch's persons."""

    centre_land: str
    organisations: dict[str, RowState] = field(default_factory=dict)
    #: person id → stored gender code
    persons: dict[str, str] = field(default_factory=dict)


def prepare(
    scope: CentreScope, changed: Iterable[RowState], seen: dict[Key, int | None]
) -> Lookups:
    """Fetch the :class:`Lookups` of a planned batch. The organisation rows are added to
    ``seen`` (row key → server_seq), so the re-check under the lock covers them; a person's
    stored gender changes only together with the person's row, which the batch already covers."""
    session, centre = scope.session, scope.centre_id
    rows = {(row.entity, row.entity_id): row for row in changed}
    found = session.get(Centre, centre)
    lookups = Lookups(centre_land=found.state if found is not None else UNKNOWN)
    named = {
        oid
        for (entity, _id), row in rows.items()
        if entity == "consultation" and not row.deleted
        if (oid := _str(row.fields.get("organisation_id"))) is not None
    }
    missing = {("organisation", oid) for oid in named if ("organisation", oid) not in rows}
    for key, org in scope.get_many(missing).items():
        lookups.organisations[key[1]] = org
        seen.setdefault(key, org.server_seq)
    for key in missing:
        seen.setdefault(key, None)
    persons = sorted(eid for entity, eid in rows if entity == "person")
    if persons:
        lookups.persons = {
            str(pid): str(gender)
            for pid, gender in session.execute(
                select(P.person_id, P.gender).where(P.centre_id == centre, P.person_id.in_(persons))
            )
        }
    return lookups


class _Projector:
    def __init__(self, scope: CentreScope, rows: dict[Key, RowState], lookups: Lookups) -> None:
        self.scope = scope
        self.session = scope.session
        self.centre = scope.centre_id
        self.rows = rows
        self.lookups = lookups

    def org_dims(self, org: RowState | None) -> dict[str, str]:
        values = org.fields if org is not None else {}
        ags = values.get("ags")
        # The AGS decides; a postcode only where its range names one Land; else the centre's.
        land = (
            codelists.land_of_ags(ags)
            or codelists.land_of_postcode(values.get("postcode"))
            or self.lookups.centre_land
        )
        return {
            "land": land,
            "kreis": codelists.kreis_of_ags(ags) or UNKNOWN,
            "sector_section": codelists.sector_section(
                values.get("sector_code"), values.get("sector_version")
            ),
            "sme_class": _text(values.get("sme_class"), 10),
        }

    def organisation(self, org_id: str | None) -> RowState | None:
        """This batch's row (final state), else the stored one fetched by :func:`prepare`."""
        if org_id is None:
            return None
        return self.rows.get(("organisation", org_id)) or self.lookups.organisations.get(org_id)


def apply(
    scope: CentreScope, changed: Iterable[RowState], created: set[Key], lookups: Lookups
) -> None:
    """Bring the projections in line with ``changed`` rows (final state); ``created`` names the
    rows that did not exist before the batch (they have no projection rows to remove yet)."""
    rows = {(row.entity, row.entity_id): row for row in changed}
    by_entity: dict[str, list[RowState]] = {}
    for row in rows.values():
        by_entity.setdefault(row.entity, []).append(row)
    referral_projection.apply(
        scope, by_entity.get("referral", []), by_entity.get("partner_offer", []), created
    )
    consultations = by_entity.get("consultation", [])
    organisations = by_entity.get("organisation", [])
    persons = by_entity.get("person", [])
    participants = by_entity.get("consultation_participant", [])
    if not (consultations or organisations or persons or participants):
        return
    p = _Projector(scope, rows, lookups)
    session, centre = p.session, p.centre
    # New projection rows are collected and inserted with one statement per table.
    new_a: list[dict[str, Any]] = []
    new_t: list[dict[str, Any]] = []
    new_l: list[dict[str, Any]] = []
    affected: set[str] = set()  # consultations whose genders must be recomputed

    # Consultations: drop the projection rows of those that existed (new ones have none).
    old_cids = sorted(r.entity_id for r in consultations if (r.entity, r.entity_id) not in created)
    # An edited consultation keeps its record key (its cells must not change value by an edit
    # that does not change them); a new one draws a fresh random key.
    kept_keys: dict[str, int] = {}
    # An organisation keeps its record key while it has live consultations (read before the
    # edited consultations' rows go, so that editing its only consultation keeps it too).
    org_keys, stored_orgs = _org_keys(session, centre, consultations)
    # Organisations whose first-consultation flags (SMEs reached) must be recomputed.
    touched_orgs = stored_orgs | {
        oid for r in consultations if (oid := _str(r.fields.get("organisation_id"))) is not None
    }
    # Organisations whose projection rows will all be in this batch (none stored): their flags
    # are set in memory. Any other touched organisation is ranked in the database.
    if old_cids:
        stored_orgs.update(
            oid
            for oid in session.scalars(
                select(A.organisation_id)
                .where(A.centre_id == centre, A.consultation_id.in_(old_cids))
                .distinct()
            )
            if oid is not None
        )
        touched_orgs.update(stored_orgs)
        kept_keys = {
            cid: int(key)
            for cid, key in session.execute(
                select(A.consultation_id, A.record_key).where(
                    A.centre_id == centre, A.consultation_id.in_(old_cids)
                )
            )
        }
        for table in (A, T):
            session.execute(
                delete(table).where(table.centre_id == centre, table.consultation_id.in_(old_cids))
            )
        session.execute(
            delete(L).where(
                L.centre_id == centre, L.source == "main", L.consultation_id.in_(old_cids)
            )
        )
    affected.update(r.entity_id for r in consultations)

    # Organisations: the consultations (stored before this batch) that name one get its codes.
    if organisations:
        org_ids = sorted(r.entity_id for r in organisations)
        referenced = session.scalars(
            select(A.organisation_id)
            .where(A.centre_id == centre, A.organisation_id.in_(org_ids))
            .distinct()
        ).all()
        for oid in sorted(o for o in referenced if o is not None):
            codes = p.org_dims(rows[("organisation", oid)])
            of_org = select(A.consultation_id).where(
                A.centre_id == centre, A.organisation_id == oid
            )
            session.execute(
                update(A).where(A.centre_id == centre, A.organisation_id == oid).values(**codes)
            )
            for copy in (T, G):
                session.execute(
                    update(copy)
                    .where(copy.centre_id == centre, copy.consultation_id.in_(of_org))
                    .values(**codes)
                )

    # Participant links: withdraw the old ones (their consultations change too), add current.
    old_sources = sorted(
        r.entity_id for r in participants if (r.entity, r.entity_id) not in created
    )
    if old_sources:
        affected.update(
            session.scalars(
                select(L.consultation_id).where(L.centre_id == centre, L.source.in_(old_sources))
            ).all()
        )
        session.execute(delete(L).where(L.centre_id == centre, L.source.in_(old_sources)))
    for row in participants:
        cid, pid = _str(row.fields.get("consultation_id")), _str(row.fields.get("person_id"))
        if not row.deleted and cid is not None and pid is not None:
            new_l.append(
                {
                    "centre_id": centre,
                    "source": row.entity_id,
                    "consultation_id": cid,
                    "person_id": pid,
                }
            )
            affected.add(cid)

    # Live consultations: the typed row, its topics and its main person, with their dimensions.
    live = [r for r in consultations if not r.deleted]
    for row in live:
        values = row.fields
        day = _parse_date(values.get("date"))
        org_id = _str(values.get("organisation_id"))
        dims: dict[str, Any] = {
            "date": day,
            "quarter": f"{day.year}-Q{(day.month - 1) // 3 + 1}" if day else UNKNOWN,
            "month": f"{day.year}-{day.month:02d}" if day else UNKNOWN,
            "mode": _text(values.get("mode"), 12),
            "kind": _text(values.get("kind"), 12),
            **p.org_dims(p.organisation(org_id)),
            "record_key": kept_keys.get(row.entity_id, random_record_key()),
            "organisation_id": org_id,
            "org_key": 0 if org_id is None else org_keys.setdefault(org_id, random_record_key()),
        }
        keys = {"centre_id": centre, "consultation_id": row.entity_id}
        new_a.append({**keys, **dims})
        topics = values.get("topics")
        names = (
            {t[:64] for t in topics if isinstance(t, str)} if isinstance(topics, list) else set()
        )
        new_t.extend({**keys, "topic": topic, **dims} for topic in sorted(names))
        person_id = _str(values.get("person_id"))
        if person_id is not None:
            new_l.append({**keys, "source": "main", "person_id": person_id})
    in_memory = {o for r in new_a if (o := r["organisation_id"]) is not None} - stored_orgs
    reach.flag_new(new_a, new_t, in_memory)
    inserts: tuple[tuple[Any, list[dict[str, Any]]], ...] = ((A, new_a), (T, new_t), (L, new_l))
    for table, new in inserts:
        if new:
            insert_many(session, table.__table__, new)

    if touched_orgs - in_memory:
        reach.recompute(session, centre, touched_orgs - in_memory)

    # Persons: a changed gender changes every consultation the person took part in.
    changed_persons: list[str] = []
    new_p: list[dict[str, Any]] = []
    moved_p: list[dict[str, Any]] = []
    batch_genders: dict[str, str] = {}
    for row in persons:
        gender = _text(row.fields.get("gender"), 12) if not row.deleted else UNKNOWN
        batch_genders[row.entity_id] = gender
        existing = lookups.persons.get(row.entity_id)
        if existing is None:
            new_p.append({"centre_id": centre, "person_id": row.entity_id, "gender": gender})
        elif existing != gender:
            moved_p.append({"k_person": row.entity_id, "gender": gender})
        else:
            continue
        changed_persons.append(row.entity_id)
    if new_p:
        insert_many(session, P.__table__, new_p)  # type: ignore[arg-type]  # a mapped Table
    if moved_p:
        session.execute(
            update(P.__table__).where(P.centre_id == centre, P.person_id == bindparam("k_person")),  # type: ignore[arg-type]  # Core executemany, not ORM bulk
            moved_p,
        )
    fresh: dict[str, dict[str, Any] | None] = {
        r.entity_id: None for r in consultations if (r.entity, r.entity_id) in created
    }
    fresh.update((r["consultation_id"], r) for r in new_a if r["consultation_id"] in fresh)
    gender_projection.project(scope, affected, changed_persons, fresh, batch_genders)


def _org_keys(
    session: Any, centre: str, consultations: list[RowState]
) -> tuple[dict[str, int], set[str]]:
    """The stored record keys of the organisations the batch's live consultations name, and
    which of them have stored projection rows at all."""
    named = sorted(
        {
            oid
            for r in consultations
            if not r.deleted and (oid := _str(r.fields.get("organisation_id"))) is not None
        }
    )
    if not named:
        return {}, set()
    found = session.execute(
        select(A.organisation_id, A.org_key)
        .where(A.centre_id == centre, A.organisation_id.in_(named))
        .distinct()
    ).all()
    keys = {str(oid): int(key) for oid, key in found if key != 0}
    return keys, {str(oid) for oid, _key in found}
