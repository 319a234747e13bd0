"""Errors the user can act on: each carries one clear, translated line (no traceback)."""

from __future__ import annotations


class UserError(Exception):
    """An error whose message is shown as is (CLI: one line on stderr, exit code ``exit_code``)."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ProfileError(UserError):
    """The profile cannot be opened: wrong key, damaged file, newer schema, no key source."""

    exit_code = 2


class ValidationFailed(UserError):
    """Input failed validation; ``errors`` maps field names to messages."""

    exit_code = 3

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


class NotFound(UserError):
    exit_code = 4


class NotAllowed(UserError):
    """The role of this profile may not take the action (domain.roles); the message says why."""

    exit_code = 3
