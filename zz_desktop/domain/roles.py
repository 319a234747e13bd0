"""The roles table (privacy-security.md) as data: which role may take which action. One place,
used by the GUI (hide or refuse with a reason) and the CLI (one-line refusal), in addition to
the hub's own checks — so an advisor cannot erase locally only to have the hub restore it."""

from __future__ import annotations

from typing import Final

ADVISOR, MANAGER, COORDINATOR, ADMIN = "advisor", "manager", "coordinator", "admin"
ROLES: Final = (ADVISOR, MANAGER, COORDINATOR, ADMIN)

# Actions (stable identifiers, also used in tests).
EDIT_RECORDS = "edit_records"
PRINT_PROTOCOL = "print_protocol"
PRIVACY_ACCESS = "privacy_access"
MANAGE_CONSENT = "manage_consent"
CENTRE_REPORTS = "centre_reports"
ERASE_PERSON = "erase_person"
REVIEW_RETENTION = "review_retention"
RESOLVE_ANY_CONFLICT = "resolve_any_conflict"
CROSS_CENTRE_REPORT = "cross_centre_report"
#: A centre's own partner offers (programme-wide ones: the coordinating centre, on the hub).
MANAGE_PARTNER_OFFERS = "manage_partner_offers"
#: Publish or withdraw the centre's Wissenspool items (advisors propose).
PUBLISH_KNOWLEDGE = "publish_knowledge"

_ADVISOR = frozenset({EDIT_RECORDS, PRINT_PROTOCOL, PRIVACY_ACCESS, MANAGE_CONSENT})
PERMISSIONS: Final[dict[str, frozenset[str]]] = {
    ADVISOR: _ADVISOR,
    MANAGER: _ADVISOR
    | {
        CENTRE_REPORTS,
        ERASE_PERSON,
        REVIEW_RETENTION,
        RESOLVE_ANY_CONFLICT,
        MANAGE_PARTNER_OFFERS,
        PUBLISH_KNOWLEDGE,
    },
    # The coordinating centre sees aggregates only; the admin manages the hub, not records.
    COORDINATOR: frozenset({CROSS_CENTRE_REPORT}),
    ADMIN: frozenset(),
}


def may(role: str | None, action: str) -> bool:
    """True when ``role`` may take ``action`` (an unknown role may do nothing)."""
    return action in PERMISSIONS.get(role or "", frozenset())


def roles_allowed(action: str) -> list[str]:
    """The roles that may take ``action`` (for the refusal message)."""
    return [role for role in ROLES if action in PERMISSIONS[role]]
