"""Issue 14: the partner directory page — list, filters, the form with messages next to the
fields, programme-wide offers read-only, opening an offer from the global search; screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit

from tests.gui.helpers import type_text, wait_ops
from tests.support.partners import programme_offer
from zz_desktop.services import partners
from zz_desktop.sync import state

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _programme_offer(store: Any, name: str, kind: str, offer: str) -> str:
    return programme_offer(store, name, kind, offer=offer)


def _seed(store: Any) -> str:
    partners.create_offer(
        store,
        {
            "name": "Digitalisierungsberatung Handwerk",
            "provider": "Handwerkskammer Halle (Saale)",
            "partner_type": "chamber",
            "offer": "Erstberatung zu Förderprogrammen",
            "laender": ["15"],
            "kreise": ["15002"],
        },
    )
    _programme_offer(
        store, "Mittelstand-Digital Zentrum Chemnitz", "mittelstand_digital", "KI-Sprechstunde"
    )
    return _programme_offer(
        store, "Ombudsstelle für Plattformarbeit", "ombuds_office", "Schlichtung bei Honorarstreit"
    )


def test_partner_directory(app: Any, store: Any, qtbot: Any, lang: str) -> None:
    from zz_desktop.ui.views.partners_page import PartnersPage

    ombuds = _seed(store)
    page = PartnersPage(store)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    assert page.table.rowCount() == 3
    # Text search goes through the search index (umlaut-insensitive); type and Land filter.
    type_text(page.search, "forderprog")
    assert page.table.rowCount() == 1
    page.search.clear()
    page.type_filter.setCurrentIndex(page.type_filter.findData("ombuds_office"))
    assert [o.id for o in page.offers] == [ombuds]
    page.type_filter.setCurrentIndex(0)
    page.land_filter.setCurrentIndex(page.land_filter.findData("16"))
    assert page.table.rowCount() == 2  # the two nationwide offers
    page.land_filter.setCurrentIndex(0)
    # A programme-wide offer is read-only and says who keeps it.
    page.select_offer(ombuds)
    assert not page.form.fields["name"].isEnabled() and not page.save_button.isVisible()
    assert "coordinating" in page.scope_label.text() or "koordinierende" in page.scope_label.text()
    # A new offer with a bad e-mail: the message appears next to the field, nothing is stored.
    page.new_offer()
    name = page.form.fields["name"]
    assert isinstance(name, QLineEdit)
    type_text(name, "Gründungsberatung der Bürgschaftsbank")
    page.form.fields["partner_type"].setCurrentIndex(  # type: ignore[attr-defined]
        page.form.fields["partner_type"].findData("funding_bank")  # type: ignore[attr-defined]
    )
    email = page.form.fields["email"]
    assert isinstance(email, QLineEdit)
    type_text(email, "kein-at")
    page.save()
    wait_ops(qtbot)
    assert not page.form.errors["email"].isHidden()
    assert len(partners.list_offers(store)) == 3
    email.clear()
    type_text(email, "info@bb.example")
    page.save()
    wait_ops(qtbot)
    assert len(partners.list_offers(store)) == 4
    saved = page.current
    assert saved is not None and saved.name == "Gründungsberatung der Bürgschaftsbank"
    assert saved.centre_id == store.actor.centre_id
    active = page.form.fields["active"]
    assert isinstance(active, QCheckBox) and active.isChecked()
    page.select_offer(page.offers[0].id)
    if lang == "de":
        SHOTS.mkdir(exist_ok=True)
        page.grab().save(str(SHOTS / "partner-directory.png"))


def test_an_advisor_reads_only(app: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.ui.views.partners_page import PartnersPage

    _seed(store)
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: "advisor"})
    page = PartnersPage(store)
    qtbot.addWidget(page)
    assert not page.new_button.isVisibleTo(page)
    page.select_offer(page.offers[0].id)
    assert not page.save_button.isVisibleTo(page)


def test_search_hit_opens_the_offer(window: Any, store: Any, qtbot: Any) -> None:
    ombuds = _seed(store)
    opened = window.open_record("partner_offer", ombuds)
    assert opened is window.partners_page
    assert window.pages.currentWidget() is window.partners_page
    assert window.partners_page.current.id == ombuds
