"""One generic lazy table model for every entity list.

It holds the ids of the matching records (one SQL query, filtered and sorted in SQL) and a
bounded cache of display rows that are loaded in small blocks when the view asks for them.
Rows are handed to the view in pages (``canFetchMore`` / ``fetchMore``); :meth:`fetch_all`
makes every row reachable at once (jump to the end) without loading any row data.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from zz_desktop.services import listing
from zz_desktop.store.database import Store
from zz_desktop.ui.labels import column_titles, fmt_cell

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 2000
BLOCK = 100
MAX_CACHED_BLOCKS = 60

Index = QModelIndex | QPersistentModelIndex


class SqlListModel(QAbstractTableModel):
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
        self._shown = 0
        self._blocks: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        if load:
            self.reload()

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-run the id query (after a filter, sort or data change)."""
        self.beginResetModel()
        self._ids = listing.list_ids(self.store, self.entity, self.filters, self.sort_key)
        self._shown = min(PAGE, len(self._ids))
        self._blocks.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Drop cached rows (values changed, same ids)."""
        self._blocks.clear()
        if self._shown:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._shown - 1, len(self.columns) - 1)
            )

    def set_filters(self, filters: dict[str, Any]) -> None:
        self.filters = {k: v for k, v in filters.items() if v not in (None, "", [], ())}
        self.reload()

    def total(self) -> int:
        return len(self._ids)

    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._shown < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = min(PAGE, len(self._ids) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def fetch_all(self) -> None:
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
            return self._ids[index.row()]
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
        self.sort_key = (col.key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # -- export -------------------------------------------------------------------------------

    def export_table(self, visible: list[int]) -> tuple[list[str], list[list[str]]]:
        """Header and display rows of all matching records (not only the fetched ones)."""
        header = [self.headerData(c, Qt.Orientation.Horizontal) for c in visible]
        keys = [self.columns[c].key for c in visible]
        out: list[list[str]] = []
        for start in range(0, len(self._ids), 1000):
            chunk = listing.rows(self.store, self.entity, self._ids[start : start + 1000], keys)
            for raw in chunk:
                out.append(
                    [
                        fmt_cell(self.columns[c].kind, self.columns[c].key, v)
                        for c, v in zip(visible, raw, strict=True)
                    ]
                )
        return header, out
