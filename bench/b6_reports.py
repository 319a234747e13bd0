"""B6: the activity report (PDF) for a year with 50k consultations, and one Beratungsprotokoll.

The demo profile's data ends at its reference date (2026-11-01), so the "year" is the twelve
months before it (2025-11-01 – 2026-10-31); 70k demo consultations put ≥ 50k into it. Timed:
the whole ``reports.render`` call (queries, layout, PDF bytes), fonts already registered.
"""

from __future__ import annotations

import datetime as dt

from bench.harness import Result, bench_profile, median_ms, timings

BUDGET = "B6"
TITLE = "reports"
YEAR = (dt.date(2025, 11, 1), dt.date(2026, 10, 31))


def run(smoke: bool) -> list[Result]:
    from sqlalchemy import func, select

    from zz_desktop import reports
    from zz_desktop.reports.queries.period import Period
    from zz_desktop.store.models import Consultation

    size = 300 if smoke else 70_000
    repeat = 1 if smoke else 5
    period = Period(*YEAR)
    with bench_profile(size) as store:
        with store.read() as session:
            in_year = session.scalar(
                select(func.count()).where(
                    Consultation.deleted.is_(False),
                    Consultation.date >= period.start,
                    Consultation.date <= period.end,
                )
            )
            # The protocol of a consultation with the longest texts in the year.
            cid = session.scalar(
                select(Consultation.id)
                .where(Consultation.date >= period.start, Consultation.organisation_id.is_not(None))
                .order_by(func.length(Consultation.findings).desc())
                .limit(1)
            )
        activity = timings(lambda: reports.render(store, "activity", period), repeat)
        pages = len(reports.render(store, "activity", period))
        esf = timings(lambda: reports.render(store, "esf", period), repeat)
        protocol = timings(
            lambda: reports.render(store, "protocol", consultation_id=cid), repeat * 3
        )
    act_ms, prot_ms, esf_ms = median_ms(activity), median_ms(protocol), median_ms(esf)
    return [
        Result(
            f"activity report, one year ({in_year:,} consultations)",
            act_ms,
            "ms",
            budget="≤ 2000 ms",
            ok=act_ms <= 2000 if not smoke else None,
            extra={"consultations_in_year": in_year, "pdf_bytes": pages, "runs": repeat},
        ),
        Result(
            "ESF report, one year (per operation, from the recorded questionnaires)",
            esf_ms,
            "ms",
            extra={"runs": repeat},
        ),
        Result(
            "one Beratungsprotokoll",
            prot_ms,
            "ms",
            budget="≤ 200 ms",
            ok=prot_ms <= 200 if not smoke else None,
            extra={"runs": repeat * 3},
        ),
    ]
