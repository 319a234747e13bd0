"""Hiding what the profile's role may not do (roles table, domain.roles): actions and buttons
are found by their object name and shown only to roles that may use them.

This is the courtesy layer: the services refuse the same actions with the reason
(services.permissions, the store's edit check), so whatever is reached another way — a
shortcut, a page built before a login changed the role — is refused, not carried out."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from zz_desktop.domain import roles
from zz_desktop.services import permissions
from zz_desktop.store.database import Store

_HIDDEN_BY_ROLE = "hiddenByRole"
#: object name → the right it needs.
RIGHTS: dict[str, str] = {
    # main window (menus and tool bar)
    "newConsultationAction": roles.EDIT_RECORDS,
    "new_organisationAction": roles.EDIT_RECORDS,
    "new_personAction": roles.EDIT_RECORDS,
    "new_eventAction": roles.EDIT_RECORDS,
    "missingAdvisorsAction": roles.EDIT_RECORDS,
    "importAction": roles.IMPORT_RECORDS,
    "duplicatesAction": roles.MERGE_RECORDS,
    "retentionAction": roles.REVIEW_RETENTION,
    # pages
    "newButton": roles.EDIT_RECORDS,
    "exportButton": roles.EXPORT_RECORDS,
    "calendarExport": roles.EXPORT_RECORDS,
    "followupDone": roles.EDIT_RECORDS,
    "orgNewConsultation": roles.EDIT_RECORDS,
    "orgEdit": roles.EDIT_RECORDS,
    "orgDelete": roles.EDIT_RECORDS,
    "orgAddPerson": roles.EDIT_RECORDS,
    "eventEdit": roles.EDIT_RECORDS,
    "eventDelete": roles.EDIT_RECORDS,
    "eventAddParticipant": roles.EDIT_RECORDS,
    "eventRemoveParticipant": roles.EDIT_RECORDS,
    "eventPersonPicker": roles.EDIT_RECORDS,
    "backupNow": roles.BACKUP_PROFILE,
    "restoreBackup": roles.RESTORE_BACKUP,
}


def gate(root: QWidget, store: Store) -> frozenset[str]:
    """Hide every gated widget and action under ``root`` the role may not use, and show again
    what an earlier call hid when the role now may (a login can change the role); returns the
    role's rights."""
    rights = permissions.allowed_actions(store)
    for action in root.findChildren(QAction):
        needed = RIGHTS.get(action.objectName())
        if needed is not None:
            action.setVisible(needed in rights)
            action.setEnabled(needed in rights)
    for widget in root.findChildren(QWidget):
        needed = RIGHTS.get(widget.objectName())
        if needed is None:
            continue
        if needed not in rights:
            widget.hide()
            widget.setProperty(_HIDDEN_BY_ROLE, True)
        elif widget.property(_HIDDEN_BY_ROLE):
            # Shown again only what the gate hid: a page may hide a widget for its own reasons.
            widget.setProperty(_HIDDEN_BY_ROLE, False)
            widget.show()
    return rights
