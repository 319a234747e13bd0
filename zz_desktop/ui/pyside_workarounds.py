"""Work-arounds for bugs of the PySide6 version we ship.

PySide6 6.12 drops one reference to ``None`` on each call of several methods that take
ownership of an item (``QTreeWidget.addTopLevelItem``, ``QListWidget.addItem``,
``QTableWidget.setItem``, ``QStandardItemModel.appendRow``/``setItem``, ``QComboBox.addItem``
with data …). On Python < 3.12 ``None`` is an ordinary object with ~40,000 references at start,
so after enough list refreshes the interpreter aborts with "none_dealloc". Python 3.12 made
``None`` immortal; here we do the same by giving it a refcount that can never reach zero.
"""

from __future__ import annotations

import ctypes
import sys

_BUMP = 1 << 40
_done = False


def protect_none() -> None:
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _BUMP
    _done = True
