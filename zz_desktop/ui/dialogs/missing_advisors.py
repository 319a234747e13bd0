"""Consultations recorded without an advisor, for the manager to complete: the list is read off
the GUI thread, the chosen advisors are written to the selected consultations (one transaction
each), and a row leaves the list once it has an advisor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services import consultations, identity
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.labels import fmt_date
from zz_desktop.ui.widgets import CheckList


class MissingAdvisorsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("missingAdvisors")
        self.setWindowTitle(self.tr("Consultations without advisor"))
        lay = QVBoxLayout(self)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        self.table = QTreeWidget(self)
        self.table.setObjectName("missingAdvisorList")
        self.table.setHeaderLabels([self.tr("Date"), self.tr("Title"), self.tr("Organisation")])
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.table.setColumnWidth(0, 95)
        self.table.setColumnWidth(1, 260)
        lay.addWidget(self.table, 1)
        lay.addWidget(QLabel(self.tr("Advisors for the selected consultations:"), self))
        self.advisors = CheckList(
            [(u.id, u.display_name or u.id) for u in identity.users(store)], self
        )
        self.advisors.setObjectName("missingAdvisorChoice")
        lay.addWidget(self.advisors)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.hide()
        lay.addWidget(self.error)
        self.advisors.changed.connect(self.error.hide)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.assign_button = QPushButton(self.tr("&Assign advisors"), self)
        self.assign_button.setObjectName("assignAdvisors")
        buttons.addButton(self.assign_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.assign_button.clicked.connect(self.assign)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 480)
        self.reload()

    def reload(self) -> None:
        ops.run_read(lambda: consultations.without_advisor(self.store), self).success(
            self._show
        ).run()

    def _show(self, rows: list[consultations.MissingAdvisor]) -> None:
        self.table.clear()
        for row in rows:
            item = QTreeWidgetItem([fmt_date(row.date), row.title, row.organisation])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            self.table.addTopLevelItem(item)
        self.info.setText(
            self.tr(
                "%n consultation(s) without advisor. Select them and assign who advised."
            ).replace("%n", str(len(rows)))
            if rows
            else self.tr("Every consultation has an advisor.")
        )

    def assign(self) -> None:
        ids = [i.data(0, Qt.ItemDataRole.UserRole) for i in self.table.selectedItems()]
        chosen = self.advisors.value_()
        if not ids or not chosen:
            self.error.setText(self.tr("Select consultations and at least one advisor."))
            self.error.show()
            return

        def work() -> Any:
            for cid in ids:
                consultations.set_advisors(self.store, cid, chosen)

        ops.run_write(work, self, ChangeSet.of("consultation", ids=ids)).success(
            lambda _r: self.reload()
        ).run()


def open_missing_advisors(store: Store, parent: QWidget | None = None) -> MissingAdvisorsDialog:
    dialog = MissingAdvisorsDialog(store, parent)
    dialog.show()
    return dialog
