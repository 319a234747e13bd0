"""Issue 13: the person's privacy tab — give and withdraw consents with history, the consent
state, the one-click Art. 15 export (PDF read back, JSON next to it, owner-only) and the erase
button, hidden for an advisor and working for a manager."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.unit.test_privacy import _person_with_everything
from zz_desktop.domain import roles
from zz_desktop.store.models import Person
from zz_desktop.sync import state

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_privacy_tab_consents_access_erase(
    app: Any, store: Any, qtbot: Any, tmp_path: Path, lang: str
) -> None:
    from zz_desktop.ui.views.person_privacy_tab import PersonPrivacyTab

    pid = _person_with_everything(store)
    tab = PersonPrivacyTab(store, pid)
    qtbot.addWidget(tab)
    tab.resize(960, 600)
    tab.show()
    assert tab.table.rowCount() == 1
    # ESF monitoring answers are locked until the person gives the ESF consent.
    assert not tab.esf_fields["minority"].isEnabled() and not tab.esf_save.isEnabled()
    tab.purpose.setCurrentIndex(tab.purpose.findData("esf_monitoring"))
    tab.method.setCurrentIndex(tab.method.findData("online"))
    tab.text_version.setText("2026-01")
    tab.give_button.click()
    assert tab.table.rowCount() == 2
    assert tab.purposes["esf_monitoring"] in tab.state.text()
    assert tab.esf_fields["minority"].isEnabled()
    combo = tab.esf_fields["minority"]
    combo.setCurrentIndex(combo.findData("yes"))
    tab.esf_save.click()
    assert tab.error.text() == ""
    with store.read() as s:
        assert s.get(Person, pid).minority == "yes"
    rows = {r["purpose"]: r for r in tab.rows}
    assert rows["esf_monitoring"]["text_version"] == "2026-01"
    assert rows["esf_monitoring"]["method"] == "online"
    # Withdraw the contact consent: as easy as giving.
    tab.table.selectRow(next(i for i, r in enumerate(tab.rows) if r["purpose"] == "contact_data"))
    tab.withdraw_button.click()
    assert tab.purposes["contact_data"] not in tab.state.text()
    assert any(r["withdrawn_at"] for r in tab.rows)
    assert tab.erase_button.isVisibleTo(tab)  # never logged in: the owner may erase
    if lang == "de":
        SHOTS.mkdir(exist_ok=True)
        tab.grab().save(str(SHOTS / "person-privacy.png"))

    pdf = tmp_path / "auskunft.pdf"
    tab.export_access(pdf)
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert pdf.with_suffix(".json").exists()
    text = "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "Auskunft nach Art. 15 DSGVO" in text and "Yıldırım" in text

    tab.erase()
    with store.read() as s:
        assert s.get(Person, pid).erased_at is not None


def test_erase_hidden_and_refused_for_an_advisor(app: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.ui.views.person_privacy_tab import PersonPrivacyTab

    pid = _person_with_everything(store)
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: "advisor"})
    tab = PersonPrivacyTab(store, pid)
    qtbot.addWidget(tab)
    assert not tab.erase_button.isVisibleTo(tab)
    tab.erase()  # even if reached: refused with the reason, nothing erased
    assert roles.role_label("manager") in tab.error.text()
    with store.read() as s:
        assert s.get(Person, pid).erased_at is None
