"""B9: saving one consultation (row, outbox, search index, audit) — p95 ≤ 20 ms; baseline: a
bare INSERT of the same row in its own transaction on the same encrypted database."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from bench.harness import Result, bench_profile, p95_ms, timings
from zz_desktop.services import consultations
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import Consultation, Organisation

BUDGET = "B9"
TITLE = "save one consultation"

FINDINGS = (
    "Der Betrieb plant die Einführung einer digitalen Zeiterfassung. Die Beschäftigten sind "
    "skeptisch, der Betriebsrat soll früh einbezogen werden. Vereinbart wurde ein Workshop."
)


def run(smoke: bool = False) -> list[Result]:
    size = 200 if smoke else 20_000
    repeat = 3 if smoke else 200
    with bench_profile(size) as store:
        with store.read() as s:
            org_id = s.scalars(select(Organisation.id).limit(1)).one()
        base = consultations.new_consultation_defaults(store, org_id) | {
            "topics": ["ai_at_work"],
            "findings": FINDINGS,
            "status": "final",
        }

        def save() -> None:
            consultations.record_consultation(store, base)

        def bare() -> None:
            row = {
                "id": new_id(),
                "date": dt.date.today(),
                "duration_min": 60,
                "mode": "on_site",
                "kind": "signposting",
                "organisation_id": org_id,
                "advisor_ids": [],
                "topics": ["ai_at_work"],
                "findings": FINDINGS,
                "status": "final",
                "esf_counting": "entity",
                "deleted": False,
                "created_at": dt.datetime.now(),
                "updated_at": dt.datetime.now(),
            }
            with store.engine.begin() as conn:
                conn.execute(insert(Consultation.__table__), [row])

        service = timings(save, repeat, warmup=2)
        baseline = timings(bare, repeat, warmup=2)
    value, base_value = p95_ms(service), p95_ms(baseline)
    return [
        Result(
            f"p95 over {repeat} saves ({size:,} consultations in the profile)",
            value,
            "ms",
            budget="p95 ≤ 20 ms",
            baseline=base_value,
            baseline_name="bare INSERT, p95",
            ok=value <= 20,
        )
    ]
