"""The roles table (privacy-security.md) as data: which role may take which action. One place,
used by the GUI (hide or refuse with a reason) and the CLI (one-line refusal), in addition to
the hub's own checks — so an advisor cannot erase locally only to have the hub restore it.

The design table names four rights beyond record work (reports for the centre, erase persons,
resolve any conflict, the cross-centre report). The other actions here are how the desktop
spells "create, edit, delete own centre's records" and "sees all records of own centre":
import, merge, export and backups handle the centre's personal data, so only the roles that see
records (advisor, manager) may take them. Decisions of the controller — the privacy settings
(retention period, backup policy), the retention review — are the manager's."""

from __future__ import annotations

from typing import Final

from zz_desktop.i18n import t

ADVISOR, MANAGER, COORDINATOR, ADMIN = "advisor", "manager", "coordinator", "admin"
ROLES: Final = (ADVISOR, MANAGER, COORDINATOR, ADMIN)

# Actions (stable identifiers, also used in tests).
EDIT_RECORDS = "edit_records"
PRINT_PROTOCOL = "print_protocol"
PRIVACY_ACCESS = "privacy_access"
MANAGE_CONSENT = "manage_consent"
IMPORT_RECORDS = "import_records"
MERGE_RECORDS = "merge_records"
EXPORT_RECORDS = "export_records"
BACKUP_PROFILE = "backup_profile"
RESTORE_BACKUP = "restore_backup"
RESOLVE_OWN_CONFLICT = "resolve_own_conflict"
CENTRE_REPORTS = "centre_reports"
ERASE_PERSON = "erase_person"
REVIEW_RETENTION = "review_retention"
PRIVACY_SETTINGS = "privacy_settings"
RESOLVE_ANY_CONFLICT = "resolve_any_conflict"
CROSS_CENTRE_REPORT = "cross_centre_report"
#: A centre's own partner offers (programme-wide ones: the coordinating centre, on the hub).
MANAGE_PARTNER_OFFERS = "manage_partner_offers"
#: Publish or withdraw the centre's Wissenspool items (advisors propose).
PUBLISH_KNOWLEDGE = "publish_knowledge"

_ADVISOR = frozenset(
    {
        EDIT_RECORDS,
        PRINT_PROTOCOL,
        PRIVACY_ACCESS,
        MANAGE_CONSENT,
        IMPORT_RECORDS,
        MERGE_RECORDS,
        EXPORT_RECORDS,
        BACKUP_PROFILE,
        RESTORE_BACKUP,
        RESOLVE_OWN_CONFLICT,
    }
)
PERMISSIONS: Final[dict[str, frozenset[str]]] = {
    ADVISOR: _ADVISOR,
    MANAGER: _ADVISOR
    | {
        CENTRE_REPORTS,
        ERASE_PERSON,
        REVIEW_RETENTION,
        PRIVACY_SETTINGS,
        RESOLVE_ANY_CONFLICT,
        MANAGE_PARTNER_OFFERS,
        PUBLISH_KNOWLEDGE,
    },
    # The coordinating centre sees aggregates only; the admin manages the hub, not records.
    COORDINATOR: frozenset({CROSS_CENTRE_REPORT}),
    ADMIN: frozenset(),
}
ACTIONS: Final = frozenset().union(*PERMISSIONS.values())

#: The right each report kind needs (reports.KINDS).
REPORT_ACTIONS: Final = {
    "protocol": PRINT_PROTOCOL,
    "activity": CENTRE_REPORTS,
    "esf": CENTRE_REPORTS,
    "selfemployed": CENTRE_REPORTS,
    "crosscentre": CROSS_CENTRE_REPORT,
}


def may(role: str | None, action: str) -> bool:
    """True when ``role`` may take ``action`` (an unknown role may do nothing)."""
    return action in PERMISSIONS.get(role or "", frozenset())


def roles_allowed(action: str) -> list[str]:
    """The roles that may take ``action`` (for the refusal message)."""
    return [role for role in ROLES if action in PERMISSIONS[role]]


def effective_role(stored_role: str | None, hub_url: str | None) -> str:
    """The role a profile acts in: the one the hub reported at login; a profile that was never
    logged in is its single user's own database (the controller: manager's rights); logged in
    once with no role known: the least rights."""
    if stored_role:
        return stored_role
    return ADVISOR if hub_url else MANAGER


def role_label(role: str) -> str:
    labels = {
        ADVISOR: t("advisor"),
        MANAGER: t("centre manager"),
        COORDINATOR: t("coordinator"),
        ADMIN: t("hub administrator"),
    }
    return labels.get(role, role)


def refusal(role: str, action: str) -> str:
    """The one-line reason why ``role`` may not take ``action``."""
    return t(
        "Your role ({role}) may not do this; it needs the role: {allowed}.",
        role=role_label(role),
        allowed=", ".join(role_label(r) for r in roles_allowed(action)) or "-",
    )
