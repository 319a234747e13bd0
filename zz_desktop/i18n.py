"""One translation helper for everything outside Qt (CLI, services, validation, reports).

Message ids are the English texts; ``resources/translations/messages_de.json`` maps them to
German. German is the default language. A unit test checks that every literal passed to
:func:`t` has a German entry. The GUI uses Qt's ``tr()`` and ``.ts`` files instead.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

from zz_desktop.paths import resource_path

SUPPORTED = ("de", "en")
_language = os.environ.get("ZZ_LANG", "de") if os.environ.get("ZZ_LANG") in SUPPORTED else "de"


@cache
def _catalogue(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    path = resource_path("translations", f"messages_{lang}.json")
    with path.open(encoding="utf-8") as fh:
        data: dict[str, str] = json.load(fh)
    return data


def set_language(lang: str) -> None:
    global _language
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}")
    _language = lang


def get_language() -> str:
    return _language


def t(message: str, /, **kwargs: Any) -> str:
    """Translate ``message`` (English) into the current language and fill ``{placeholders}``."""
    text = _catalogue(_language).get(message, message)
    return text.format(**kwargs) if kwargs else text


def t_lang(lang: str, message: str, /, **kwargs: Any) -> str:
    """Translate into an explicit language (reports may be printed in a language of their own)."""
    text = _catalogue(lang).get(message, message)
    return text.format(**kwargs) if kwargs else text


def fmt_decimal(value: float, decimals: int = 1, lang: str | None = None) -> str:
    """A number as the language writes it: ``81,5`` in German, ``81.5`` in English."""
    text = f"{value:,.{decimals}f}"
    if (lang or _language) == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text
