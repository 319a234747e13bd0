"""The person's privacy tab: consent state and history (give, withdraw — as easy as giving —
with text version, method and who recorded it), the Art. 15 access export (PDF for the person,
JSON next to it) and the Art. 17 erasure, shown only to roles that may erase (domain.roles).
Self-contained so the person page can host it as a tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import roles
from zz_desktop.domain.esf import DISADVANTAGE_FIELDS
from zz_desktop.errors import UserError
from zz_desktop.services import consents, permissions, persons, privacy_export
from zz_desktop.store.database import Store
from zz_desktop.ui.labels import enum_labels


class PersonPrivacyTab(QWidget):
    """Consents, access and erasure of one person."""

    erased = Signal(str)

    def __init__(self, store: Store, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id = person_id
        self.purposes = dict(enum_labels("consent_purpose"))
        self.methods = {
            "paper": self.tr("On paper"),
            "email": self.tr("By e-mail"),
            "verbal": self.tr("Verbally"),
            "online": self.tr("Online"),
        }
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setObjectName("consentState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)

        give = QGroupBox(self.tr("Record a consent"))
        row = QHBoxLayout(give)
        self.purpose = QComboBox()
        for code, label in self.purposes.items():
            self.purpose.addItem(label, code)
        self.method = QComboBox()
        for code, label in self.methods.items():
            self.method.addItem(label, code)
        self.text_version = QLineEdit()
        self.text_version.setPlaceholderText(self.tr("Text version, e.g. 2026-01"))
        self.give_button = QPushButton(self.tr("&Give consent"))
        self.give_button.clicked.connect(self.give)
        for w in (self.purpose, self.method, self.text_version, self.give_button):
            row.addWidget(w)
        layout.addWidget(give)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)

        layout.addWidget(self._build_esf())

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Purpose"),
                self.tr("Given on"),
                self.tr("Withdrawn on"),
                self.tr("Method"),
                self.tr("Text version"),
                self.tr("Recorded by"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.withdraw_button = QPushButton(self.tr("&Withdraw selected consent"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.access_button = QPushButton(self.tr("Access (Art. 15) …"))
        self.access_button.setToolTip(self.tr("Every record about this person as PDF and JSON"))
        self.access_button.clicked.connect(self._ask_access_path)
        self.erase_button = QPushButton(self.tr("Erase person (Art. 17) …"))
        self.erase_button.clicked.connect(self._confirm_erase)
        may_erase = permissions.allowed(store, roles.ERASE_PERSON)
        # Hidden for roles that may not erase (the hub would refuse and restore the data).
        self.erase_button.setVisible(may_erase)
        self.access_button.setEnabled(permissions.allowed(store, roles.PRIVACY_ACCESS))
        for b in (self.withdraw_button, self.access_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.erase_button)
        layout.addLayout(buttons)
        self.refresh()

    # ------------------------------------------------------------ ESF monitoring

    def _build_esf(self) -> QGroupBox:
        """The ESF disadvantage answers: editable only with the ESF monitoring consent
        (disability additionally needs the Art. 9 consent, checked by services.persons)."""
        box = QGroupBox(self.tr("ESF monitoring"))
        grid = QGridLayout(box)
        answers = {
            "yes": self.tr("Yes"),
            "no": self.tr("No"),
            "no_answer": self.tr("No answer"),
        }
        labels = {
            "disability": self.tr("Disability"),
            "third_country_national": self.tr("Third-country national"),
            "foreign_origin": self.tr("Foreign origin"),
            "minority": self.tr("Minority"),
            "homeless": self.tr("Homeless"),
            "rural_area": self.tr("Rural area"),
        }
        self.esf_fields: dict[str, QComboBox] = {}
        for i, name in enumerate(DISADVANTAGE_FIELDS):
            combo = QComboBox()
            combo.addItem("—", None)
            for code, label in answers.items():
                combo.addItem(label, code)
            combo.setToolTip(labels[name])
            grid.addWidget(QLabel(labels[name]), i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
            self.esf_fields[name] = combo
        self.esf_save = QPushButton(self.tr("Save answers"))
        self.esf_save.clicked.connect(self.save_esf)
        grid.addWidget(self.esf_save, 2, 5)
        self.esf_box = box
        return box

    def _load_esf(self) -> None:
        values = persons.esf_answers(self.store, self.person_id)
        for name, combo in self.esf_fields.items():
            combo.setCurrentIndex(max(0, combo.findData(values.get(name))))
        editable = consents.has_consent(self.store, self.person_id, "esf_monitoring")
        for w in (*self.esf_fields.values(), self.esf_save):
            w.setEnabled(editable)
        self.esf_box.setToolTip(
            "" if editable else self.tr("Needs the consent for ESF monitoring.")
        )

    def save_esf(self) -> None:
        self.error.clear()
        changes = {name: combo.currentData() for name, combo in self.esf_fields.items()}
        try:
            persons.update_esf_answers(self.store, self.person_id, changes)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.refresh()

    # ------------------------------------------------------------ consents

    def refresh(self) -> None:
        self.rows = consents.history(self.store, self.person_id)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = [
                self.purposes.get(r["purpose"], r["purpose"]),
                r["given_at"].strftime("%d.%m.%Y") if r["given_at"] else "",
                r["withdrawn_at"].strftime("%d.%m.%Y") if r["withdrawn_at"] else "",
                self.methods.get(r["method"], r["method"] or ""),
                r["text_version"] or "",
                r["recorded_by"],
            ]
            for j, value in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self._load_esf()
        active = sorted({self.purposes[r["purpose"]] for r in self.rows if r["active"]})
        self.state.setText(
            self.tr("Active consents: {0}").format(", ".join(active))
            if active
            else self.tr("No active consent.")
        )

    def give(self) -> None:
        self.error.clear()
        data = {
            "person_id": self.person_id,
            "purpose": self.purpose.currentData(),
            "method": self.method.currentData(),
            "text_version": self.text_version.text().strip() or None,
        }
        if data["purpose"] == "special_category":
            data["legal_basis"] = "art9_2a"
        try:
            consents.give_consent(self.store, data)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.refresh()

    def withdraw_selected(self) -> None:
        self.error.clear()
        index = self.table.currentRow()
        if index < 0 or not self.rows[index]["active"]:
            self.error.setText(self.tr("Select a consent that is still active."))
            return
        consents.withdraw_consent(self.store, self.rows[index]["id"])
        self.refresh()

    # ------------------------------------------------------------ access and erasure

    def _ask_access_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save access report"), "auskunft.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_access(Path(path))

    def export_access(self, path: Path) -> None:
        """Write the PDF and the JSON next to it (one click, both formats)."""
        try:
            privacy_export.write_access(self.store, self.person_id, path)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.error.setText(self.tr("Access report written to {0}").format(path.name))

    def _confirm_erase(self) -> None:
        answer = QMessageBox.warning(
            self,
            self.tr("Erase person"),
            self.tr(
                "Erase all personal data of this person on this device, on the hub and on all "
                "devices? Counts for statistics stay. This cannot be undone."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.erase()

    def erase(self) -> None:
        try:
            permissions.require(self.store, roles.ERASE_PERSON)
            privacy_export.erase(self.store, self.person_id)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.erased.emit(self.person_id)
        self.refresh()
