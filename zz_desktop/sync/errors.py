"""Sync failures the user can act on. Each is a :class:`UserError` with one translated line."""

from __future__ import annotations

from zz_desktop.errors import UserError
from zz_desktop.i18n import t


class SyncError(UserError):
    """Base of every sync failure."""

    exit_code = 5


class NotLoggedIn(SyncError):
    def __init__(self) -> None:
        super().__init__(t("This profile is not logged in to a hub. Log in first."))


class Offline(SyncError):
    """The hub could not be reached (after retries); local data and the outbox are kept."""

    exit_code = 6

    def __init__(self, detail: str = "") -> None:
        # The technical cause ("ConnectError", "HTTP 503") is for the log, not for the user.
        super().__init__(
            t("The hub cannot be reached right now. Your changes are kept and sent later.")
        )
        self.detail = detail


class TokenRevoked(SyncError):
    """401: the device token is no longer valid; it has been removed, local data stays."""

    exit_code = 7

    def __init__(self) -> None:
        super().__init__(
            t(
                "The hub no longer accepts this device (signed out or access revoked). "
                "Log in again; your local data is kept."
            )
        )


class ClientOutdated(SyncError):
    """426: the hub does not speak this protocol/schema version; the outbox is kept."""

    exit_code = 8

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            t(
                "This version of the app is not supported by the hub. Please update the app; "
                "your unsent changes are kept. ({detail})",
                detail=detail,
            )
        )
        self.detail = detail


class MassDeleteBlocked(SyncError):
    """A pull would delete more than 25 % (and more than 20) of the local rows of an entity."""

    exit_code = 9

    def __init__(self, entity: str, deletes: int, total: int) -> None:
        super().__init__(
            t(
                "The hub would delete {deletes} of {total} local {entity} records. Sync stopped "
                "to ask you first; confirm to continue (command line: --allow-mass-delete).",
                deletes=deletes,
                total=total,
                entity=entity,
            )
        )
        self.entity = entity
        self.deletes = deletes
        self.total = total


class SyncBusy(SyncError):
    """Another sync round of this profile is running."""

    exit_code = 10

    def __init__(self) -> None:
        super().__init__(t("A sync of this profile is already running."))


class HubError(SyncError):
    """Any other answer of the hub that is not a success."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(t("The hub answered {status}: {detail}", status=status, detail=detail))
        self.status = status
        self.detail = detail


class LoginFailed(SyncError):
    def __init__(self, detail: str) -> None:
        super().__init__(t("Login failed: {detail}", detail=detail))
        self.detail = detail


class InsecureHub(SyncError):
    """An ``http://`` hub address outside this computer without ``--insecure-http``."""

    def __init__(self, host: str) -> None:
        super().__init__(
            t(
                "The hub address {host} is not encrypted (http://): password and token would "
                "travel in clear text. Use https:// (command line: --insecure-http to allow it "
                "on a trusted network).",
                host=host,
            )
        )


class CertificateInvalid(SyncError):
    """TLS certificate verification failed: never retried, never called "offline"."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            t(
                "The hub's certificate is not trusted ({reason}). Check the hub address; a "
                "private CA can be named with ZZ_SYNC_CA_BUNDLE.",
                reason=reason,
            )
        )
        self.reason = reason


class CursorGone(Exception):
    """410 on pull: the cursor is older than the hub's kept history (internal, handled)."""
