"""Issue 13: the retention review list — extend and erase from the list; screenshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from zz_desktop.services import consultations, organisations, persons, retention
from zz_desktop.store.models import Person

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_retention_review_list(app: Any, store: Any, qtbot: Any, lang: str) -> None:
    from zz_desktop.ui.views.retention_page import RetentionPage

    org = organisations.create_organisation(store, {"name": "Bäckerei Korn"})
    ids = []
    for first, last in (("Ada", "Alt"), ("Bo", "Berg"), ("Cem", "Çelik")):
        p = persons.create_person(store, {"first_name": first, "last_name": last})
        data = consultations.new_consultation_defaults(store, org.id)
        data["date"] = dt.date(2024, 3, 1)
        consultations.record_consultation(store, data, [p.id])
        ids.append(p.id)
    store.set_setting(retention.MONTHS_SETTING, 12)
    store.set_setting(retention.ESF_END_SETTING, "2020-12-31")
    page = RetentionPage(store)
    qtbot.addWidget(page)
    page.resize(760, 360)
    page.show()
    assert page.table.rowCount() == 3
    if lang == "de":
        SHOTS.mkdir(exist_ok=True)
        page.grab().save(str(SHOTS / "retention-review.png"))
    page.table.selectRow(0)
    page.extend_selected()
    assert page.table.rowCount() == 2
    page.table.selectRow(0)
    erased = page.due[0].person_id
    page.erase_selected()
    assert page.table.rowCount() == 1
    with store.read() as s:
        assert s.get(Person, erased).erased_at is not None
