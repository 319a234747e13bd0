"""Issue 14 (session 4): the Wissenspool page — list, search through the index, filters, "new
since your last visit", the article view (Markdown, metadata, files), review actions per role,
the article as PDF, opening an item from the global search; screenshots of the page and of an
article (German)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
from PySide6.QtWidgets import QFileDialog, QLineEdit

from tests.gui.helpers import type_text, wait_ops
from tests.support.library import act_as, seed_library
from zz_desktop.services import library

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SOCIAL = "Soziale Absicherung für Solo-Selbstständige"


def _page(store: Any, qtbot: Any) -> Any:
    from zz_desktop.ui.views.library_page import LibraryPage

    page = LibraryPage(store)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    wait_ops(qtbot)
    return page


def _row(page: Any, title: str) -> int:
    return next(r for r, i in enumerate(page.items) if i.title == title)


def test_list_search_filters_and_new_marker(app: Any, store: Any, qtbot: Any, lang: str) -> None:
    ids = seed_library(store)
    page = _page(store, qtbot)
    assert page.table.rowCount() == 6  # published only: 4 starter pages, checklist, note
    type_text(page.search, "kunstlersozialkasse")  # umlaut-insensitive, in the body
    wait_ops(qtbot)
    assert [i.title for i in page.items] == [SOCIAL]
    page.search.clear()
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("checklist"))
    wait_ops(qtbot)
    assert [i.id for i in page.items] == [ids["checklist"]]
    page.kind_filter.setCurrentIndex(0)
    page.group_filter.setCurrentIndex(page.group_filter.findData("sme"))
    wait_ops(qtbot)
    assert [i.id for i in page.items] == [ids["note"]]
    page.group_filter.setCurrentIndex(0)
    page.topic_filter.setCurrentIndex(page.topic_filter.findData("social_security"))
    wait_ops(qtbot)
    assert [i.title for i in page.items] == [SOCIAL]
    page.topic_filter.setCurrentIndex(0)
    # The manager's review list: the advisor's proposal appears under its state.
    page.state_filter.setCurrentIndex(page.state_filter.findData("proposed"))
    wait_ops(qtbot)
    assert [i.id for i in page.items] == [ids["proposal"]]
    page.state_filter.setCurrentIndex(0)
    # First visit: everything published is new; after it, nothing is, until a new item.
    page.visit()
    wait_ops(qtbot)
    assert "6" in page.new_count.text() and page.table.item(0, 0).text().startswith("●")
    page.visit()
    wait_ops(qtbot)
    assert page.new_count.text() == "" and not page.table.item(0, 0).text().startswith("●")
    library.publish(store, ids["proposal"])
    page.new_only.setChecked(True)
    wait_ops(qtbot)
    assert [i.id for i in page.items] == [ids["proposal"]]


def test_article_view_and_pdf(
    app: Any, store: Any, qtbot: Any, lang: str, tmp_path: Path, monkeypatch: Any
) -> None:
    seed_library(store)
    page = _page(store, qtbot)
    page.table.selectRow(_row(page, SOCIAL))
    view = page.article
    assert view.title.text() == SOCIAL
    rendered = view.body.toPlainText()
    assert "Krankheit und Pflege" in rendered and "##" not in rendered  # Markdown, rendered
    meta = view.meta.text()
    assert "Soziale Absicherung" in meta or "Social security" in meta
    assert "SGB VI" in rendered  # the named sources close the text
    # A programme item is read-only: no edit or review buttons, a note saying why.
    assert not any(view.buttons[k].isVisibleTo(view) for k in ("edit", "publish", "withdraw"))
    assert "koordinierende" in view.note.text() or "coordinating" in view.note.text()
    target = tmp_path / "artikel.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.buttons["pdf"].click()
    wait_ops(qtbot)
    with pdfplumber.open(target) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "Soziale Absicherung" in text and "Künstlersozialkasse" in text
    assert ("Quellen" if lang == "de" else "Sources") in text


def test_review_actions_per_role(app: Any, store: Any, qtbot: Any, lang: str) -> None:
    from zz_desktop.ui.dialogs.knowledge_editor import KnowledgeEditor

    ids = seed_library(store)
    act_as(store, "advisor")
    page = _page(store, qtbot)
    assert page.new_button.isVisibleTo(page)
    editor = page.edit(None)
    assert isinstance(editor, KnowledgeEditor) and not editor.publish_button.isVisibleTo(editor)
    title = editor.form.fields["title"]
    assert isinstance(title, QLineEdit)
    editor.save("proposed")  # no title: the message sits under the field, nothing is stored
    wait_ops(qtbot)
    assert not editor.form.errors["title"].isHidden()
    type_text(title, "Checkliste Erstgespräch für Gründerinnen")
    editor.save("proposed")
    wait_ops(qtbot)
    [mine] = [i for i in library.list_items(store, published_only=False) if "Gründer" in i.title]
    assert mine.review_state == "proposed"
    # An advisor sees the published note but may not withdraw it.
    page.table.selectRow(_row(page, "KI-Sprechstunde im Handwerk: was sich bewährt hat"))
    assert not page.article.buttons["withdraw"].isVisibleTo(page.article)
    assert not page.article.buttons["edit"].isVisibleTo(page.article)
    # The manager publishes the proposal from the review list.
    act_as(store, "manager")
    page.state_filter.setCurrentIndex(page.state_filter.findData("proposed"))
    wait_ops(qtbot)
    page.open_item(ids["proposal"])
    wait_ops(qtbot)
    view = page.article
    assert view.item is not None and view.item.id == ids["proposal"]
    assert view.buttons["publish"].isVisibleTo(view)
    view.buttons["publish"].click()
    wait_ops(qtbot)
    assert library.get_item(store, ids["proposal"]).review_state == "published"
    assert view.buttons["withdraw"].isVisibleTo(view)
    view.buttons["withdraw"].click()
    wait_ops(qtbot)
    assert library.get_item(store, ids["proposal"]).review_state == "withdrawn"


def test_main_window_entry_and_screenshots(window: Any, store: Any, qtbot: Any, lang: str) -> None:
    seed_library(store)
    window.resize(1280, 800)
    window.show_page("library")
    wait_ops(qtbot)
    assert window.pages.currentWidget() is window.library_page
    shortcuts = {
        a.text(): a.shortcut().toString() for a in window.menuBar().actions()[3].menu().actions()
    }
    assert shortcuts["Wissenspool"] == "Ctrl+8"
    assert shortcuts["Einstellungen" if lang == "de" else "Settings"] == "Ctrl+0"
    page = window.library_page
    assert page.table.rowCount() == 6 and page.table.item(0, 0).text().startswith("●")
    hit = next(i for i in page.items if i.title.startswith("Honorare"))
    opened = window.open_record("knowledge_item", hit.id)
    wait_ops(qtbot)
    assert opened is page and page.article.item is not None and page.article.item.id == hit.id
    if lang == "de":
        SHOTS.mkdir(exist_ok=True)
        page.table.selectRow(
            _row(page, "Eine Interessenvertretung für Solo-Selbstständige gründen")
        )
        qtbot.wait(50)  # the layouts settle after the buttons changed visibility
        window.grab().save(str(SHOTS / "wissenspool-library.png"))
        # The centre's own note: the manager sees the review actions beside "Save as PDF".
        page.table.selectRow(_row(page, "KI-Sprechstunde im Handwerk: was sich bewährt hat"))
        qtbot.wait(50)
        window.grab().save(str(SHOTS / "wissenspool-article.png"))


def test_attached_files_open_and_save(
    app: Any, store: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtGui import QDesktopServices

    from tests.support.library import local_file, programme_item

    data = "Mustervertrag für freie Mitarbeit\n".encode()
    here = local_file(store, data)
    files = [
        {"digest": here, "name": "mustervertrag.txt", "size": len(data)},
        {"digest": "0" * 64, "name": "honorarrechner.xlsx", "size": 3 * 1024 * 1024},
    ]
    programme_item(store, "Vorlagen für Verträge", kind="template", files=files)
    page = _page(store, qtbot)
    page.table.selectRow(0)
    view = page.article
    buttons = {b.objectName(): b for b in view.files_box.findChildren(type(view.buttons["pdf"]))}
    assert buttons["file_open_0"].isEnabled() and buttons["file_save_0"].isEnabled()
    assert not buttons["file_open_1"].isEnabled()  # not fetched yet: nothing to open
    target = tmp_path / "vertrag.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    buttons["file_save_0"].click()
    wait_ops(qtbot)
    assert target.read_bytes() == data
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    buttons["file_open_0"].click()
    wait_ops(qtbot)
    assert Path(opened[0]).name == "mustervertrag.txt" and Path(opened[0]).read_bytes() == data


def test_manager_saves_and_publishes_and_keys_walk_the_list(
    app: Any, store: Any, qtbot: Any
) -> None:
    from PySide6.QtCore import Qt

    from tests.gui.helpers import key

    ids = seed_library(store)
    page = _page(store, qtbot)
    page.open_item(ids["note"])
    wait_ops(qtbot)
    editor = page.edit(ids["note"])
    assert editor.publish_button.isVisibleTo(editor)  # a manager publishes in one go
    body = editor.form.fields["body"]
    body.setPlainText(body.toPlainText() + "\n## Ergebnis\n\nAngebote in der Hälfte der Zeit.")  # type: ignore[attr-defined]
    editor.save("published")
    wait_ops(qtbot)
    changed = library.get_item(store, ids["note"])
    assert changed.review_state == "published" and changed.version == 2  # a new version
    assert "Hälfte" in page.article.body.toPlainText()
    # Keyboard: the list takes the arrow keys and the article follows the selection.
    page.table.setFocus()
    page.table.selectRow(0)
    first = page.article.item.id  # type: ignore[union-attr]
    key(page.table, Qt.Key.Key_Down)
    assert page.article.item is not None and page.article.item.id != first
    assert page.table.accessibleName() and page.search.accessibleName()


def test_editor_attaches_a_file(
    app: Any, store: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from zz_desktop.services import library_files

    act_as(store, "advisor")
    page = _page(store, qtbot)
    editor = page.edit(None)
    source = tmp_path / "Angebotsvorlage.docx"
    source.write_bytes(b"PK\x03\x04 Vorlage")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    editor.attach_button.click()
    wait_ops(qtbot)
    assert (
        editor.files_list.count() == 1
        and "Angebotsvorlage.docx" in editor.files_list.item(0).text()
    )
    type_text(editor.form.fields["title"], "Vorlage für Angebote")
    editor.save("draft")
    wait_ops(qtbot)
    [item] = library.list_items(store, published_only=False)
    [entry] = item.files
    assert entry["name"] == "Angebotsvorlage.docx"
    assert library_files.read(store, entry["digest"]) == source.read_bytes()
    assert library_files.unsent_digests(store) == [entry["digest"]]  # sent after the next sync
