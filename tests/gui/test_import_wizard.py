"""The import wizard driven like a user: file → preview → mapping (saved) → check with duplicate
decisions → import → summary → undo. ``ZZ_SCREENSHOTS=1`` also writes
docs/screenshots/import-wizard.png (German, the check page)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QWizard
from sqlalchemy import func, select

from tests.gui.helpers import type_text
from zz_desktop.services import importing
from zz_desktop.services.persons import create_person
from zz_desktop.store.database import Store
from zz_desktop.store.models import Person
from zz_desktop.ui import ops
from zz_desktop.ui.dialogs.import_wizard import ImportWizard, open_import_wizard

pytestmark = pytest.mark.gui
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "import-wizard.png"

LIST = (
    "Anrede;Vorname;Nachname;Firma;Position;PLZ geschäftlich;Ort geschäftlich;"
    "E-Mail-Adresse;Geschäftlich Telefon\r\n"
    "Frau;Jürgen-Maria;Weiß;Bäckerei Weiß e.K.;Inhaberin;06108;Halle (Saale);"
    "jm@baeckerei-weiss.de;0345 290011\r\n"
    "Herr;Sören;Groß;Groß & Söhne GmbH & Co. KG;Geschäftsführer;39104;Magdeburg;"
    "s.gross@gross-soehne.de;0391 555010\r\n"
    "\r\n"
    "Frau;Özlem;Yıldız;Pflegedienst Lindenhof gGmbH;Pflegedienstleitung;6844;Dessau-Roßlau;"
    "oezlem@lindenhof.de;0340 123456\r\n"
    "Herr;Soeren;GROSS;Groß und Söhne;;39104;Magdeburg;s.gross@gross-soehne.de;\r\n"
    "Frau;Anna;Mueller;Tischlerei Krause;Meisterin;06112;Halle (Saale);;0345 4711\r\n"
    "Frau;Erika;Fehler;;;ABCDE;;erika(at)example;\r\n"
)


def _count(store: Store) -> int:
    with store.read() as s:
        return int(
            s.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False)))
        )


def _next(qtbot: Any, wizard: QWizard) -> None:
    before = wizard.currentId()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=5000)


def test_full_import_flow_with_undo(app: Any, store: Store, qtbot: Any, tmp_path: Path) -> None:
    create_person(store, {"first_name": "Anna", "last_name": "Müller", "postcode": "06112"})
    source = tmp_path / "outlook.csv"
    source.write_text(LIST, encoding="utf-8-sig")
    wizard = open_import_wizard(store)
    qtbot.addWidget(wizard)
    qtbot.waitExposed(wizard)
    assert isinstance(wizard, ImportWizard)
    assert not wizard.file_page.isComplete()
    type_text(wizard.file_page.path, str(source))
    assert wizard.file_page.isComplete()
    _next(qtbot, wizard)

    preview = wizard.preview_page
    assert "utf-8-sig" in preview.detected.text()
    assert preview.table.rowCount() == 6
    assert preview.table.item(0, 2).text() == "Weiß"
    _next(qtbot, wizard)

    mapping = wizard.mapping_page
    assert mapping.combos["Vorname"].currentData() == "person.first_name"
    assert mapping.combos["PLZ geschäftlich"].currentData() == "organisation.postcode"
    # The user ignores the job title column and saves the mapping.
    mapping.combos["Position"].setCurrentIndex(0)
    mapping.save_as("Outlook")
    assert importing.load_mapping(store, "Outlook")["Position"] is None
    _next(qtbot, wizard)

    check = wizard.check_page
    qtbot.waitUntil(lambda: check.ready, timeout=10_000)
    plan = wizard.plan
    assert plan is not None
    assert (plan.count("new"), plan.count("duplicate"), plan.count("rejected")) == (4, 1, 1)
    statuses = [check.table.item(r, 2).text() for r in range(check.table.rowCount())]
    assert len(statuses) == 6
    # Sören Groß again (same e-mail): an exact duplicate, linked by default. Anna Mueller
    # looks like Anna Müller (06112) but has no postcode of her own: new, the user decides.
    assert set(check.decisions) == {6, 7}
    assert check.decisions[6].currentIndex() == 0  # "link"
    box: QComboBox = check.decisions[7]
    assert box.currentIndex() == 1  # "create anyway"
    box.setCurrentIndex(0)  # the user links her to Anna Müller
    assert "Anna Müller" in box.currentText()
    if os.environ.get("ZZ_SCREENSHOTS") and "Zeile" in check.table.horizontalHeaderItem(0).text():
        wizard.resize(1200, 600)
        qtbot.wait(100)
        wizard.grab().save(str(SCREENSHOT))
    _next(qtbot, wizard)

    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=10_000)
    result = wizard.result
    assert result is not None
    assert (result.imported, result.linked, result.rejected) == (3, 2, 1)
    assert str(result.report_path) in wizard.summary_page.text.text()
    assert _count(store) == 4
    wizard.summary_page.undo.click()
    qtbot.waitUntil(ops.idle, timeout=10_000)
    assert not wizard.summary_page.undo.isEnabled()
    assert _count(store) == 1


def test_unreadable_file_stays_on_the_first_page(
    app: Any, store: Store, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "leer.csv"
    bad.write_bytes(b"")
    wizard = open_import_wizard(store)
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(bad))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert shown and "leer.csv" in shown[0]


def test_changing_the_separator_rereads_the_file(
    app: Any, store: Store, qtbot: Any, tmp_path: Path
) -> None:
    source = tmp_path / "liste.csv"
    source.write_bytes("Name;Ort\r\nMüller, Tischlerei;Halle\r\n".encode("cp1252"))
    wizard = open_import_wizard(store)
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(source))
    _next(qtbot, wizard)
    page = wizard.preview_page
    assert page.table.columnCount() == 2 and "windows-1252" in page.detected.text()
    page.delimiter.setCurrentIndex(page.delimiter.findData(","))
    page.delimiter.activated.emit(page.delimiter.currentIndex())
    assert page.table.columnCount() == 1
    assert page.table.horizontalHeaderItem(0).text() == "Name;Ort"
