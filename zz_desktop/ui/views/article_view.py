"""One Wissenspool item as the reader sees it: title, metadata (kind, topics, target group, origin,
version, valid until, sources), the Markdown body rendered by QTextBrowser, the attached files
(open or save once they are complete on this device) and the review actions the role allows —
edit, propose, publish, withdraw — plus "Save as PDF …". Programme items are read-only."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import get_language
from zz_desktop.services import library, library_files
from zz_desktop.services.listing import topic_label
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.labels import enum_label

REVIEW_ACTIONS = {
    "propose": library.propose,
    "publish": library.publish,
    "withdraw": library.withdraw,
}


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size // 1024, 1)} kB"


class ArticleView(QWidget):
    """Shows :attr:`item`; ``edit_requested`` asks the page to open the editor."""

    edit_requested = Signal(str)
    changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("articleView")
        self.item: library.Item | None = None
        self.complete: set[str] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("articleTitle")
        self.title.setProperty("role", "h2")
        # A wrapped two-line title keeps its height when the splitter is narrow.
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.note = QLabel(self)
        self.note.setObjectName("articleNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.meta = QLabel(self)
        self.meta.setObjectName("articleMeta")
        self.meta.setWordWrap(True)
        self.meta.setAccessibleName(self.tr("Details of the item"))
        layout.addWidget(self.meta)
        self.body = QTextBrowser(self)
        self.body.setObjectName("articleBody")
        self.body.setOpenExternalLinks(True)
        self.body.setAccessibleName(self.tr("Text of the item"))
        layout.addWidget(self.body, 1)
        self.files_box = QWidget(self)
        self.files_grid = QGridLayout(self.files_box)
        self.files_grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files_box)
        actions = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("articleMessage")
        self.message.setWordWrap(True)
        actions.addWidget(self.message, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("edit", self.tr("&Edit …")),
            ("propose", self.tr("P&ropose for review")),
            ("publish", self.tr("&Publish")),
            ("withdraw", self.tr("&Withdraw")),
            ("pdf", self.tr("Save as P&DF …")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"article_{key}")
            actions.addWidget(button)
            self.buttons[key] = button
        layout.addLayout(actions)
        self.buttons["edit"].clicked.connect(
            lambda: self.item is not None and self.edit_requested.emit(self.item.id)
        )
        for key in REVIEW_ACTIONS:
            self.buttons[key].clicked.connect(lambda _=False, k=key: self.review(k))
        self.buttons["pdf"].clicked.connect(self.save_pdf)
        self.show_item(None)

    # -- showing ------------------------------------------------------------------------------

    def show_item(self, item: library.Item | None, complete: set[str] | None = None) -> None:
        self.item = item
        self.complete = complete or set()
        self.message.clear()
        for button in self.buttons.values():
            button.setVisible(item is not None)
        if item is None:
            self.title.setText(self.tr("Choose an item from the list."))
            self.note.clear()
            self.meta.clear()
            self.body.clear()
            self._show_files([])
            return
        self.title.setText(item.title)
        self.meta.setText(self._meta_html(item))
        self.body.setMarkdown(self._markdown(item))
        self._show_files(item.files or [])
        state = item.review_state
        writable = library.may_write(self.store, item)
        publishable = library.may_publish(self.store, item)
        self.buttons["edit"].setVisible(writable)
        self.buttons["propose"].setVisible(writable and state == "draft")
        self.buttons["publish"].setVisible(publishable and state != "published")
        self.buttons["withdraw"].setVisible(publishable and state == "published")
        if library.is_programme_wide(item):
            self.note.setText(
                self.tr("Programme-wide item of the coordinating centre (read only).")
            )
        elif state == "proposed" and publishable:
            self.note.setText(self.tr("Proposed for review: publish it for the centre or edit."))
        elif not writable:
            self.note.setText(self.tr("Published for the centre; only a manager changes it."))
        else:
            self.note.setText(self.tr("Item of this centre."))

    def _meta_html(self, item: library.Item) -> str:
        def row(label: str, value: str) -> str:
            return f"<tr><td><b>{escape(label)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"

        origin = (
            self.tr("Coordinating centre")
            if library.is_programme_wide(item)
            else self.tr("This centre")
        )
        valid = item.valid_until
        rows = [
            row(self.tr("Kind"), enum_label("knowledge_kind", item.kind)),
            row(self.tr("Status"), enum_label("review_state", item.review_state)),
            row(self.tr("Topics"), ", ".join(topic_label(c) for c in item.topics or []) or "–"),
            row(
                self.tr("Target group"),
                ", ".join(enum_label("target_group", g) for g in item.target_groups or []) or "–",
            ),
            row(self.tr("From"), origin),
            row(self.tr("Version"), str(item.version or 1)),
            row(self.tr("Valid until"), self._date(valid) if valid else "–"),
        ]
        if item.url:
            rows.append(row(self.tr("Web address"), item.url))
        warning = ""
        if valid and valid < dt.date.today():
            warning = "<p style='color:#a33'>" + escape(self.tr("No longer valid.")) + "</p>"
        return "<table>" + "".join(rows) + "</table>" + warning

    def _markdown(self, item: library.Item) -> str:
        """The body, and the named sources as its last section (long lists read better there)."""
        text = item.body or ""
        if item.sources:
            text += "\n\n## " + self.tr("Sources") + "\n\n" + item.sources
        return text

    @staticmethod
    def _date(value: dt.date) -> str:
        return value.strftime("%d.%m.%Y") if get_language() == "de" else value.isoformat()

    def _show_files(self, entries: list[dict[str, Any]]) -> None:
        while self.files_grid.count():
            taken = self.files_grid.takeAt(0)
            if taken is not None and (widget := taken.widget()) is not None:
                widget.deleteLater()
        self.files_box.setVisible(bool(entries))
        for row, entry in enumerate(entries):
            name = str(entry.get("name") or entry.get("digest", ""))
            ready = entry.get("digest") in self.complete
            state = "" if ready else " – " + self.tr("not on this device yet")
            label = QLabel(f"{name} ({_size(int(entry.get('size') or 0))}){state}", self.files_box)
            self.files_grid.addWidget(label, row, 0)
            for col, (key, text) in enumerate(
                (("open", self.tr("Open")), ("save", self.tr("Save …"))), start=1
            ):
                button = QPushButton(text, self.files_box)
                button.setObjectName(f"file_{key}_{row}")
                button.setAccessibleName(f"{text.rstrip(' …')}: {name}")
                button.setEnabled(ready)
                button.clicked.connect(lambda _=False, e=entry, k=key: self.file_action(e, k))
                self.files_grid.addWidget(button, row, col)

    # -- actions --------------------------------------------------------------------------------

    def review(self, action: str) -> None:
        if self.item is None:
            return
        item_id, step = self.item.id, REVIEW_ACTIONS[action]
        ops.run_write(
            lambda: step(self.store, item_id), self, ChangeSet.of("knowledge_item", ids=[item_id])
        ).success(self._reviewed).failure(self._failed).run()

    def _reviewed(self, item: library.Item) -> None:
        self.show_item(item, self.complete)
        self.message.setText(enum_label("review_state", item.review_state) + ".")
        self.changed.emit(item.id)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            self.message.setText("\n".join(error.errors.values()))
        else:
            ops.show_error(self, error)

    def file_action(self, entry: dict[str, Any], action: str) -> None:
        name = Path(str(entry.get("name") or "datei")).name
        digest = str(entry["digest"])
        if action == "save":
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save file"), name)
            if not target:
                return
            path = Path(target)
        else:
            path = Path(tempfile.mkdtemp(prefix="zz-wissenspool-")) / name

        def work() -> Path:
            path.write_bytes(library_files.read(self.store, digest))
            return path

        def done(written: Path) -> None:
            if action == "open":
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
            else:
                self.message.setText(self.tr("Saved to %1.").replace("%1", str(written)))

        ops.run_read(work, self).success(done).run()

    def save_pdf(self) -> None:
        if self.item is None:
            return
        from zz_desktop.reports.article import article_filename, render_article

        item_id, lang = self.item.id, get_language()
        suggested = article_filename(self.item.title)
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not target:
            return

        def work() -> Path:
            from zz_desktop.reports import write

            return write(Path(target), render_article(self.store, item_id, lang))

        ops.run_read(work, self).success(
            lambda p: self.message.setText(self.tr("Saved to %1.").replace("%1", str(p)))
        ).run()
