"""The search popup folds spellings and shows a line of context per hit (real widgets)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.gui.helpers import type_text
from zz_desktop.services import consultations, organisations, persons

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def lang() -> str:
    return "de"


def test_popup_folds_and_shows_context(window, store) -> None:  # type: ignore[no-untyped-def]
    org = organisations.create_organisation(
        store, {"name": "Schulz Anlagenbau GmbH", "postcode": "06667", "city": "Weißenfels"}
    )
    persons.create_person(
        store, {"first_name": "Anna", "last_name": "Schulz"}, organisation_id=org.id
    )
    consultations.record_consultation(
        store,
        {
            **consultations.new_consultation_defaults(store, org.id),
            "date": dt.date(2026, 11, 12),
            "title": "Schulz: Fördermittel für die Halle",
        },
    )
    popup = window.open_search()
    type_text(popup.input, "weissenfels")
    assert popup.results.count() == 1
    assert popup.results.item(0).text().startswith("Schulz Anlagenbau GmbH Weißenfels")
    popup.input.clear()
    type_text(popup.input, "schulz")
    texts = [popup.results.item(i).text() for i in range(popup.results.count())]
    assert any("Anna Schulz" in t and t.endswith("\nSchulz Anlagenbau GmbH") for t in texts)
    assert any(t.endswith("\n12.11.2026 · Schulz Anlagenbau GmbH") for t in texts)
    popup.grab().save(str(SHOTS / "search-context.png"))
