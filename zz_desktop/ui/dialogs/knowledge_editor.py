"""Writing a Wissenspool item of the own centre: title, kind, Markdown text (a checklist: one
item per line), topics, target groups, valid until, web address, sources, attached files (kept
on the device at once, sent to the hub in the background after a sync). Saved as a draft or
proposed for review; a manager may also save and publish in one go. Messages appear next to the
fields (the service validates, the same rules as on the hub)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import codelists
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import library, library_files
from zz_desktop.services.listing import topic_label
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.labels import enum_labels
from zz_desktop.ui.widgets import CheckList, DateLine, FormPanel, combo, line, text_box

FIELDS = (
    "title",
    "kind",
    "body",
    "topics",
    "target_groups",
    "valid_until",
    "url",
    "sources",
    "files",
)


class FileList(QListWidget):
    """The attached files as a form field: the value is the item's ``files`` list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[dict[str, Any]] = []
        self.setMaximumHeight(70)

    def value_(self) -> list[dict[str, Any]]:
        return list(self.entries)

    def set_value_(self, entries: Any) -> None:
        self.entries = [dict(e) for e in entries or []]
        self.clear()
        for entry in self.entries:
            self.addItem(f"{entry.get('name')} ({int(entry.get('size') or 0) // 1024} kB)")


class KnowledgeEditor(QDialog):
    saved = Signal(str)

    def __init__(
        self, store: Store, item: library.Item | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.item_id = item.id if item else None
        self.setObjectName("knowledgeEditor")
        self.setWindowTitle(self.tr("Edit item") if item else self.tr("New item"))
        self.resize(760, 720)
        layout = QVBoxLayout(self)
        self.form = f = FormPanel(self)
        f.add("title", self.tr("&Title"), line())
        f.add("kind", self.tr("&Kind"), combo("knowledge_kind"))
        body = text_box(220)
        body.setPlaceholderText(self.tr("Markdown: ## heading, - list item, **bold**"))
        f.add("body", self.tr("Te&xt (Markdown)"), body)
        topics = [(t.code, topic_label(t.code)) for t in codelists.topics()]
        f.add("topics", self.tr("Topics"), CheckList(topics, self))
        groups = list(enum_labels("target_group").items())
        f.add("target_groups", self.tr("Target group"), CheckList(groups, self))
        f.add("valid_until", self.tr("Valid &until"), DateLine(None, self))
        f.add("url", self.tr("Web address"), line("https://"))
        f.add("sources", self.tr("&Sources"), text_box(50))
        self.files_list = FileList(self)
        f.add("files", self.tr("&Files"), self.files_list)
        file_buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("&Attach file …"), self)
        self.attach_button.setObjectName("attachFile")
        self.remove_file_button = QPushButton(self.tr("&Remove file"), self)
        self.remove_file_button.setObjectName("removeFile")
        file_buttons.addWidget(self.attach_button)
        file_buttons.addWidget(self.remove_file_button)
        file_buttons.addStretch(1)
        f.layout_.addRow("", file_buttons)
        layout.addWidget(f, 1)
        if item is not None:
            f.set_values({k: getattr(item, k) for k in FIELDS})
        self._show_files()
        buttons = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        buttons.addWidget(self.message, 1)
        self.draft_button = QPushButton(self.tr("Save as &draft"), self)
        self.draft_button.setObjectName("saveDraft")
        self.propose_button = QPushButton(self.tr("&Propose for review"), self)
        self.propose_button.setObjectName("saveProposed")
        self.publish_button = QPushButton(self.tr("Save and p&ublish"), self)
        self.publish_button.setObjectName("savePublished")
        self.publish_button.setVisible(library.may_publish(store))
        cancel = QPushButton(self.tr("Cancel"), self)
        for button in (self.draft_button, self.propose_button, self.publish_button, cancel):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.draft_button.clicked.connect(lambda: self.save("draft"))
        self.propose_button.clicked.connect(lambda: self.save("proposed"))
        self.publish_button.clicked.connect(lambda: self.save("published"))
        cancel.clicked.connect(self.reject)
        self.attach_button.clicked.connect(self.choose_file)
        self.remove_file_button.clicked.connect(self.remove_file)

    # -- files ----------------------------------------------------------------------------------

    def _show_files(self) -> None:
        self.remove_file_button.setEnabled(bool(self.files_list.entries))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach file"))
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        ops.run_write(
            lambda: library_files.attach(self.store, path), self, ChangeSet.of("file")
        ).success(self._attached).failure(self._failed).run()

    def _attached(self, entry: dict[str, Any]) -> None:
        entries = self.files_list.value_()
        if all(e.get("digest") != entry["digest"] for e in entries):
            self.files_list.set_value_([*entries, entry])
        self._show_files()

    def remove_file(self) -> None:
        entries = self.files_list.value_()
        if entries:
            del entries[max(self.files_list.currentRow(), 0)]
            self.files_list.set_value_(entries)
            self._show_files()

    def data(self) -> dict[str, Any]:
        values = self.form.values()
        for key in ("body", "url", "sources"):
            values[key] = (values.get(key) or "").strip() or None
        values["title"] = (values.get("title") or "").strip()
        return values

    def save(self, state: str) -> None:
        data = self.data()
        data["review_state"] = "draft" if state == "published" else state
        item_id = self.item_id

        def work() -> library.Item:
            item = library.save_draft(self.store, data, item_id)
            if state == "published":
                item = library.publish(self.store, item.id)
            return item

        ops.run_write(work, self, ChangeSet.of("knowledge_item", ids=[item_id or ""])).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, item: library.Item) -> None:
        self.item_id = item.id
        self.saved.emit(item.id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            self.message.setText("\n".join(self.form.show_errors(error.errors)))
        else:
            ops.show_error(self, error)
