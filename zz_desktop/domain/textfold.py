"""One spelling-insensitive key for German and international names: the search index folds
what it stores and what the user types with :func:`fold`, and the duplicate scan compares
names through it, so that "Müller", "Mueller" and "muller", "Weißenfels" and "weissenfels",
"Nguyễn" and "Nguyen" are the same word."""

from __future__ import annotations

import re
import unicodedata

#: Letters that NFKD does not decompose into base letter + mark.
_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
)
#: Transliterated umlauts ("ue" for "ü") collapse to the base vowel, as "ü" does after the
#: diacritic is stripped. Applied to every text the same way, so it is a key, not a spelling.
_TRANSLIT = re.compile(r"([aou])e")


def fold(text: str) -> str:
    """Lower case, ß → ss, diacritics removed, ae/oe/ue → a/o/u."""
    if not text:
        return ""
    s = text.casefold().translate(_SPECIAL)  # casefold: "ß" → "ss", "ẞ" → "ss"
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return _TRANSLIT.sub(r"\1", s)
