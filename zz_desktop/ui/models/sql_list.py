"""One generic lazy table model for every entity list.

It holds the ids of the matching records (one SQL query, filtered and sorted in SQL) and a
bounded cache of display rows that are loaded in small blocks when the view asks for them.
Rows are handed to the view in pages (``canFetchMore`` / ``fetchMore``); :meth:`fetch_all`
makes every row reachable at once (jump to the end) without loading any row data.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from zz_desktop.services import listing
from zz_desktop.store.database import Store
from zz_desktop.ui.labels import column_titles, fmt_cell

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 2000
BLOCK = 100
MAX_CACHED_BLOCKS = 60
REST_DELAY_MS = 150

Index = QModelIndex | QPersistentModelIndex


class SqlListModel(QAbstractTableModel):
    completed = Signal()  # the full id list is known (total() no longer blocks)

    def __init__(self, store: Store, entity: str, parent: Any = None, load: bool = True) -> None:
        super().__init__(parent)
        self.store = store
        self.entity = entity
        self.spec = listing.spec(entity)
        self.columns = list(self.spec.columns)
        self._titles = column_titles()
        self.filters: dict[str, Any] = {}
        self.sort_key: listing.Sort = None
        self._ids: list[str] = []
        self._complete = True
        self._generation = 0
        self._shown = 0
        self._blocks: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        if load:
            self.reload()

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-run the id query (after a filter, sort or data change). The first page comes at
        once (an indexed LIMIT query); the full id list follows from a worker. Asking for more
        before it has arrived loads it on the spot."""
        self._generation += 1
        self.beginResetModel()
        head = listing.list_ids(
            self.store, self.entity, self.filters, self.sort_key, limit=PAGE + 1
        )
        self._complete = len(head) <= PAGE
        self._ids = head[:PAGE]
        self._shown = len(self._ids)
        self._blocks.clear()
        self.endResetModel()
        if not self._complete:
            # Started after the first paint, so that the worker does not compete with it.
            generation = self._generation
            QTimer.singleShot(REST_DELAY_MS, self, lambda: self._load_rest(generation))
        else:
            self.completed.emit()

    def _load_rest(self, generation: int) -> None:
        from zz_desktop.ui import ops

        if generation != self._generation or self._complete:
            return
        store, entity, filters, sort = self.store, self.entity, dict(self.filters), self.sort_key
        ops.run_read(lambda: listing.list_ids(store, entity, filters, sort)).success(
            lambda ids: self._rest_loaded(generation, ids)
        ).run()

    def _rest_loaded(self, generation: int, ids: list[str]) -> None:
        if not shiboken6.isValid(self):  # the view was closed meanwhile
            return
        if generation != self._generation or self._complete:  # superseded
            return
        if ids[: len(self._ids)] != self._ids:  # the data changed meanwhile
            self.reload()
            return
        self._ids = list(ids)
        self._complete = True
        self.completed.emit()

    def is_complete(self) -> bool:
        return self._complete

    def ensure_complete(self) -> None:
        if not self._complete:
            ids = listing.list_ids(self.store, self.entity, self.filters, self.sort_key)
            self._rest_loaded(self._generation, ids)
            if not self._complete:  # data changed under us: reload already ran
                self.ensure_complete()

    def set_filters(self, filters: dict[str, Any]) -> None:
        self.filters = {k: v for k, v in filters.items() if v not in (None, "", [], ())}
        self.reload()

    def total(self) -> int:
        self.ensure_complete()
        return len(self._ids)

    def ids(self) -> list[str]:
        self.ensure_complete()
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        self.ensure_complete()
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and (not self._complete or self._shown < len(self._ids))

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        self.ensure_complete()
        more = min(PAGE, len(self._ids) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def fetch_all(self) -> None:
        self.ensure_complete()
        if self._shown < len(self._ids):
            self.beginInsertRows(QModelIndex(), self._shown, len(self._ids) - 1)
            self._shown = len(self._ids)
            self.endInsertRows()

    def _row(self, row: int) -> tuple[Any, ...]:
        block = row // BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            ids = self._ids[block * BLOCK : (block + 1) * BLOCK]
            cached = listing.rows(self.store, self.entity, ids)
            self._blocks[block] = cached
            if len(self._blocks) > MAX_CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached[row - block * BLOCK]

    def raw_row(self, row: int) -> tuple[Any, ...]:
        return self._row(row)

    # -- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            key = self.columns[section].key
            return self._titles.get(key, key)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt_cell(col.kind, col.key, self._row(index.row())[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole and col.kind in ("text", "topics"):
            value = self._row(index.row())[index.column()]
            return str(value) if value and len(str(value)) > 30 else None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == RAW_ROLE:
            return self._row(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("int", "hours"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col.key == "part1_incomplete":
            value = self._row(index.row())[index.column()]
            return QBrush(QColor("#fde2e1")) if value else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        col = self.columns[column]
        if not col.sortable:
            return
        key = (col.key, order == Qt.SortOrder.DescendingOrder)
        if key == (self.sort_key or self.spec.default_sort) and self._generation:
            return
        self.sort_key = key
        if self._generation:  # not before the first load (views set their sort indicator early)
            self.reload()

    # -- export -------------------------------------------------------------------------------

    def export_table(self, visible: list[int]) -> tuple[list[str], list[list[str]]]:
        """Header and display rows of all matching records (not only the fetched ones)."""
        self.ensure_complete()
        ids = list(self._ids)
        header = [self.headerData(c, Qt.Orientation.Horizontal) for c in visible]
        keys = [self.columns[c].key for c in visible]
        out: list[list[str]] = []
        for start in range(0, len(ids), 1000):
            chunk = listing.rows(self.store, self.entity, ids[start : start + 1000], keys)
            for raw in chunk:
                out.append(
                    [
                        fmt_cell(self.columns[c].kind, self.columns[c].key, v)
                        for c, v in zip(visible, raw, strict=True)
                    ]
                )
        return header, out
