"""Issue 14: referrals counted in the activity report by partner type and outcome (the query
function, and the PDF read back)."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber

from tests.support.partners import programme_offer
from zz_desktop import reports
from zz_desktop.reports.queries.period import Period
from zz_desktop.reports.queries.referrals import referrals_by_type_and_outcome
from zz_desktop.services import consultations, organisations, partners, referrals
from zz_desktop.store.database import Store

Q1 = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def _consultation(store: Store, org_id: str, day: dt.date) -> str:
    data = consultations.new_consultation_defaults(store, org_id) | {"date": day}
    return consultations.record_consultation(store, data, [], []).consultation.id


def _world(store: Store) -> None:
    org = organisations.create_organisation(store, {"name": "Druckerei Lehmann"}).id
    chamber = partners.create_offer(store, {"name": "IHK-Sprechtag", "partner_type": "chamber"})
    bank = programme_offer(store, "KfW-Förderberatung", "funding_bank")
    union = partners.create_offer(store, {"name": "Betriebsrätearbeit", "partner_type": "union"})
    in_q1 = [_consultation(store, org, dt.date(2026, 2, d)) for d in (2, 3, 4)]
    later = _consultation(store, org, dt.date(2026, 4, 2))
    taken = referrals.refer(store, in_q1[0], chamber.id)
    referrals.record_outcome(store, taken.id, "taken_up", dt.date(2026, 2, 20))
    not_taken = referrals.refer(store, in_q1[1], chamber.id)
    referrals.record_outcome(store, not_taken.id, "not_taken_up", dt.date(2026, 3, 1))
    referrals.refer(store, in_q1[1], bank)  # outcome unknown
    referrals.refer(store, in_q1[2], bank)
    referrals.refer(store, later, bank)  # outside the period
    gone = referrals.refer(store, in_q1[2], union.id)
    referrals.delete_referral(store, gone.id)  # deleted: never counts
    dropped = _consultation(store, org, dt.date(2026, 3, 3))
    referrals.refer(store, dropped, union.id)
    consultations.delete_consultation(store, dropped)  # its referral goes with it


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_counts_by_partner_type_and_outcome(store: Store) -> None:
    _world(store)
    rows = referrals_by_type_and_outcome(store, Q1)
    assert [(r.partner_type, r.by_outcome, r.total) for r in rows] == [
        ("chamber", {"taken_up": 1, "not_taken_up": 1, "unknown": 0}, 2),
        ("funding_bank", {"taken_up": 0, "not_taken_up": 0, "unknown": 2}, 2),
    ]
    assert (
        referrals_by_type_and_outcome(store, Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
        == []
    )


def test_activity_report_shows_them(store: Store) -> None:
    _world(store)
    pdf = reports.render(store, "activity", Q1, lang="en")
    text = _text(pdf)
    assert "Referrals to partners" in text
    lines = [line for line in text.splitlines() if line.startswith(("Chamber", "Funding bank"))]
    assert lines == ["Chamber 1 1 0 2", "Funding bank 0 0 2 2"], lines
    assert not [line for line in text.splitlines() if line.startswith("Union ")]
    de = reports.render(store, "activity", Q1, lang="de")
    assert "Weiterverweisungen an Partner" in _text(de)
