"""The retention review list: persons whose retention period has passed, with the last contact
and the review date; erase or keep longer from the list (both logged by services.retention).
Only roles that may review retention (managers) get the buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import roles
from zz_desktop.errors import UserError
from zz_desktop.services import permissions, retention
from zz_desktop.store.database import Store


class RetentionPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Persons whose retention period has ended (last contact plus {0} months, and "
                "not before the end of the ESF retention period on {1}). Erase them or keep "
                "them longer; both are logged."
            ).format(
                store.get_setting(retention.MONTHS_SETTING, retention.DEFAULT_MONTHS),
                retention.esf_end(store).strftime("%d.%m.%Y"),
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Last contact"), self.tr("Review since")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.years = QSpinBox()
        self.years.setRange(1, 10)
        self.years.setValue(1)
        self.years.setSuffix(self.tr(" year(s)"))
        self.extend_button = QPushButton(self.tr("&Keep longer"))
        self.extend_button.clicked.connect(self.extend_selected)
        self.erase_button = QPushButton(self.tr("&Erase …"))
        self.erase_button.clicked.connect(self._confirm_erase)
        self.message = QLabel()
        for w in (self.years, self.extend_button, self.erase_button):
            row.addWidget(w)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        allowed = permissions.allowed(store, roles.REVIEW_RETENTION)
        for w in (self.years, self.extend_button, self.erase_button):
            w.setVisible(allowed)
        if not allowed:
            self.message.setText(self.tr("Only a manager can erase or extend."))
        self.refresh()

    def refresh(self, today: dt.date | None = None) -> None:
        self.due = retention.due_for_review(self.store, today)
        self.table.setRowCount(len(self.due))
        for i, d in enumerate(self.due):
            cells = [
                d.name or "–",
                d.last_contact.strftime("%d.%m.%Y"),
                d.review_on.strftime("%d.%m.%Y"),
            ]
            for j, value in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _selected(self) -> retention.Due | None:
        i = self.table.currentRow()
        if i < 0 or i >= len(self.due):
            self.message.setText(self.tr("Select a person first."))
            return None
        return self.due[i]

    def extend_selected(self) -> None:
        due = self._selected()
        if due is None:
            return
        until = dt.date.today() + dt.timedelta(days=365 * self.years.value())
        try:
            retention.extend(self.store, due.person_id, until)
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(self.tr("Kept until {0}.").format(until.strftime("%d.%m.%Y")))
        self.refresh()

    def _confirm_erase(self) -> None:
        if self._selected() is None:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Erase person"),
            self.tr("Erase all personal data of this person everywhere? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.erase_selected()

    def erase_selected(self) -> None:
        due = self._selected()
        if due is None:
            return
        try:
            retention.erase(self.store, due.person_id)
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(self.tr("Erased."))
        self.refresh()
