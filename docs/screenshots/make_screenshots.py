"""Screenshots of the main screens for the user guide, in German, from a demo profile:
``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def main() -> int:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QPainter

    tmp = Path(tempfile.mkdtemp(prefix="zz-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    from zz_desktop.services.demo import generate_demo
    from zz_desktop.store.database import open_store
    from zz_desktop.ui import ops
    from zz_desktop.ui.application import make_app

    app = make_app("de")
    store = open_store(tmp / "profile", passphrase="demo", create=True)
    generate_demo(store, consultations=1500, seed=3)
    from zz_desktop.ui.mainwindow import MainWindow

    win = MainWindow(store)
    win.resize(1366, 800)
    win.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        while not ops.idle():
            app.processEvents()

    def shot(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        settle()
        (widget or win).grab().save(str(OUT / f"{name}.png"))
        print("wrote", name)

    shot("start")
    win.show_page("organisation")
    orgs = win.lists["organisation"]
    orgs.view.selectRow(2)
    shot("organisations")
    org_id = orgs.model.id_at(2)
    # The organisation with the most consultations makes the richest page.
    with store.read() as s:
        org_id = (
            s.connection()
            .exec_driver_sql(
                "SELECT organisation_id FROM consultation WHERE organisation_id IS NOT NULL AND deleted = 0 "
                "GROUP BY organisation_id ORDER BY count(*) DESC LIMIT 1"
            )
            .scalar()
            or org_id
        )
    win.open_record("organisation", org_id)
    shot("organisation")
    form = win.new_consultation(org_id)
    form.resize(1180, 780)
    form.form.fields["title"].setText("Erstgespräch Digitalisierung der Auftragsabwicklung")
    for code in ("process_digitalisation", "qualification_training"):
        if code in form._topic_codes.values():
            form.add_topic(code)
    if form.participants.count():
        from PySide6.QtCore import Qt

        form.participants.item(0).setCheckState(Qt.CheckState.Checked)
    form.fu_text.setText("Förderprogramm go-digital prüfen und Unterlagen senden")
    form.add_followup()
    form.texts.fields["starting_situation"].setPlainText(
        "Auftragsannahme per Telefon und Papier, Doppelerfassung in der Buchhaltung."
    )
    shot("consultation_form", form)
    form._dirty = False
    form.hide()
    win.show_page("person")
    shot("persons")
    win.show_page("consultation")
    win.lists["consultation"].view.selectRow(0)
    shot("consultations")
    win.show_page("event")
    shot("events")
    with store.read() as s:
        # An event with an incomplete Part 1 shows the highlighting.
        ev_id = s.connection().exec_driver_sql(
            "SELECT event_id FROM participation WHERE deleted = 0 AND entry_questionnaire != 'complete' "
            "GROUP BY event_id ORDER BY count(*) DESC LIMIT 1"
        ).scalar() or win.lists["event"].model.id_at(0)
    if ev_id:
        win.open_record("event", ev_id)
        shot("event")
    win.show_page("start")
    popup = win.open_search()
    popup.input.setText("tischl")
    settle()
    image = win.grab()
    painter = QPainter(image)
    painter.drawPixmap(QPoint(popup.x() - win.x(), popup.y() - win.y()), popup.grab())
    painter.end()
    image.save(str(OUT / "search.png"))
    print("wrote search")
    popup.close()
    win.show_page("settings")
    shot("settings")
    win.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
