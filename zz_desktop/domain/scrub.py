"""Removing a person's identifiers from free text (GDPR Art. 17): which strings identify the
person as they were stored, and replacing them in text, JSON values and nested structures.

Plain Python, used by the erasing device (services.privacy) and by a device that applies an
erase pulled from the hub (sync.apply)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

#: What an identifier is replaced with (language-neutral on purpose: it ends up in stored text).
REPLACEMENT = "[***]"
#: Shorter values (initials, "Li") would blank ordinary words in unrelated texts.
MIN_LENGTH = 3
IDENTIFYING_FIELDS = ("first_name", "last_name", "email", "phone")


def identifiers(person: Mapping[str, Any]) -> list[str]:
    """The person's names, e-mail and phone as stored, longest first (so "Erika Muster" is
    replaced as a whole before "Erika")."""
    found: set[str] = set()
    first = str(person.get("first_name") or "").strip()
    last = str(person.get("last_name") or "").strip()
    if first and last:
        found.update({f"{first} {last}", f"{last}, {first}", f"{last} {first}"})
    for name in IDENTIFYING_FIELDS:
        value = str(person.get(name) or "").strip()
        if len(value) >= MIN_LENGTH:
            found.add(value)
    phone = str(person.get("phone") or "")
    digits = re.sub(r"\D", "", phone)
    if len(digits) >= 6:
        found.add(digits)
    return sorted(found, key=lambda s: (-len(s), s))


def _pattern(idents: Iterable[str]) -> re.Pattern[str] | None:
    parts = [re.escape(i) for i in idents if i]
    if not parts:
        return None
    # Word-ish boundaries: "Muster" is replaced in "Frau Muster," but not in "Mustermann".
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


class Scrubber:
    """Replaces the identifiers of one person in strings and JSON-like values."""

    def __init__(self, idents: Iterable[str]) -> None:
        self.idents = list(idents)
        self._re = _pattern(self.idents)

    def __bool__(self) -> bool:
        return self._re is not None

    def mentions(self, value: Any) -> bool:
        if self._re is None:
            return False
        if isinstance(value, str):
            return self._re.search(value) is not None
        if isinstance(value, Mapping):
            return any(self.mentions(v) for v in value.values())
        if isinstance(value, list | tuple):
            return any(self.mentions(v) for v in value)
        return False

    def clean(self, value: Any) -> Any:
        """``value`` with every identifier replaced (same type; non-text values unchanged)."""
        if self._re is None:
            return value
        if isinstance(value, str):
            return self._re.sub(REPLACEMENT, value)
        if isinstance(value, Mapping):
            return {k: self.clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.clean(v) for v in value]
        return value

    def like_terms(self) -> list[str]:
        """LIKE patterns that pre-select candidate rows in SQL (SQLite LIKE ignores ASCII case;
        the exact check is ``mentions``)."""
        return [f"%{i}%" for i in self.idents]
