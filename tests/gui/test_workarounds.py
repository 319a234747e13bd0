"""PySide6 6.12 drops a reference to None per addTopLevelItem/addItem/setItem call; without the
work-around a long session aborts the interpreter ("none_dealloc")."""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.gui


def test_many_item_insertions_survive(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

    import zz_desktop.ui  # noqa: F401  (installs the work-around)

    before = sys.getrefcount(None)
    tree = QTreeWidget()
    for _ in range(100_000):  # more than None's ~40,000 references at start
        tree.addTopLevelItem(QTreeWidgetItem(["x"]))
    assert tree.topLevelItemCount() == 100_000
    assert sys.getrefcount(None) > 0 and before > 0
    tree.clear()
