"""Sync problems: changes the hub refused (with its reason, dismissable once taken care of) and
records received from the hub that wait on this device or were set aside. Nothing the sync did
not carry is hidden from the user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services import sync_problems
from zz_desktop.store.database import Store
from zz_desktop.ui.dialogs.conflict_inbox import entity_label, field_label


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SyncProblemsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Sync problems"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Changes the hub refused</b>"), self))
        layout.addWidget(
            QLabel(
                self.tr(
                    "These changes were kept on this device but not taken over by the hub. "
                    "Correct the record and save it again, then remove the entry."
                ),
                self,
            )
        )
        self.rejected = _table(self, [self.tr("Record"), self.tr("Reason"), self.tr("When")])
        self.rejected.setObjectName("rejectedOps")
        layout.addWidget(self.rejected, 2)
        self.dismiss = QPushButton(self.tr("Taken care of — remove entry"), self)
        self.dismiss.setObjectName("dismissRejected")
        self.dismiss.clicked.connect(self._dismiss)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("<b>Received records held back</b>"), self))
        self.held = _table(self, [self.tr("Record"), self.tr("Reason"), self.tr("Since")])
        self.held.setObjectName("heldRows")
        layout.addWidget(self.held, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.items = sync_problems.rejected_ops(self.store)
        self.rejected.setRowCount(len(self.items))
        for row, op in enumerate(self.items):
            name = entity_label(op.entity)
            record = f"{name} „{op.record_title}“" if op.record_title else name
            for col, value in enumerate((record, op.reason_text(field_label), op.at[:16])):
                self.rejected.setItem(row, col, QTableWidgetItem(value))
        self.dismiss.setEnabled(bool(self.items))
        held = sync_problems.held_views(self.store)
        self.held.setRowCount(len(held))
        for row, h in enumerate(held):
            for col, value in enumerate((entity_label(h.entity), h.reason_text(), h.at[:16])):
                self.held.setItem(row, col, QTableWidgetItem(value))

    def _dismiss(self) -> None:
        row = self.rejected.currentRow()
        if 0 <= row < len(self.items):
            sync_problems.dismiss_rejected(self.store, self.items[row].op_id)
            self.reload()
