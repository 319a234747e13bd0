"""Demo data: reproducible for a seed, plausible (places, sizes, sectors, topics), encrypted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from zz_desktop.domain import codelists
from zz_desktop.domain.sme import classify_sme_band
from zz_desktop.services.demo import DemoSummary, generate_demo
from zz_desktop.services.demo.data import SECTORS, SELFEMPLOYED_OCCUPATIONS, places
from zz_desktop.store.database import Store, open_store
from zz_desktop.store.models import SYNCED_MODELS, AppUser, Centre

N = 300
PASS = "test-geheim"
REFERENCE = dt.date(2026, 11, 1)


@dataclass
class Demo:
    path: Path
    summary: DemoSummary


def _make(path: Path, seed: int, **kwargs: Any) -> Demo:
    store = open_store(path, passphrase=PASS, create=True)
    try:
        summary = generate_demo(store, consultations=N, seed=seed, **kwargs)
    finally:
        store.close()
    return Demo(path, summary)


@pytest.fixture(scope="module")
def demo_a(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return _make(tmp_path_factory.mktemp("a") / "profile", seed=7)


@pytest.fixture(scope="module")
def demo_b(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return _make(tmp_path_factory.mktemp("b") / "profile", seed=7)


@pytest.fixture
def store_a(demo_a: Demo) -> Iterator[Store]:
    store = open_store(demo_a.path, passphrase=PASS)
    yield store
    store.close()


def _rows(store: Store, sql: str, **params: Any) -> list[Any]:
    with store.read() as s:
        return list(s.connection().execute(text(sql), params).all())


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    store = open_store(path, passphrase=PASS)
    try:
        tables = [*SYNCED_MODELS, Centre.__tablename__, AppUser.__tablename__, "topic"]
        dump = {
            name: [tuple(r) for r in _rows(store, f"SELECT * FROM {name} ORDER BY 1")]
            for name in tables
        }
        dump["identity"] = [
            (store.get_setting("identity.centre_id"), store.get_setting("identity.user_id"))
        ]
        return dump
    finally:
        store.close()


def test_same_seed_gives_identical_rows(demo_a: Demo, demo_b: Demo) -> None:
    a, b = _dump(demo_a.path), _dump(demo_b.path)
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], f"table {name} differs between two runs with the same seed"
    assert demo_a.summary == demo_b.summary


def test_other_seed_gives_other_ids(demo_a: Demo, tmp_path: Path) -> None:
    other = _make(tmp_path / "profile", seed=8)
    ids_a = {r[0] for r in _dump(demo_a.path)["organisation"]}
    ids_c = {r[0] for r in _dump(other.path)["organisation"]}
    assert not ids_a & ids_c


def test_counts_match_summary(demo_a: Demo, store_a: Store) -> None:
    s = demo_a.summary
    assert s.consultations == N
    assert s.centre_created and s.users_created >= 4
    expected = {
        "organisation": s.organisations,
        "person": s.persons,
        "affiliation": s.affiliations,
        "selfemployed_profile": s.selfemployed_profiles,
        "consultation": s.consultations,
        "consultation_participant": s.participants,
        "followup": s.followups,
        "event": s.events,
        "participation": s.participations,
        "consent": s.consents,
        "questionnaire": s.questionnaires,
        "audit_entry": s.audit_entries,
    }
    for table, count in expected.items():
        assert _rows(store_a, f"SELECT count(*) FROM {table}")[0][0] == count, table
    assert s.organisations == N // 5
    # About 1.5 persons per organisation plus the solo self-employed.
    assert 1.3 * s.organisations < s.persons - s.selfemployed_profiles < 1.8 * s.organisations
    assert s.selfemployed_profiles > 0 and s.followups > 0 and s.participations > 0
    assert s.questionnaires > 0
    # Every synced row has its audit entry; all of them are in the outbox, each inside the
    # op of its row (issue 16: one op per row, not one per audit entry as well).
    assert s.audit_entries == sum(v for k, v in expected.items() if k != "audit_entry")
    outbox = _rows(store_a, "SELECT count(*) FROM outbox")[0][0]
    assert outbox == s.audit_entries
    embedded = _rows(store_a, "SELECT sum(json_array_length(audit)) FROM outbox")[0][0]
    assert embedded == s.audit_entries


def test_audit_entries_are_the_shared_helpers_dated_by_their_row(store_a: Store) -> None:
    """The demo writer makes its audit rows with capture.audit_values, as every write does:
    same columns, the row's author and creation time instead of the writer and the clock."""
    from zz_desktop.store.capture import Actor, audit_values
    from zz_desktop.store.models import AuditEntry, Consultation

    with store_a.read() as s:
        c = s.scalars(select(Consultation).order_by(Consultation.id).limit(1)).one()
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == c.id)).one()
        expected = audit_values(
            c, Actor(c.created_by, c.centre_id), "create", c.created_at, entry_id=entry.id
        )
        assert {k: getattr(entry, k) for k in expected} == expected
        assert set(expected) | {"server_seq", "deleted"} == {
            col.key for col in AuditEntry.__table__.columns
        }


def test_places_file_is_plausible() -> None:
    rows = places()
    assert len(rows) >= 80
    for p in rows:
        assert len(p.ags) == 8 and p.ags.isdigit(), p
        assert codelists.kreis(p.ags[:5]) is not None, p
        assert p.land in {"11", "12", "13", "14", "15", "16"}, p
        assert p.land in codelists.lands_for_postcode(p.postcode), p
        assert p.area_code.startswith("0"), p


def test_sector_codes_exist() -> None:
    for sector in SECTORS:
        assert codelists.wz_code("WZ2025", sector.wz2025) is not None, sector
        assert codelists.wz_code("WZ2008", sector.wz2008) is not None, sector
    for _name, wz2025, wz2008 in SELFEMPLOYED_OCCUPATIONS:
        assert codelists.wz_code("WZ2025", wz2025) is not None, wz2025
        assert codelists.wz_code("WZ2008", wz2008) is not None, wz2008


def test_organisations_are_plausible(store_a: Store) -> None:
    rows = _rows(
        store_a,
        "SELECT ags, postcode, employees, turnover_band, sme_class, sector_code, sector_version "
        "FROM organisation",
    )
    versions = set()
    for ags, postcode, employees, band, sme_class, code, version in rows:
        assert codelists.kreis(ags[:5]) is not None, ags
        assert ags[:2] in codelists.lands_for_postcode(postcode), (ags, postcode)
        expected = classify_sme_band(employees, band)
        assert sme_class == (None if expected is None else str(expected)), (employees, band)
        assert codelists.wz_code(version, code) is not None, (version, code)
        versions.add(version)
    assert versions == {"WZ2025", "WZ2008"}
    classes = [r[4] for r in rows]
    assert classes.count("micro") > classes.count("medium") > classes.count("large") > 0


def test_consultations_are_plausible(store_a: Store) -> None:
    known = {t.code for t in codelists.topics()}
    rows = _rows(
        store_a,
        "SELECT c.date, c.topics, c.organisation_id, c.person_id, c.esf_counting, c.status, "
        "c.created_at, c.advisor_ids FROM consultation c",
    )
    users = {r[0] for r in _rows(store_a, "SELECT id FROM app_user")}
    statuses = set()
    for day, topics, org, person, counting, status, created, advisors in rows:
        day = dt.date.fromisoformat(day)
        assert REFERENCE - dt.timedelta(days=3 * 366) <= day < REFERENCE
        assert len(_json(topics)) >= 1 and set(_json(topics)) <= known
        assert (org is None) != (person is None)
        assert counting == ("entity" if org else "participant")
        assert dt.datetime.fromisoformat(created) <= dt.datetime.combine(REFERENCE, dt.time(8))
        assert set(_json(advisors)) <= users
        statuses.add(status)
    assert statuses == {"draft", "final", "signed"}


def test_participants_belong_to_the_organisation(store_a: Store) -> None:
    stray = _rows(
        store_a,
        "SELECT count(*) FROM consultation_participant p JOIN consultation c "
        "ON c.id = p.consultation_id WHERE c.organisation_id IS NOT NULL AND NOT EXISTS ("
        "SELECT 1 FROM affiliation a WHERE a.person_id = p.person_id "
        "AND a.organisation_id = c.organisation_id)",
    )[0][0]
    assert stray == 0
    solo = _rows(
        store_a,
        "SELECT count(*) FROM consultation_participant p JOIN consultation c "
        "ON c.id = p.consultation_id WHERE c.person_id IS NOT NULL AND p.person_id != c.person_id",
    )[0][0]
    assert solo == 0


def test_in_depth_series_reach_the_cap(store_a: Store) -> None:
    hours = [
        r[0]
        for r in _rows(
            store_a,
            "SELECT sum(duration_min) / 60.0 FROM consultation WHERE kind = 'in_depth' "
            "AND organisation_id IS NOT NULL GROUP BY organisation_id",
        )
    ]
    assert max(hours) >= 60


def test_no_plain_text_in_the_database_file(demo_a: Demo, store_a: Store) -> None:
    names = [
        r[0]
        for r in _rows(
            store_a, "SELECT last_name FROM person WHERE length(last_name) >= 6 LIMIT 20"
        )
    ]
    names += [r[0] for r in _rows(store_a, "SELECT name FROM organisation LIMIT 20")]
    assert names
    store_a.close()
    blob = b"".join(f.read_bytes() for f in demo_a.path.iterdir() if f.name.startswith("zz.db"))
    for needle in [*names, "Zukunftszentrum", "Beschäftigte"]:
        assert needle.encode("utf-8") not in blob, needle


def test_existing_identity_is_reused(tmp_path: Path) -> None:
    store = open_store(tmp_path / "profile", passphrase=PASS, create=True)
    try:
        with store.write() as s:
            s.add(
                Centre(
                    id="c-hub",
                    code="ZZ-SN",
                    name="Zukunftszentrum Sachsen",
                    state="14",
                    kind="regional",
                )
            )
            s.add_all(
                AppUser(
                    id=f"u-{i}",
                    username=f"u{i}",
                    display_name=f"U {i}",
                    role="advisor",
                    centre_id="c-hub",
                )
                for i in range(3)
            )
            s.add(
                AppUser(
                    id="u-other",
                    username="x",
                    display_name="X",
                    role="advisor",
                    centre_id="c-elsewhere",
                )
            )
        store.set_setting("identity.centre_id", "c-hub")
        store.set_setting("identity.user_id", "u-0")
        summary = generate_demo(store, consultations=40, seed=3)
        assert not summary.centre_created and summary.users_created == 0
        assert _rows(store, "SELECT count(*) FROM centre")[0][0] == 1
        centres = {r[0] for r in _rows(store, "SELECT DISTINCT centre_id FROM consultation")}
        assert centres == {"c-hub"}
        advisors = set()
        for (ids,) in _rows(store, "SELECT advisor_ids FROM consultation"):
            advisors |= set(_json(ids))
        assert advisors <= {"u-0", "u-1", "u-2"}
        # Sachsen's centre puts most addresses into Sachsen.
        lands = [r[0][:2] for r in _rows(store, "SELECT ags FROM organisation")]
        assert lands.count("14") > len(lands) / 2
    finally:
        store.close()


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    store = open_store(tmp_path / "profile", passphrase=PASS, create=True)
    try:
        generate_demo(store, consultations=20, seed=1, progress=lambda *a: seen.append(a))
    finally:
        store.close()
    stages = [s for s, _d, _t in seen]
    assert stages[0] == "contacts" and "consultations" in stages and stages[-1] == "events"
    assert all(0 <= d <= t for _s, d, t in seen)
    assert ("consultations", 20, 20) in seen


def _json(value: Any) -> Any:
    import json

    return json.loads(value) if isinstance(value, str) else value


def test_every_demo_op_passes_the_hubs_validation(store_a: Store) -> None:
    """What the demo profile sends is accepted by the hub: an unset NOT NULL JSON column once
    went out as null and the hub rejected all 300 consultations (``checklists:required``)."""
    import json

    from zz_protocol.schemas import Op
    from zz_protocol.validation import op_problem

    problems: dict[str, int] = {}
    for op_id, entity, entity_id, kind, fields in _rows(
        store_a, "SELECT op_id, entity, entity_id, kind, fields FROM outbox"
    ):
        op = Op(
            op_id=op_id, entity=entity, entity_id=entity_id, kind=kind,
            fields=json.loads(fields or "{}"),
        )  # fmt: skip
        if problem := op_problem(op):
            problems[f"{entity}: {problem}"] = problems.get(f"{entity}: {problem}", 0) + 1
    assert problems == {}
