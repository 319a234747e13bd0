"""The main window: navigation on the left, pages on the right, menus with the shortcuts, the
sync figures and the undo button in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from zz_desktop import APP_TITLE, __version__
from zz_desktop.services import consultations, events, organisations, persons
from zz_desktop.store.database import Store
from zz_desktop.ui import icons, ops, role_gate, settings
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.views.list_page import ListPage

UNDO_SECONDS = 10

_DELETE: dict[str, tuple[Callable[[Store, str], None], Callable[[Store, str], None]]] = {
    "organisation": (organisations.delete_organisation, organisations.restore_organisation),
    "person": (persons.delete_person, persons.restore_person),
    "consultation": (consultations.delete_consultation, consultations.restore_consultation),
    "event": (events.delete_event, events.restore_event),
}


#: Pages without an icon of their own.
_NAV_ICON = {"coordination": "reports"}


class MainWindow(QMainWindow):
    PAGES: tuple[str, ...] = (
        "start",
        "organisation",
        "person",
        "consultation",
        "event",
        "calendar",
        "partners",
        "library",
        "reports",
        "settings",
    )

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(icons.app_icon())
        self.resize(1280, 800)
        self._undo: Callable[[], None] | None = None
        self._detail: QWidget | None = None
        self._return_to = 0

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(210)
        self.nav.setIconSize(QSize(20, 20))
        self.pages = QStackedWidget(central)
        self.pages.setObjectName("pages")
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_pages()
        self._build_actions()
        self._build_status()
        role_gate.gate(self, store)
        self.pending_label.setText(self.tr("Pending changes: %1").replace("%1", "…"))
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setCurrentRow(0)
        bus().changes.connect(self._on_changes)
        self.refresh_counts()
        geometry = settings.get(settings.GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))

    # -- construction -----------------------------------------------------------------------

    def _build_pages(self) -> None:
        from zz_desktop.ui.views.calendar_page import CalendarPage
        from zz_desktop.ui.views.library_page import LibraryPage
        from zz_desktop.ui.views.partners_page import PartnersPage
        from zz_desktop.ui.views.reports_page import ReportsPage
        from zz_desktop.ui.views.settings_page import SettingsPage
        from zz_desktop.ui.views.start_page import StartPage

        self.start_page = StartPage(self.store, self)
        self.start_page.open_record.connect(self.open_record)
        self.lists: dict[str, ListPage] = {}
        titles = {
            "organisation": self.tr("Organisations"),
            "person": self.tr("Persons"),
            "consultation": self.tr("Consultations"),
            "event": self.tr("Events"),
        }
        pages: list[tuple[str, QWidget]] = [(self.tr("Start"), self.start_page)]
        for entity, title in titles.items():
            page = ListPage(self.store, entity, title, self)
            page.open_record.connect(self.open_record)
            page.new_record.connect(self.new_record)
            page.delete_record.connect(self.delete_record)
            self.lists[entity] = page
            pages.append((title, page))
        self.calendar_page = CalendarPage(self.store, self)
        self.calendar_page.open_record.connect(self.open_record)
        self.calendar_page.exported.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.reports_page = ReportsPage(self.store, self)
        self.settings_page = SettingsPage(self.store, self)
        self.partners_page = PartnersPage(self.store, self)
        self.library_page = LibraryPage(self.store, self)
        pages += [
            (self.tr("Calendar"), self.calendar_page),
            (self.tr("Partners"), self.partners_page),
            (self.tr("Wissenspool"), self.library_page),
            (self.tr("Reports"), self.reports_page),
            (self.tr("Settings"), self.settings_page),
        ]
        from zz_desktop.services import sync_service

        if sync_service.is_coordinator(self.store):
            # The coordinating centre's own page (its profile holds aggregates only).
            from zz_desktop.ui.views.coordination_page import CoordinationPage

            self.coordination_page = CoordinationPage(self.store, self)
            pages.append((self.tr("Coordination"), self.coordination_page))
            self.PAGES = (*type(self).PAGES, "coordination")
        for (title, page), name in zip(pages, self.PAGES, strict=True):
            item = QListWidgetItem(icons.nav_icon(_NAV_ICON.get(name, name)), title)
            item.setSizeHint(QSize(200, 40))
            self.nav.addItem(item)
            self.pages.addWidget(page)

    def _build_actions(self) -> None:
        menubar = self.menuBar()
        file_menu = menubar.addMenu(self.tr("&File"))
        record = menubar.addMenu(self.tr("&Record"))
        edit = menubar.addMenu(self.tr("&Edit"))
        view = menubar.addMenu(self.tr("&View"))
        help_menu = menubar.addMenu(self.tr("&Help"))

        self.new_consultation_action = QAction(self.tr("New &consultation"), self)
        self.new_consultation_action.setObjectName("newConsultationAction")
        self.new_consultation_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_consultation_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.new_consultation_action.triggered.connect(self.new_consultation)
        record.addAction(self.new_consultation_action)
        for entity, text, keys in (
            ("organisation", self.tr("New &organisation"), "Ctrl+Shift+O"),
            ("person", self.tr("New &person"), "Ctrl+Shift+P"),
            ("event", self.tr("New &event"), "Ctrl+Shift+E"),
        ):
            act = record.addAction(text)
            act.setObjectName(f"new_{entity}Action")
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(lambda _=False, e=entity: self.new_record(e))

        self.undo_action = QAction(self.tr("&Undo delete"), self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        edit.addAction(self.undo_action)
        self.search_action = QAction(self.tr("&Search …"), self)
        self.search_action.setObjectName("searchAction")
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_action.triggered.connect(self.open_search)
        edit.addAction(self.search_action)

        for row, name in enumerate(self.PAGES):
            act = view.addAction(self.nav.item(row).text())
            if row < 10:  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth page (the keyboard's order)
                act.setShortcut(QKeySequence(f"Ctrl+{(row + 1) % 10}"))
            act.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            del name
        back = view.addAction(self.tr("&Back"))
        back.setShortcut(QKeySequence("Alt+Left"))
        back.triggered.connect(self.close_detail)

        self.sync_action = QAction(icons.nav_icon("sync", "#1f6fb2"), self.tr("Synchronise"), self)
        self.sync_action.setObjectName("syncAction")
        self.sync_action.setEnabled(False)
        self.sync_action.setToolTip(self.tr("Synchronise with the hub (not set up yet)"))
        file_menu.addAction(self.sync_action)
        self.login_action = file_menu.addAction(self.tr("Connect to &hub …"))
        self.login_action.setObjectName("loginAction")
        self.conflicts_action = file_menu.addAction(self.tr("Sync &conflicts …"))
        self.conflicts_action.setObjectName("conflictsAction")
        self.problems_action = file_menu.addAction(self.tr("Sync &problems …"))
        self.problems_action.setObjectName("syncProblemsAction")
        self.logout_action = file_menu.addAction(self.tr("Log &out of the hub"))
        self.logout_action.setObjectName("logoutAction")
        self.switch_profile_action = file_menu.addAction(self.tr("Switch &profile …"))
        self.switch_profile_action.setObjectName("switchProfileAction")
        self.switch_profile_action.triggered.connect(self.switch_profile)
        #: Set by "Switch profile …": the profile the application opens after this window.
        self.switch_to: Path | None = None
        self.profile_dir: Path | None = None
        file_menu.addSeparator()
        import_action = file_menu.addAction(self.tr("&Import contacts …"))
        import_action.setObjectName("importAction")
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.triggered.connect(self.open_import)
        missing = edit.addAction(self.tr("Consultations without &advisor …"))
        missing.setObjectName("missingAdvisorsAction")
        missing.triggered.connect(self.open_missing_advisors)
        retention = edit.addAction(self.tr("&Retention review …"))
        retention.setObjectName("retentionAction")
        retention.triggered.connect(self.open_retention)
        dupes_action = edit.addAction(self.tr("Find &duplicates …"))
        dupes_action.setObjectName("duplicatesAction")
        dupes_action.triggered.connect(self.open_duplicates)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        help_menu.addAction(self.tr("&About"), self.about)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        self.new_consultation_action.setIcon(icons.nav_icon("new", "#1f6fb2"))
        self.search_action.setIcon(icons.nav_icon("search", "#1f6fb2"))
        toolbar.addAction(self.new_consultation_action)
        toolbar.addAction(self.search_action)
        toolbar.addSeparator()
        toolbar.addAction(self.sync_action)
        self.addToolBar(toolbar)

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setProperty("role", "primary")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.sync_label = QLabel(self.tr("Sync: not connected"), self)
        self.sync_label.setObjectName("syncStatus")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingChanges")
        self.conflicts_label = QLabel(self)
        self.conflicts_label.setObjectName("openConflicts")
        bar.addPermanentWidget(self.undo_button)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.pending_label)
        bar.addPermanentWidget(self.conflicts_label)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._expire_undo)

    # -- import, duplicates, sync ---------------------------------------------------------------

    def open_import(self) -> None:
        from zz_desktop.ui.dialogs.import_wizard import open_import_wizard

        open_import_wizard(self.store, self)

    def open_retention(self) -> Any:
        """Persons whose retention period has ended: erase or keep longer (issue 13)."""
        from PySide6.QtWidgets import QDialog, QVBoxLayout

        from zz_desktop.ui.views.retention_page import RetentionPage

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Retention review"))
        QVBoxLayout(dialog).addWidget(RetentionPage(self.store, dialog))
        dialog.resize(760, 520)
        dialog.open()
        return dialog

    def open_missing_advisors(self) -> Any:
        from zz_desktop.ui.dialogs.missing_advisors import open_missing_advisors

        return open_missing_advisors(self.store, self)

    def open_duplicates(self) -> None:
        from zz_desktop.ui.dialogs.merge_dialog import open_duplicate_scan

        open_duplicate_scan(self.store, self)

    def attach_sync(self, controller: Any) -> None:
        """Connect the menu entries to the sync controller (``ui.sync_ui.install_sync``)."""
        self.sync_controller = controller
        self.login_action.triggered.connect(controller.show_login)
        self.conflicts_action.triggered.connect(controller.show_conflicts)
        self.problems_action.triggered.connect(controller.show_problems)
        self.logout_action.triggered.connect(controller.logout)
        controller.session_changed.connect(self._session_changed)
        self._session_changed(controller.logged_in())

    def _session_changed(self, logged_in: bool) -> None:
        self.login_action.setEnabled(not logged_in)
        self.logout_action.setEnabled(logged_in)
        role_gate.gate(self, self.store)  # a login can change the role

    def switch_profile(self) -> None:
        """Choose another profile; this window closes and the application opens that one."""
        from zz_desktop.paths import default_profile_dir
        from zz_desktop.services.profiles import find_profiles
        from zz_desktop.ui.dialogs.profile_chooser import ProfileChooser

        root = (self.profile_dir or default_profile_dir()).parent
        profiles = find_profiles(root)
        dialog = ProfileChooser(profiles, self.profile_dir, self)
        if not dialog.exec() or (chosen := dialog.chosen()) is None:
            return
        if chosen == self.profile_dir:
            return
        self.switch_to = chosen
        self.close()

    # -- status -------------------------------------------------------------------------------

    def set_sync_status(self, text: str) -> None:
        """For the sync engine: e.g. 'Last sync: today 14:02'."""
        self.sync_label.setText(text)
        self.start_page.set_sync_status(text)

    @Slot()
    def refresh_counts(self) -> None:
        """Pending changes and open conflicts, counted on a worker (the outbox can be large)."""
        store = self.store

        def count() -> tuple[int, int]:
            # Imported here, on the worker: the sync service is not needed to show the window.
            from zz_desktop.services import sync_service

            return sync_service.counts(store)

        ops.run_read(count, self).success(self._show_counts).run()

    def _show_counts(self, counts: tuple[int, int]) -> None:
        pending, conflicts = counts
        self.pending_label.setText(self.tr("Pending changes: %1").replace("%1", str(pending)))
        self.conflicts_label.setText(self.tr("Open conflicts: %1").replace("%1", str(conflicts)))
        self.conflicts_label.setProperty("role", "warning" if conflicts else "")
        self.conflicts_label.style().polish(self.conflicts_label)

    def _on_changes(self, _change: ChangeSet) -> None:
        self.refresh_counts()

    # -- navigation ---------------------------------------------------------------------------

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        self._drop_detail()
        self.pages.setCurrentIndex(row)
        if self.pages.currentWidget() is self.library_page:
            self.library_page.visit()  # "new since your last visit" counts from here

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(self.PAGES.index(name))

    def show_detail(self, widget: QWidget) -> None:
        self._drop_detail()
        self._return_to = max(self.nav.currentRow(), 0)
        self._detail = widget
        self.pages.addWidget(widget)
        self.pages.setCurrentWidget(widget)
        widget.setFocus()

    def close_detail(self) -> None:
        if self._detail is not None:
            self._drop_detail()
            self.pages.setCurrentIndex(self._return_to)

    def _drop_detail(self) -> None:
        if self._detail is not None:
            self.pages.removeWidget(self._detail)
            self._detail.deleteLater()
            self._detail = None

    def current_organisation_id(self) -> str | None:
        from zz_desktop.ui.views.organisation_page import OrganisationPage

        if (
            isinstance(self._detail, OrganisationPage)
            and self.pages.currentWidget() is self._detail
        ):
            return self._detail.org_id
        return None

    def current_person(self) -> tuple[str | None, str | None]:
        """On a person's page: the person and, when they belong to exactly one organisation,
        that organisation (Ctrl+N there records a consultation for them)."""
        from zz_desktop.ui.views.person_page import PersonPage

        page = self._detail
        if not isinstance(page, PersonPage) or self.pages.currentWidget() is not page:
            return None, None
        orgs = {a.organisation_id for a in page.data.affiliations} if page.data else set()
        return page.person_id, (next(iter(orgs)) if len(orgs) == 1 else None)

    @Slot(str, str)
    def open_record(self, entity: str, record_id: str) -> Any:
        if entity == "organisation":
            from zz_desktop.ui.views.organisation_page import OrganisationPage

            page = OrganisationPage(self.store, record_id, self)
            page.back.connect(self.close_detail)
            self.show_detail(page)
            return page
        if entity == "event":
            from zz_desktop.ui.views.event_page import EventPage

            page_e = EventPage(self.store, record_id, self)
            page_e.back.connect(self.close_detail)
            self.show_detail(page_e)
            return page_e
        if entity == "consultation":
            return self.open_consultation(record_id)
        if entity == "knowledge_item":
            self.show_page("library")
            self.library_page.open_item(record_id)
            return self.library_page
        if entity == "partner_offer":
            self.show_page("partners")
            self.partners_page.select_offer(record_id)
            return self.partners_page
        if entity == "person":
            from zz_desktop.ui.views.person_page import PersonPage

            page_p = PersonPage(self.store, record_id, self)
            page_p.back.connect(self.close_detail)
            self.show_detail(page_p)
            return page_p
        return None

    @Slot(str)
    def new_record(self, entity: str) -> Any:
        if entity == "consultation":
            return self.new_consultation()
        from zz_desktop.ui.dialogs.records import dialog_for

        dialog = dialog_for(entity)(self.store, None, self)
        if entity in ("organisation", "person"):
            # A new organisation or person is usually followed by work on it: open its page.
            dialog.saved.connect(lambda rid: self.open_record(entity, rid))
        dialog.show()
        return dialog

    def new_consultation(self, organisation_id: str | None = None) -> Any:
        from zz_desktop.ui.dialogs.consultation_form import ConsultationForm

        person_id, person_org = self.current_person()
        form = ConsultationForm(
            self.store,
            None,
            organisation_id or self.current_organisation_id() or person_org,
            self,
            person_id=person_id,
        )
        form.saved_warnings.connect(self._show_warnings)
        form.show()
        return form

    def open_consultation(self, consultation_id: str) -> Any:
        from zz_desktop.ui.dialogs.consultation_form import ConsultationForm

        form = ConsultationForm(self.store, consultation_id, None, self)
        form.saved_warnings.connect(self._show_warnings)
        form.show()
        return form

    def _show_warnings(self, warnings: list[str]) -> None:
        if warnings:
            QMessageBox.warning(self, self.tr("Note"), "\n".join(warnings))

    def open_search(self) -> Any:
        from zz_desktop.ui.dialogs.search_popup import SearchPopup

        popup = SearchPopup(self.store, self)
        popup.chosen.connect(self.open_record)
        popup.popup_over(self)
        return popup

    # -- delete / undo --------------------------------------------------------------------------

    @Slot(str, str)
    def delete_record(self, entity: str, record_id: str) -> None:
        delete, restore = _DELETE[entity]
        changes = ChangeSet.of(entity, ids=[record_id])

        def done(_: object) -> None:
            if self.current_organisation_id() == record_id:
                self.close_detail()
            self.offer_undo(
                self.tr("Record deleted."),
                lambda: ops.run_write(lambda: restore(self.store, record_id), self, changes).run(),
            )

        ops.run_write(lambda: delete(self.store, record_id), self, changes).success(done).run()

    def offer_undo(self, message: str, undo: Callable[[], None]) -> None:
        self._undo = undo
        self.undo_action.setEnabled(True)
        self.undo_button.show()
        self.statusBar().showMessage(message, UNDO_SECONDS * 1000)
        self._undo_timer.start(UNDO_SECONDS * 1000)

    def undo(self) -> None:
        if self._undo is None:
            return
        undo, self._undo = self._undo, None
        self._expire_undo()
        undo()
        self.statusBar().showMessage(self.tr("Restored."), 4000)

    def _expire_undo(self) -> None:
        self._undo = None
        self.undo_action.setEnabled(False)
        self.undo_button.hide()

    # -- misc ---------------------------------------------------------------------------------

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("%1 %2\nAdvice records of the Zukunftszentren, offline and in sync.")
            .replace("%1", APP_TITLE)
            .replace("%2", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        settings.put(settings.GEOMETRY, self.saveGeometry())
        for page in self.lists.values():
            page.save_columns()
        super().closeEvent(event)


_ = QIcon
