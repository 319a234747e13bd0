"""Every message of the Qt-free code exists in German; placeholders survive translation."""

from __future__ import annotations

import string

from tests.support.i18n_scan import catalogue, messages


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_has_a_german_translation() -> None:
    known = catalogue()
    missing = {m: where for m, where in messages().items() if not known.get(m)}
    assert not missing, f"untranslated (run python -m tests.support.i18n_scan): {missing}"


def test_placeholders_match() -> None:
    for english, german in catalogue().items():
        assert _fields(english) == _fields(german), english


def test_no_stale_entries() -> None:
    used = set(messages())
    stale = [m for m in catalogue() if m not in used]
    assert not stale, stale
