"""Issue 14 (session 4): a Wissenspool checklist attached to a consultation from its form and
ticked during the visit; every tick is stored with the consultation at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.gui.helpers import wait_ops
from tests.support.library import act_as, consultation, published_checklist
from zz_desktop.services import checklists

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_attach_and_tick_from_the_consultation_form(
    app: Any, store: Any, qtbot: Any, lang: str
) -> None:
    from zz_desktop.ui.dialogs.checklist_dialog import ChecklistDialog
    from zz_desktop.ui.dialogs.consultation_form import ConsultationForm

    checklist = published_checklist(store)
    visit = consultation(store)
    new = ConsultationForm(store, None, None)
    qtbot.addWidget(new)
    assert not new.checklists_button.isEnabled()  # a new record is saved first
    form = ConsultationForm(store, visit, None)
    qtbot.addWidget(form)
    assert form.checklists_button.isEnabled()
    dialog = form.open_checklists()
    assert isinstance(dialog, ChecklistDialog)
    wait_ops(qtbot)
    assert [dialog.choice.itemData(i) for i in range(dialog.choice.count())] == [checklist]
    dialog.attach_button.click()
    wait_ops(qtbot)
    texts = [dialog.items.item(i).text() for i in range(dialog.items.count())]
    assert texts == [
        "Erstbesuch im Betrieb (v1)",
        "Ansprechpartner klären",
        "Datenschutz besprechen",
        "Förderung prüfen",
    ]
    dialog.items.item(2).setCheckState(Qt.CheckState.Checked)
    wait_ops(qtbot)
    assert checklists.attached(store, visit)[0].ticked == {1}
    assert "1" in dialog.message.text() and "3" in dialog.message.text()
    if lang == "de":
        dialog.resize(560, 360)
        qtbot.wait(50)
        dialog.grab().save(str(SHOTS / "wissenspool-checklist.png"))
    # Reopened later (another visit day): the tick is still there.
    dialog.close()
    again = ChecklistDialog(store, visit)
    qtbot.addWidget(again)
    wait_ops(qtbot)
    assert again.items.item(2).checkState() == Qt.CheckState.Checked
    assert again.items.item(1).checkState() == Qt.CheckState.Unchecked
    again.detach_button.click()
    wait_ops(qtbot)
    assert checklists.attached(store, visit) == [] and again.items.count() == 0


def test_a_coordinator_is_refused_with_a_message(
    app: Any, store: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from zz_desktop.ui import ops
    from zz_desktop.ui.dialogs.checklist_dialog import ChecklistDialog

    published_checklist(store)
    visit = consultation(store)
    act_as(store, "coordinator")
    dialog = ChecklistDialog(store, visit)
    qtbot.addWidget(dialog)
    wait_ops(qtbot)
    shown: list[str] = []
    # The refusal is shown (patched: no message box left open in a test).
    monkeypatch.setattr(ops, "show_error", lambda _parent, error: shown.append(str(error)))
    dialog.attach_button.click()
    wait_ops(qtbot)
    assert shown and checklists.attached(store, visit) == []
