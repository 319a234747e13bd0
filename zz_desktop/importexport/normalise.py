"""Normalising what people type: names folded for comparison (case, umlauts, ß, punctuation),
legal-form suffixes of German companies, phone numbers, postcodes, birth years and genders."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import phonenumbers

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": " und ", "+": " und "})
_NON_WORD = re.compile(r"[^0-9a-z]+")

#: Legal forms as they appear after :func:`fold` (longest first). Canonical spelling second.
LEGAL_FORMS: tuple[tuple[str, str], ...] = (
    ("gmbh und co kgaa", "GmbH & Co. KGaA"),
    ("gmbh und co kg", "GmbH & Co. KG"),
    ("ag und co kg", "AG & Co. KG"),
    ("ug haftungsbeschraenkt und co kg", "UG (haftungsbeschränkt) & Co. KG"),
    ("ug haftungsbeschraenkt", "UG (haftungsbeschränkt)"),
    ("ug haftungsbeschr", "UG (haftungsbeschränkt)"),
    ("partg mbb", "PartG mbB"),
    ("partgmbb", "PartG mbB"),
    ("ggmbh", "gGmbH"),
    ("gmbh", "GmbH"),
    ("mbh", "mbH"),
    ("kgaa", "KGaA"),
    ("e kfm", "e.K."),
    ("e kfr", "e.K."),
    ("e k", "e.K."),
    ("e v", "e.V."),
    ("ev", "e.V."),
    ("eg", "eG"),
    ("gbr", "GbR"),
    ("ohg", "OHG"),
    ("kg", "KG"),
    ("ag", "AG"),
    ("ug", "UG (haftungsbeschränkt)"),
    ("se", "SE"),
    ("partg", "PartG"),
    ("ltd", "Ltd."),
)
_LEGAL_RE = re.compile(r"\b(?:" + "|".join(re.escape(f) for f, _ in LEGAL_FORMS) + r")\b")
#: "Bäckerei Schulz Inh. Anna Schulz": everything from "Inh." on names the owner, not the firm.
_OWNER_RE = re.compile(r"\b(?:inh|inhaber|inhaberin)\b.*$")


def fold(text: object) -> str:
    """Lower case, umlauts as ae/oe/ue, ß as ss, other accents dropped, punctuation as spaces."""
    value = unicodedata.normalize("NFC", str(text or "")).casefold().translate(_FOLD)
    value = unicodedata.normalize("NFKD", value)
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", value).split())


def core_name(name: object) -> str:
    """An organisation's name for comparison: folded, without legal form and owner."""
    value = _OWNER_RE.sub("", fold(name))
    stripped = " ".join(_LEGAL_RE.sub(" ", value).split())
    return stripped or value


def legal_form_of(name: str) -> str | None:
    """The canonical legal form named at the end of a company name, if any."""
    folded = _OWNER_RE.sub("", fold(name)).strip()
    for form, canonical in LEGAL_FORMS:
        if folded.endswith(" " + form):
            return canonical
    return None


# ----------------------------------------------------------------------------- contact fields


def normalise_phone(raw: str) -> tuple[str, bool]:
    """``(value, ok)``: the number in international format if it parses as a valid number
    (region DE by default), else the text as given and ``ok`` False."""
    text = raw.strip()
    if not text:
        return "", True
    candidate = text.removeprefix("tel:").replace("(0)", "")
    try:
        number = phonenumbers.parse(candidate, "DE")
    except phonenumbers.NumberParseException:
        return text, False
    if not phonenumbers.is_valid_number(number):
        return text, False
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL), True


def normalise_postcode(raw: str) -> tuple[str, bool]:
    """``(value, repaired)``: spreadsheets drop the leading zero of eastern postcodes (1067 →
    01067); ``D-06108`` and ``06108.0`` are cleaned as well."""
    text = raw.strip().upper().removeprefix("D-").removeprefix("DE-").strip()
    if re.fullmatch(r"\d+\.0", text):
        text = text[:-2]
    if re.fullmatch(r"\d{4}", text):
        return "0" + text, True
    return text, False


def normalise_email(raw: str) -> str:
    text = raw.strip().removeprefix("mailto:").strip()
    # "Anna Müller <anna@example.org>" as some tools export it.
    match = re.search(r"<([^<>@\s]+@[^<>\s]+)>", text)
    return match.group(1) if match else text


def birth_year_of(raw: str) -> int | None:
    """A birth year from a year, an ISO or German date, or an Outlook/vCard date."""
    text = raw.strip()
    if not text or text in ("0.0.00", "00.00.0000"):
        return None
    if re.fullmatch(r"[12]\d{3}", text):
        return int(text)  # implausible years are for the validation to reject
    for pattern in (r"(19|20)\d\d(?=-?\d\d-?\d\d)", r"(?<=\.)(19|20)\d\d$", r"(?<=/)(19|20)\d\d$"):
        if match := re.search(pattern, text):
            return int(match.group(0))
    if match := re.fullmatch(r"\d{1,2}\.\d{1,2}\.(\d\d)", text):
        year = int(match.group(1))
        return 1900 + year if 1900 + year <= dt.date.today().year - 14 else 2000 + year
    return None


_GENDERS = {
    "female": ("w", "weiblich", "f", "female", "frau", "woman", "fem"),
    "male": ("m", "maennlich", "male", "herr", "man", "mann"),
    "non_binary": ("d", "divers", "x", "non binary", "nonbinary", "diverse", "nicht binaer"),
    "not_stated": ("", "k a", "keine angabe", "unknown", "unbekannt", "not stated", "u"),
}
_GENDER_BY_TEXT = {word: code for code, words in _GENDERS.items() for word in words}


def gender_of(raw: str) -> str | None:
    """Our gender code for what a list says ("w", "weiblich", "Frau", "female" …), or None."""
    return _GENDER_BY_TEXT.get(fold(raw))


def split_full_name(full: str) -> tuple[str, str]:
    """``("Anna", "Müller")`` from "Anna Müller" or "Müller, Anna"."""
    text = " ".join(full.split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    if " " in text:
        first, _, last = text.rpartition(" ")
        return first, last
    return "", text
