"""One spelling-insensitive key for German and international names: the search index folds
what it stores and what the user types with :func:`fold`, and the duplicate scan compares
names through it, so that "Müller", "Mueller" and "muller", "Weißenfels" and "weissenfels",
"Nguyễn" and "Nguyen" are the same word."""

from __future__ import annotations

import re
import unicodedata

#: Letters that NFKD does not decompose into base letter + mark, and the German umlauts (the
#: common case: replaced directly, so that German text never needs the Unicode pass below).
_SPECIAL = (
    ("ä", "a"), ("ö", "o"), ("ü", "u"), ("ı", "i"), ("ł", "l"), ("ø", "o"), ("đ", "d"),
    ("ð", "d"), ("þ", "th"), ("æ", "ae"), ("œ", "oe"),
)  # fmt: skip
#: Combining marks left by NFKD (the blocks Latin, Greek and Vietnamese diacritics live in);
#: removed by one regex pass rather than a Python loop per character (search speed, B5).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case, ß → ss, diacritics removed, ae/oe/ue → a/o/u."""
    if not text:
        return ""
    s = text.casefold()  # "ß" → "ss", "ẞ" → "ss"
    if not s.isascii():
        for letter, plain in _SPECIAL:
            if letter in s:
                s = s.replace(letter, plain)
        if not s.isascii():
            s = _MARKS.sub("", unicodedata.normalize("NFKD", s))
    # Transliterated umlauts ("ue" for "ü") collapse to the base vowel, as "ü" does. Applied to
    # every text the same way, so it is a key, not a spelling ("Quelle" = "Qulle").
    return s.replace("ae", "a").replace("oe", "o").replace("ue", "u")
