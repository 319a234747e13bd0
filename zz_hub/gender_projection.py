"""The gender projection (``agg_consultation_gender``): the distinct known genders of each live
consultation's participants, with the consultation's dimensions, kept up to date by the push
projections (:mod:`zz_hub.projections`) in the same transaction.

Consultations a batch creates get their rows in memory — their links and the persons' genders
are in the batch or one key query away, and they have no stored gender rows to replace.
Everything else (edited consultations, those a participant link was withdrawn from, those of a
person whose gender changed) is recomputed in the database with one ``DELETE`` and one
``INSERT … SELECT``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, insert, or_, select

from zz_hub.codelists import UNKNOWN
from zz_hub.models import (
    CONSULTATION_DIMS,
    AggConsultation,
    AggConsultationGender,
    AggConsultationPerson,
    AggPerson,
)
from zz_hub.rowstate import insert_many
from zz_hub.tenancy import CentreScope

A, G, L, P = AggConsultation, AggConsultationGender, AggConsultationPerson, AggPerson


def project(
    scope: CentreScope,
    affected: set[str],
    changed_persons: list[str],
    fresh: dict[str, dict[str, Any] | None],
    batch_genders: dict[str, str],
) -> None:
    """Bring the gender rows in line after a batch whose participant links and person rows are
    written. ``affected``: consultations whose participants may have changed; ``changed_persons``:
    persons whose projected gender is new or changed; ``fresh``: the consultations the batch
    created → their new ``agg_consultation`` row (None: not live); ``batch_genders``: the
    projected gender of every person of the batch (as ``agg_person`` now holds it)."""
    session, centre = scope.session, scope.centre_id
    recompute = set(affected) - fresh.keys()
    links: dict[str, set[str]] = defaultdict(set)
    live = sorted(cid for cid, row in fresh.items() if row is not None)
    wanted: list[Any] = []
    if live:
        wanted.append(L.consultation_id.in_(live))
    if changed_persons:
        wanted.append(L.person_id.in_(sorted(changed_persons)))
    if wanted:
        for cid, pid in session.execute(
            select(L.consultation_id, L.person_id).where(L.centre_id == centre, or_(*wanted))
        ):
            if cid in fresh:
                links[cid].add(pid)
            else:  # a stored consultation of a person whose gender changed
                recompute.add(cid)
    if recompute:
        _recompute(scope, recompute)
    others = sorted({pid for pids in links.values() for pid in pids} - batch_genders.keys())
    gender_of = dict(batch_genders)
    if others:
        gender_of.update(
            (str(pid), str(gender))
            for pid, gender in session.execute(
                select(P.person_id, P.gender).where(P.centre_id == centre, P.person_id.in_(others))
            )
        )
    new_g: list[dict[str, Any]] = []
    for cid in live:
        row = fresh[cid]
        assert row is not None
        dims = {name: row[name] for name in CONSULTATION_DIMS}
        genders = {gender_of.get(pid, UNKNOWN) for pid in links[cid]} - {UNKNOWN}
        new_g.extend(
            {"centre_id": centre, "consultation_id": cid, "gender": gender, **dims}
            for gender in sorted(genders)
        )
    if new_g:
        insert_many(session, G.__table__, new_g)  # type: ignore[arg-type]  # a mapped Table


def _recompute(scope: CentreScope, consultation_ids: set[str]) -> None:
    """Distinct known genders of the participants of each live consultation among
    ``consultation_ids``, from the stored links and persons (two statements)."""
    session, centre = scope.session, scope.centre_id
    ids = sorted(consultation_ids)
    session.execute(delete(G).where(G.centre_id == centre, G.consultation_id.in_(ids)))
    dims = [getattr(A, name) for name in CONSULTATION_DIMS]
    found = (
        select(A.centre_id, A.consultation_id, P.gender, *dims)
        .select_from(A)
        .join(L, (L.centre_id == A.centre_id) & (L.consultation_id == A.consultation_id))
        .join(P, (P.centre_id == L.centre_id) & (P.person_id == L.person_id))
        .where(A.centre_id == centre, A.consultation_id.in_(ids), P.gender != UNKNOWN)
        .distinct()
    )
    session.execute(
        insert(G).from_select(["centre_id", "consultation_id", "gender", *CONSULTATION_DIMS], found)
    )
