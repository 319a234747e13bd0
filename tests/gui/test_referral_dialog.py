"""Issue 14: a consultation's structured referrals — pick an offer from the partner directory,
state a reason, a follow-up appears; record the outcome; messages next to the fields;
reached from the consultation form. Screenshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.gui.helpers import type_text, wait_ops
from zz_desktop.services import consultations, followups, organisations, partners, referrals

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _setup(store: Any) -> tuple[str, str]:
    org = organisations.create_organisation(store, {"name": "Tischlerei Krause", "ags": "15002000"})
    data = consultations.new_consultation_defaults(store, org.id) | {"title": "KI im Angebot"}
    cid = consultations.record_consultation(store, data, [], []).consultation.id
    offer = partners.create_offer(
        store,
        {
            "name": "Förderkredit Digitalisierung",
            "provider": "Investitionsbank Sachsen-Anhalt",
            "partner_type": "funding_bank",
        },
    )
    partners.create_offer(store, {"name": "Innovationsberatung", "partner_type": "chamber"})
    return cid, offer.id


def test_refer_and_record_outcome(app: Any, store: Any, qtbot: Any, lang: str) -> None:
    from zz_desktop.ui.dialogs.referral_dialog import ReferralDialog

    cid, offer_id = _setup(store)
    dialog = ReferralDialog(store, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    # Without an offer: the message stands next to the offer field, nothing is stored.
    dialog.refer()
    wait_ops(qtbot)
    assert not dialog.new_form.errors["partner_offer_id"].isHidden()
    assert referrals.referrals_of(store, cid) == []
    type_text(dialog.offer_search, "förderkredit")
    assert dialog.offer_choice.currentData() == offer_id  # the single hit is chosen
    type_text(dialog.new_form.fields["reason"], "Finanzierung der neuen CNC-Fräse")
    dialog.refer()
    wait_ops(qtbot)
    [line] = referrals.referrals_of(store, cid)
    assert line.offer.id == offer_id and line.referral.reason.startswith("Finanzierung")
    assert dialog.table.rowCount() == 1
    due = [f.text for f in followups.due_followups(store, horizon_days=60)]
    assert any("Förderkredit" in text for text in due)
    # The outcome: a date in the future is refused next to the field.
    dialog.table.selectRow(0)
    outcome = dialog.outcome_form.fields["outcome"]
    outcome.setCurrentIndex(outcome.findData("taken_up"))  # type: ignore[attr-defined]
    later = dt.date.today() + dt.timedelta(days=5)
    dialog.outcome_form.fields["outcome_date"].set_value_(later)  # type: ignore[attr-defined]
    dialog.record_outcome()
    wait_ops(qtbot)
    assert not dialog.outcome_form.errors["outcome_date"].isHidden()
    assert referrals.referrals_of(store, cid)[0].referral.outcome == "unknown"
    dialog.outcome_form.fields["outcome_date"].set_value_(dt.date.today())  # type: ignore[attr-defined]
    type_text(dialog.outcome_form.fields["outcome_note"], "Kredit bewilligt")
    dialog.record_outcome()
    wait_ops(qtbot)
    stored = referrals.referrals_of(store, cid)[0].referral
    assert stored.outcome == "taken_up" and stored.outcome_note == "Kredit bewilligt"
    assert not any(
        "Förderkredit" in f.text for f in followups.due_followups(store, horizon_days=60)
    )
    if lang == "de":
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "referral.png"))


def test_reached_from_the_consultation_form(app: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.ui.dialogs.consultation_form import ConsultationForm
    from zz_desktop.ui.dialogs.referral_dialog import ReferralDialog

    cid, _offer = _setup(store)
    new = ConsultationForm(store, None, None)
    qtbot.addWidget(new)
    assert not new.referrals_button.isEnabled()  # a new record is saved first
    form = ConsultationForm(store, cid, None)
    qtbot.addWidget(form)
    assert form.referrals_button.isEnabled()
    dialog = form.open_referrals()
    assert isinstance(dialog, ReferralDialog)
    assert dialog.offer_choice.count() == 3  # the placeholder and two offers
    dialog.close()
