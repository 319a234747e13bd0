"""Issue 14 (session 4): the ombuds case in the consultation form — the state row appears for
that kind only and offers just the next steps of the workflow; saving moves the case on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.gui.helpers import wait_ops
from zz_desktop.services import consultations, organisations


def test_state_row_offers_the_next_steps(app: Any, store: Any, qtbot: Any, lang: str) -> None:
    from zz_desktop.ui.dialogs.consultation_form import ConsultationForm

    org = organisations.create_organisation(store, {"name": "Lena Kühn, Grafikdesign"})
    data = consultations.new_consultation_defaults(store, org.id) | {
        "date": dt.date(2026, 3, 2),
        "kind": "ombuds",
        "title": "Honorar nicht gezahlt",
    }
    case = consultations.record_consultation(store, data).consultation
    form = ConsultationForm(store, case.id, None)
    qtbot.addWidget(form)
    form.show()
    row = form.ombuds_state.parentWidget()
    assert form.form.layout_.isRowVisible(row)
    box = form.ombuds_state
    assert [box.itemData(i) for i in range(box.count())] == [  # type: ignore[attr-defined]
        "received",
        "in_clarification",
        "closed",
    ]
    expected = "In Klärung" if lang == "de" else "In clarification"
    assert box.itemText(1) == expected  # type: ignore[attr-defined]
    box.setCurrentIndex(1)  # type: ignore[attr-defined]
    form.save()
    wait_ops(qtbot)
    assert consultations.load_form(store, case.id).values["ombuds_state"] == "in_clarification"
    again = ConsultationForm(store, case.id, None)
    qtbot.addWidget(again)
    states = [again.ombuds_state.itemData(i) for i in range(again.ombuds_state.count())]  # type: ignore[attr-defined]
    assert states == ["in_clarification", "mediated", "closed"]
    kind = again.form.fields["kind"]
    kind.setCurrentIndex(kind.findData("signposting"))  # type: ignore[attr-defined]
    assert not again.form.layout_.isRowVisible(again.ombuds_state.parentWidget())
    assert again.values()["ombuds_state"] is None
