"""Checklists of the Wissenspool on one consultation: attach a published checklist and tick its
items during the visit. Each tick is saved at once (one transaction through
``services.checklists``), so nothing is lost when the laptop is closed mid-visit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import checklists
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet

ROLE_ITEM = Qt.ItemDataRole.UserRole
ROLE_INDEX = Qt.ItemDataRole.UserRole + 1


class ChecklistDialog(QDialog):
    def __init__(self, store: Store, consultation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.consultation_id = consultation_id
        self.setObjectName("checklistDialog")
        self.setWindowTitle(self.tr("Checklists for the visit"))
        self.resize(560, 520)
        self.entries: list[checklists.Attached] = []
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.choice = QComboBox(self)
        self.choice.setObjectName("checklistChoice")
        self.choice.setAccessibleName(self.tr("Checklist of the Wissenspool"))
        self.attach_button = QPushButton(self.tr("&Attach"), self)
        self.attach_button.setObjectName("attachChecklist")
        pick.addWidget(self.choice, 1)
        pick.addWidget(self.attach_button)
        layout.addLayout(pick)
        self.items = QListWidget(self)
        self.items.setObjectName("checklistItems")
        self.items.setAccessibleName(self.tr("Items to tick"))
        self.items.setSpacing(2)
        layout.addWidget(self.items, 1)
        bottom = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("checklistMessage")
        self.message.setWordWrap(True)
        self.detach_button = QPushButton(self.tr("&Remove checklist"), self)
        self.detach_button.setObjectName("detachChecklist")
        close = QPushButton(self.tr("Close"), self)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.detach_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.attach_button.clicked.connect(self.attach)
        self.detach_button.clicked.connect(self.detach)
        close.clicked.connect(self.accept)
        self.items.itemChanged.connect(self._ticked)
        self.load()

    def load(self) -> None:
        def work() -> tuple[list[checklists.Attached], list[tuple[str, str]]]:
            found = checklists.available(self.store)
            return checklists.attached(self.store, self.consultation_id), [
                (i.id, i.title) for i in found
            ]

        ops.run_read(work, self).success(self._loaded).run()

    def _loaded(self, result: tuple[list[checklists.Attached], list[tuple[str, str]]]) -> None:
        entries, choices = result
        self.choice.clear()
        for item_id, title in choices:
            self.choice.addItem(title, item_id)
        if not choices:
            self.message.setText(self.tr("The Wissenspool has no published checklist yet."))
        self.attach_button.setEnabled(bool(choices))
        self._show(entries)

    def _show(self, entries: list[checklists.Attached]) -> None:
        self.entries = entries
        self.items.blockSignals(True)
        self.items.clear()
        for entry in entries:
            head = QListWidgetItem(f"{entry.title} (v{entry.version})")
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setData(ROLE_ITEM, entry.item_id)
            self.items.addItem(head)
            for index, text in enumerate(entry.items):
                row = QListWidgetItem(text)
                row.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                done = index in entry.ticked
                row.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
                row.setData(ROLE_ITEM, entry.item_id)
                row.setData(ROLE_INDEX, index)
                self.items.addItem(row)
        self.items.blockSignals(False)
        self.detach_button.setEnabled(bool(entries))
        ticked = sum(len(e.ticked) for e in entries)
        total = sum(len(e.items) for e in entries)
        if entries:
            self.message.setText(
                self.tr("%1 of %2 items ticked.")
                .replace("%1", str(ticked))
                .replace("%2", str(total))
            )

    def _write(self, work: Callable[[], list[checklists.Attached]]) -> None:
        changes = ChangeSet.of("consultation", ids=[self.consultation_id])
        ops.run_write(work, self, changes).success(self._show).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            self.message.setText("\n".join(error.errors.values()))
        else:
            ops.show_error(self, error)
        self.load()

    def attach(self) -> None:
        item_id = self.choice.currentData()
        if item_id:
            self._write(lambda: checklists.attach(self.store, self.consultation_id, item_id))

    def detach(self) -> None:
        row = self.items.currentItem() or self.items.item(0)
        if row is not None:
            item_id = row.data(ROLE_ITEM)
            self._write(lambda: checklists.detach(self.store, self.consultation_id, item_id))

    def _ticked(self, row: QListWidgetItem) -> None:
        index = row.data(ROLE_INDEX)
        if index is None:
            return
        item_id, done = row.data(ROLE_ITEM), row.checkState() == Qt.CheckState.Checked
        self._write(lambda: checklists.tick(self.store, self.consultation_id, item_id, index, done))
