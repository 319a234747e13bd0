"""Typing a new organisation or person that may exist already shows a warning under the form
(the duplicate check on create), looked up on a worker after a short pause."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.helpers import type_text, wait_ops
from zz_desktop.services import organisations, persons

pytestmark = pytest.mark.gui


def test_similar_organisation_is_shown_while_typing(app: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.ui.dialogs.records import OrganisationDialog

    organisations.create_organisation(store, {"name": "Müller Metallbau GmbH", "postcode": "06108"})
    dialog = OrganisationDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.fields["name"], "Mueller Metallbau")
    type_text(dialog.form.fields["postcode"], "06108")
    qtbot.waitUntil(dialog.similar_hint.isVisible, timeout=5000)
    wait_ops(qtbot)
    assert "Müller Metallbau GmbH" in dialog.similar_hint.text()


def test_similar_person_is_shown_and_cleared(app: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.ui.dialogs.records import PersonDialog

    persons.create_person(store, {"first_name": "Jürgen", "last_name": "Weiß", "postcode": "99423"})
    dialog = PersonDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.fields["first_name"], "Jürgen")
    type_text(dialog.form.fields["last_name"], "Weiß")
    type_text(dialog.form.fields["postcode"], "99423")
    qtbot.waitUntil(dialog.similar_hint.isVisible, timeout=5000)
    assert "Weiß" in dialog.similar_hint.text()
    dialog.form.fields["last_name"].setText("Zimmermann")
    dialog.form.fields["first_name"].setText("Xaver")
    qtbot.waitUntil(lambda: not dialog.similar_hint.isVisible(), timeout=5000)
    wait_ops(qtbot)
