"""Duplicate scan and side-by-side merge: the pair is listed with its reasons, a radio per field
chooses the value, the merge keeps every consultation and the pair disappears from the list."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, Organisation
from zz_desktop.ui import ops
from zz_desktop.ui.dialogs.merge_dialog import open_duplicate_scan

pytestmark = pytest.mark.gui
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "merge-dialog.png"


def test_scan_and_merge(app: Any, store: Store, qtbot: Any) -> None:
    a = Organisation(name="Müller Metallbau GmbH", postcode="06108", city="Halle (Saale)")
    b = Organisation(name="Mueller Metallbau", postcode="06108", email="info@mm.de")
    with store.write() as s:
        s.add_all([a, b])
        s.flush()
        s.add_all(
            [
                Consultation(date=dt.date(2025, 1, d), organisation_id=o.id)
                for d, o in ((1, a), (2, b), (3, b))
            ]
        )
    dialog = open_duplicate_scan(store)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.pairs) == 1, timeout=10_000)
    assert dialog.table.item(0, 3).text() == "100"
    merge = dialog.merge_selected()
    assert merge is not None
    left_id = merge.records[0]["id"]
    merge.groups["name"].button(2).setChecked(True)  # take the other record's name
    if os.environ.get("ZZ_SCREENSHOTS") and merge.windowTitle() == "Datensätze zusammenführen":
        merge.resize(860, 420)
        qtbot.wait(100)
        merge.grab().save(str(SCREENSHOT))
    # A value only one record has is kept by default, whichever side it is on.
    assert merge.groups["email"].checkedButton().text() == "info@mm.de"
    merge.swap()
    assert merge.records[merge.survivor]["id"] != left_id
    merge.swap()
    merge.groups["name"].button(2).setChecked(True)
    merge.merge()
    qtbot.waitUntil(ops.idle, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.pairs == [], timeout=10_000)
    with store.read() as s:
        survivor = s.get(Organisation, left_id)
        assert survivor is not None and not survivor.deleted
        other = b if left_id == a.id else a
        assert survivor.name == other.name
        assert survivor.email == "info@mm.de"
        n = s.scalars(select(Consultation).where(Consultation.organisation_id == left_id)).all()
        assert len(n) == 3
