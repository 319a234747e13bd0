"""The Wissenspool page: the programme's and the own centre's items, searched through the one
search index and filtered by kind, topic, target group and review state; "new since your last
visit" marks (and can filter) what was published since the page was last opened. The article
view beside the list shows the chosen item; drafts are written in the editor dialog. Every read
runs on a worker (ops.run_read)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import codelists
from zz_desktop.services import library, library_files
from zz_desktop.services.listing import topic_label
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_label, enum_labels
from zz_desktop.ui.views.article_view import ArticleView
from zz_desktop.ui.widgets import heading

# The review-state filter: None = published only (what readers want), "*" = every state.
STATE_ALL = "*"


class LibraryPage(QWidget):
    loaded = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("libraryPage")
        self.items: list[library.Item] = []
        self.since: dt.datetime | None = None
        self._select: str | None = None
        self.complete: set[str] = set()
        self._generation = 0
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.new_only = QCheckBox(self.tr("Only &new since your last visit"), self)
        self.new_only.setObjectName("libraryNewOnly")
        header.addWidget(heading(self.tr("Wissenspool"), self))
        self.new_count = QLabel(self)
        self.new_count.setObjectName("libraryNewCount")
        self.new_count.setProperty("role", "muted")
        header.addWidget(self.new_count)
        header.addStretch(1)
        header.addWidget(self.new_only)
        self.new_button = QPushButton(self.tr("&New item …"), self)
        self.new_button.setObjectName("newKnowledgeItem")
        self.new_button.setVisible(library.may_write(store))
        header.addWidget(self.new_button)
        layout.addLayout(header)

        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(self.tr("Search titles, texts, sources …"))
        self.search.setAccessibleName(self.tr("Search the Wissenspool"))
        self.search.setClearButtonEnabled(True)
        self.kind_filter = self._filter(self.tr("All kinds"), enum_labels("knowledge_kind"))
        topics = {t.code: topic_label(t.code) for t in codelists.topics()}
        self.topic_filter = self._filter(self.tr("All topics"), topics)
        self.group_filter = self._filter(self.tr("All target groups"), enum_labels("target_group"))
        states = {k: v for k, v in enum_labels("review_state").items() if k != "published"} | {
            STATE_ALL: self.tr("Every state")
        }
        self.state_filter = self._filter(self.tr("Published"), states)
        self.state_filter.setAccessibleName(self.tr("Review state"))
        self.state_filter.setVisible(library.may_write(store))
        filters.addWidget(self.search, 3)
        for widget in (self.kind_filter, self.topic_filter, self.group_filter, self.state_filter):
            filters.addWidget(widget, 1)
        layout.addLayout(filters)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableWidget(0, 4, split)
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName(self.tr("Items of the Wissenspool"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Kind"), self.tr("Target group"), self.tr("From")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)  # long titles wrap instead of being cut off
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.article = ArticleView(store, split)
        split.addWidget(self.table)
        split.addWidget(self.article)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 600])
        layout.addWidget(split, 1)

        self.search.textChanged.connect(self.refresh)
        for box in (self.kind_filter, self.topic_filter, self.group_filter, self.state_filter):
            box.currentIndexChanged.connect(self.refresh)
        self.new_only.toggled.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.article.edit_requested.connect(self.edit)
        self.article.changed.connect(self.open_item)
        bus().changes.connect(self._on_changes)
        self.refresh()

    def _filter(self, everything: str, choices: dict[str, str]) -> QComboBox:
        box = QComboBox(self)
        # Long topic names must not widen the window: the popup still shows them in full.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(9)
        box.setAccessibleName(everything)
        box.addItem(everything, None)
        for code, label in choices.items():
            box.addItem(label, code)
        return box

    def _on_changes(self, change: ChangeSet) -> None:
        if change.touches("knowledge_item"):
            self.refresh()

    # -- visits ---------------------------------------------------------------------------------

    def visit(self) -> None:
        """The page was opened: mark what is new since the last visit, then remember this one."""

        def work() -> dt.datetime | None:
            since = library.last_visit(self.store)
            library.mark_visited(self.store)
            return since

        # A device-local setting: no view shows it, so the change names no record entity.
        ops.run_write(work, self, ChangeSet.of("setting")).success(self._visited).run()

    def _visited(self, since: dt.datetime | None) -> None:
        self.since = since
        self.refresh()

    def is_new(self, item: library.Item) -> bool:
        return item.review_state == "published" and library.is_new(item, self.since)

    # -- list -----------------------------------------------------------------------------------

    def refresh(self, *_: Any) -> None:
        text, state = self.search.text(), self.state_filter.currentData()
        kind, topic = self.kind_filter.currentData(), self.topic_filter.currentData()
        group = self.group_filter.currentData()
        # Reads run in parallel and may answer out of order: only the latest one is shown.
        self._generation += 1
        generation = self._generation

        def work() -> tuple[list[library.Item], set[str]]:
            items = library.list_items(
                self.store, text, kind, state is None, topic=topic, target_group=group
            )
            if state not in (None, STATE_ALL):
                items = [i for i in items if i.review_state == state]
            return items, library_files.complete_digests(self.store)

        def show(result: tuple[list[library.Item], set[str]]) -> None:
            if generation == self._generation:
                self._show(result)

        ops.run_read(work, self).success(show).run()

    def _show(self, result: tuple[list[library.Item], set[str]]) -> None:
        items, self.complete = result
        fresh = [i for i in items if self.is_new(i)]
        self.items = fresh if self.new_only.isChecked() else items
        self.new_count.setText(
            self.tr("%1 new since your last visit").replace("%1", str(len(fresh))) if fresh else ""
        )
        current = self.article.item.id if self.article.item else None
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, item in enumerate(self.items):
            new = self.is_new(item)
            title = ("● " if new else "") + item.title
            if item.review_state != "published":
                title += f" ({enum_label('review_state', item.review_state)})"
            cells = (
                title,
                enum_label("knowledge_kind", item.kind),
                ", ".join(enum_label("target_group", g) for g in item.target_groups or []),
                self.tr("programme") if library.is_programme_wide(item) else self.tr("centre"),
            )
            for col, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if new:
                    cell.setFont(bold)
                    cell.setToolTip(self.tr("New since your last visit"))
                self.table.setItem(row, col, cell)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        wanted = self._select or current
        self._select = None
        rows = [r for r, i in enumerate(self.items) if i.id == wanted]
        if rows:
            self.table.selectRow(rows[0])
            self.article.show_item(self.items[rows[0]], self.complete)
        self.loaded.emit()

    def _selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            self.article.show_item(self.items[row], self.complete)

    def open_item(self, item_id: str) -> None:
        """Show ``item_id`` (from the global search or after an edit), even if filtered out."""
        self._select = item_id
        ops.run_read(lambda: library.get_item(self.store, item_id), self).success(
            lambda item: self.article.show_item(item, self.complete)
        ).run()
        self.refresh()

    # -- editing --------------------------------------------------------------------------------

    def edit(self, item_id: str | None) -> Any:
        from zz_desktop.ui.dialogs.knowledge_editor import KnowledgeEditor

        item = next((i for i in self.items if i.id == item_id), self.article.item)
        dialog = KnowledgeEditor(self.store, item if item_id else None, self)
        dialog.saved.connect(self.open_item)
        dialog.open()
        return dialog
