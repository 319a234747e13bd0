"""The push projections computed in memory (first-row flags of organisations a batch brings,
gender rows of consultations a batch creates) equal what the database rule computes from the
stored rows (``reach.recompute`` and the gender ``INSERT … SELECT``), whatever the batches —
creates, edits, deletes, orphan links, persons arriving after their consultations — on both
backends (in-process pushes through ``apply_batch``, hypothesis draws the batches)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from zz_hub import gender_projection, reach
from zz_hub.db import Database
from zz_hub.ids import uuid7
from zz_hub.models import (
    AggConsultation,
    AggConsultationGender,
    AggConsultationPerson,
    AggConsultationTopic,
    AggPerson,
    Centre,
    HubUser,
)
from zz_hub.push import apply_batch
from zz_hub.tenancy import Caller, CentreScope
from zz_hub.testing import seed
from zz_protocol.schemas import Op

TABLES = (
    AggConsultation,
    AggConsultationTopic,
    AggConsultationGender,
    AggConsultationPerson,
    AggPerson,
)
NOW = "2026-03-02T09:30:00.000"
DAYS = (dt.date(2026, 1, 5), dt.date(2026, 1, 5), dt.date(2026, 2, 20), dt.date(2026, 7, 1))
TOPICS = ("ai_at_work", "mobile_hybrid_work", "qualification_training")


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def hub_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    from tests.hub.conftest import database_for

    for url in database_for(str(request.param), tmp_path_factory.mktemp("projections")):
        seed(url)
        database = Database(url)
        with database.read() as session:
            user = session.scalars(select(HubUser).where(HubUser.username == "berater1")).one()
            assert user.centre_id is not None
            caller = Caller(user.id, user.username, "dev-projection", "advisor", user.centre_id)
            assert session.get(Centre, user.centre_id) is not None
        try:
            yield database, caller
        finally:
            database.dispose()


def _fields(kind: str, draw: Any, ids: dict[str, list[str]], caller: Caller) -> dict[str, Any]:
    stamps = {
        "created_at": NOW,
        "updated_at": NOW,
        "created_by": caller.user_id,
        "updated_by": caller.user_id,
        "deleted": draw(st.sampled_from((False, False, False, True))),
    }
    if kind == "organisation":
        return {
            "name": "Tischlerei",
            "ags": draw(st.sampled_from(("15002000", "14612000", None))),
            "sector_code": "16.23",
            "sector_version": "WZ2025",
            "sme_class": "micro",
            **stamps,
        }
    if kind == "person":
        gender = draw(st.sampled_from(("female", "male", "non_binary", "not_stated")))
        return {"last_name": "Muster", "gender": gender, **stamps}
    if kind == "consultation":
        day = draw(st.sampled_from(DAYS))
        return {
            "date": day.isoformat(),
            "mode": "phone",
            "kind": "in_depth",
            "organisation_id": draw(st.sampled_from([None, *ids["organisation"]])),
            "person_id": draw(st.sampled_from([None, *ids["person"]])),
            "advisor_ids": [caller.user_id],
            "topics": draw(st.lists(st.sampled_from(TOPICS), max_size=2, unique=True)),
            "status": "final",
            "esf_counting": "entity",
            **stamps,
        }
    return {
        "consultation_id": draw(st.sampled_from(ids["consultation"])),
        "person_id": draw(st.sampled_from(ids["person"])),
        **stamps,
    }


KINDS = ("organisation", "person", "consultation", "consultation_participant")


def _snapshot(session: Any, centre: str) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in TABLES:
        cols = list(table.__table__.columns)
        rows = session.execute(select(*cols).where(table.centre_id == centre)).all()
        out[table.__tablename__] = sorted((tuple(r) for r in rows), key=repr)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_in_memory_projections_equal_the_database_rule(hub_db: Any, data: st.DataObject) -> None:
    database, caller = hub_db
    ids = {kind: [uuid7() for _ in range(4)] for kind in KINDS}
    seqs: dict[str, int] = {}
    for _batch in range(data.draw(st.integers(1, 4), label="batches")):
        ops: dict[str, Op] = {}
        for _ in range(data.draw(st.integers(1, 8), label="ops")):
            kind = data.draw(st.sampled_from(KINDS), label="kind")
            entity_id = data.draw(st.sampled_from(ids[kind]), label="id")
            ops[entity_id] = Op(
                op_id=uuid7(),
                entity=kind,
                entity_id=entity_id,
                kind="upsert",
                base_seq=seqs.get(entity_id),
                fields=_fields(kind, data.draw, ids, caller),
            )
        with database.write() as session:
            results = apply_batch(
                CentreScope(session, caller.centre_id), caller, list(ops.values())
            )
        for op, result in zip(ops.values(), results, strict=True):
            assert result.status in ("applied", "conflict"), result
            if result.server_seq is not None:
                seqs[op.entity_id] = result.server_seq
    with database.write() as session:
        centre = caller.centre_id
        pushed = _snapshot(session, centre)
        # The database rule over every stored row of the centre.
        reach.recompute(session, centre)
        every = set(
            session.scalars(
                select(AggConsultation.consultation_id).where(AggConsultation.centre_id == centre)
            )
        )
        every |= set(
            session.scalars(
                select(AggConsultationGender.consultation_id).where(
                    AggConsultationGender.centre_id == centre
                )
            )
        )
        if every:
            gender_projection._recompute(CentreScope(session, centre), every)
        assert _snapshot(session, centre) == pushed
        session.rollback()
