"""Column mapping: which column of a file feeds which field of an organisation or a person.

:func:`guess_mapping` knows the header names of Outlook and Thunderbird exports (German and
English), of CRM and event registration tools, and falls back on key words. A mapping is a
``{header: target}`` dict; ``None`` (or ``""``) means "ignore this column".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from zz_desktop.i18n import t
from zz_desktop.importexport.normalise import fold

#: Every target a column can feed, in the order the wizard offers them.
TARGETS: tuple[str, ...] = (
    "organisation.name",
    "organisation.legal_form",
    "organisation.street",
    "organisation.postcode",
    "organisation.city",
    "organisation.state",
    "organisation.ags",
    "organisation.phone",
    "organisation.email",
    "organisation.website",
    "organisation.sector_code",
    "organisation.employees",
    "organisation.notes",
    "person.salutation",
    "person.first_name",
    "person.last_name",
    "person.full_name",
    "person.gender",
    "person.birth_year",
    "person.postcode",
    "person.email",
    "person.phone",
    "person.mobile",
    "person.notes",
    "affiliation.function_title",
)


def target_label(target: str) -> str:
    labels = {
        "organisation.name": t("Organisation: name"),
        "organisation.legal_form": t("Organisation: legal form"),
        "organisation.street": t("Organisation: street"),
        "organisation.postcode": t("Organisation: postcode"),
        "organisation.city": t("Organisation: city"),
        "organisation.state": t("Organisation: Land (plausibility check only)"),
        "organisation.ags": t("Organisation: municipality key (AGS)"),
        "organisation.phone": t("Organisation: phone"),
        "organisation.email": t("Organisation: e-mail"),
        "organisation.website": t("Organisation: website"),
        "organisation.sector_code": t("Organisation: sector code (WZ)"),
        "organisation.employees": t("Organisation: employees"),
        "organisation.notes": t("Organisation: notes"),
        "person.salutation": t("Person: salutation"),
        "person.first_name": t("Person: first name"),
        "person.last_name": t("Person: last name"),
        "person.full_name": t("Person: full name (split into first and last name)"),
        "person.gender": t("Person: gender"),
        "person.birth_year": t("Person: birth year or birthday"),
        "person.postcode": t("Person: postcode"),
        "person.email": t("Person: e-mail"),
        "person.phone": t("Person: phone"),
        "person.mobile": t("Person: mobile phone"),
        "person.notes": t("Person: notes"),
        "affiliation.function_title": t("Person: job title at the organisation"),
    }
    return labels.get(target, target)


def _key(header: str) -> str:
    return fold(header).replace(" ", "")


def _aliases(target: str, *names: str) -> dict[str, str]:
    return {_key(n): target for n in names}


#: Exact header names (compared folded, without spaces and punctuation).
ALIASES: dict[str, str] = {
    **_aliases(
        "organisation.name",
        "Firma",
        "Firmenname",
        "Unternehmen",
        "Unternehmensname",
        "Organisation",
        "Organisationsname",
        "Organization",
        "Company",
        "Company Name",
        "Betrieb",
        "Arbeitgeber",
        "Institution",
        "Einrichtung",
        "Account",
        "Account Name",
        "Kunde",
    ),
    **_aliases("organisation.legal_form", "Rechtsform", "Legal Form"),
    **_aliases(
        "organisation.street",
        "Straße geschäftlich",
        "Geschäftlich Straße",
        "Business Street",
        "Dienstlich: Adresse",
        "Work Address",
        "Straße",
        "Strasse",
        "Straße und Hausnummer",
        "Street",
        "Adresse",
        "Anschrift",
        "Address",
    ),
    **_aliases(
        "organisation.postcode",
        "Postleitzahl geschäftlich",
        "PLZ geschäftlich",
        "Geschäftlich PLZ",
        "Geschäftlich Postleitzahl",
        "Business Postal Code",
        "Dienstlich: PLZ",
        "Work ZipCode",
        "Firma PLZ",
        "PLZ Firma",
        "PLZ Unternehmen",
    ),
    **_aliases(
        "organisation.city",
        "Ort geschäftlich",
        "Geschäftlich Ort",
        "Business City",
        "Dienstlich: Ort",
        "Work City",
        "Ort",
        "Stadt",
        "City",
        "Town",
        "Wohnort",
        "Sitz",
    ),
    **_aliases(
        "organisation.state",
        "Region geschäftlich",
        "Bundesland geschäftlich",
        "Business State",
        "Dienstlich: Bundesland",
        "Work State",
        "Bundesland",
        "Land (Bundesland)",
        "State",
    ),
    **_aliases("organisation.ags", "AGS", "Gemeindeschlüssel", "Amtlicher Gemeindeschlüssel"),
    **_aliases(
        "organisation.phone",
        "Telefon Firma",
        "Haupttelefon Firma",
        "Company Main Phone",
        "Zentrale",
        "Telefon Zentrale",
    ),
    **_aliases("organisation.email", "E-Mail Firma", "Firmen-E-Mail", "Company E-mail"),
    **_aliases(
        "organisation.website",
        "Webseite",
        "Website",
        "Web Page",
        "Webseite 1",
        "Web Page 1",
        "Homepage",
        "Internet",
        "URL",
        "Internetseite",
    ),
    **_aliases(
        "organisation.sector_code",
        "WZ",
        "WZ-Code",
        "WZ 2008",
        "WZ 2025",
        "Branchenschlüssel",
        "Sector Code",
        "NACE",
    ),
    **_aliases(
        "organisation.employees",
        "Mitarbeiter",
        "Mitarbeitende",
        "Beschäftigte",
        "Anzahl Beschäftigte",
        "Anzahl Mitarbeiter",
        "Employees",
        "Number of Employees",
        "Mitarbeiterzahl",
    ),
    **_aliases("person.salutation", "Anrede", "Salutation", "Title", "Titel", "Prefix"),
    **_aliases(
        "person.first_name",
        "Vorname",
        "First Name",
        "Firstname",
        "Given Name",
        "Rufname",
        "Vorname Teilnehmer",
        "Vorname Teilnehmerin",
    ),
    **_aliases(
        "person.last_name",
        "Nachname",
        "Last Name",
        "Lastname",
        "Surname",
        "Family Name",
        "Familienname",
        "Name",
        "Zuname",
    ),
    **_aliases(
        "person.full_name",
        "Anzeigename",
        "Display Name",
        "Vollständiger Name",
        "Full Name",
        "Vor- und Nachname",
        "Kontakt",
        "Ansprechpartner",
        "Ansprechpartnerin",
        "Contact",
        "Contact Name",
    ),
    **_aliases("person.gender", "Geschlecht", "Gender", "Sex"),
    **_aliases(
        "person.birth_year",
        "Geburtsjahr",
        "Birth Year",
        "Geburtstag",
        "Birthday",
        "Geburtsdatum",
        "Date of Birth",
    ),
    **_aliases(
        "person.postcode",
        "Postleitzahl privat",
        "PLZ privat",
        "Privat PLZ",
        "Home Postal Code",
        "Privat: PLZ",
        "Home ZipCode",
        "PLZ Wohnort",
        "PLZ (Wohnort)",
    ),
    **_aliases(
        "person.email",
        "E-Mail-Adresse",
        "E-Mail",
        "Email",
        "E-Mail Adresse",
        "E-mail Address",
        "Email Address",
        "Primäre E-Mail-Adresse",
        "Primary Email",
        "Mail",
        "E-Mail geschäftlich",
        "Geschäftlich E-Mail",
        "E-Mail privat",
    ),
    **_aliases(
        "person.phone",
        "Telefon geschäftlich",
        "Geschäftlich Telefon",
        "Business Phone",
        "Tel. dienstlich",
        "Work Phone",
        "Telefon",
        "Telefonnummer",
        "Phone",
        "Phone Number",
        "Tel",
        "Tel.",
        "Telefon privat",
        "Home Phone",
        "Tel. privat",
    ),
    **_aliases(
        "person.mobile",
        "Mobiltelefon",
        "Mobile Phone",
        "Mobil-Tel.-Nr.",
        "Mobile Number",
        "Mobil",
        "Handy",
        "Mobilnummer",
        "Mobile",
    ),
    **_aliases(
        "person.notes", "Notizen", "Notes", "Bemerkung", "Bemerkungen", "Kommentar", "Notiz"
    ),
    **_aliases(
        "affiliation.function_title",
        "Position",
        "Job Title",
        "Arbeitstitel",
        "Funktion",
        "Berufsbezeichnung",
        "Rolle",
    ),
}

#: Generic headers whose meaning depends on whether the file lists people or organisations.
_GENERIC_POSTCODE = {
    _key(n) for n in ("PLZ", "Postleitzahl", "Zip", "ZIP Code", "Postal Code", "Postcode")
}
_CONTACT_TARGETS = ("email", "phone", "postcode")


def _by_keyword(key: str) -> str | None:
    business = any(w in key for w in ("geschaeft", "business", "dienst", "work", "firma"))
    home = any(w in key for w in ("privat", "home", "wohn"))
    if "vorname" in key or "firstname" in key or "givenname" in key:
        return "person.first_name"
    if "nachname" in key or "lastname" in key or "familienname" in key or "surname" in key:
        return "person.last_name"
    if "fax" in key or "pager" in key:
        return None
    if "mail" in key:
        return None if any(ch.isdigit() for ch in key) or "typ" in key else "person.email"
    if "mobil" in key or "handy" in key or "cell" in key:
        return "person.mobile"
    if "telefon" in key or "phone" in key or key.startswith("tel"):
        return None if any(ch.isdigit() for ch in key) else "person.phone"
    if "plz" in key or "postleitzahl" in key or "postal" in key or "zip" in key:
        return "person.postcode" if home else "organisation.postcode"
    if ("strasse" in key or "street" in key) and not home:
        return "organisation.street"
    if (key[-3:] == "ort" or "city" in key) and not home and business:
        return "organisation.city"
    if "firma" in key or "unternehmen" in key or "company" in key or "organi" in key:
        return "organisation.name"
    return None


def guess_target(header: str, lists_people: bool) -> str | None:
    key = _key(header)
    if key in _GENERIC_POSTCODE:
        return "person.postcode" if lists_people else "organisation.postcode"
    target = ALIASES.get(key) or _by_keyword(key)
    if target and not lists_people and target.startswith("person."):
        field = target.split(".", 1)[1]
        if field in _CONTACT_TARGETS:
            return "organisation." + field
    return target


def guess_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """A target for every header (``None`` = ignore); each target is used once at most."""
    keys = [_key(h) for h in headers]
    people = ("person.first_name", "person.last_name", "person.full_name")
    lists_people = any(
        (ALIASES.get(k) in people and k != "name") or _by_keyword(k) in people for k in keys
    )
    used: set[str] = set()
    mapping: dict[str, str | None] = {}
    for header in headers:
        target = guess_target(header, lists_people)
        if target in used:
            target = None
        if target:
            used.add(target)
        mapping[header] = target
    # "Name" alone in a list without first names is the organisation's name.
    if not lists_people:
        for header, target in mapping.items():
            if target == "person.last_name" and "organisation.name" not in used:
                mapping[header] = "organisation.name"
    return mapping


def apply_saved(
    headers: Sequence[str], saved: Mapping[str, str | None] | None
) -> dict[str, str | None]:
    """A saved mapping for the headers it knows, guesses for the others (targets once)."""
    guessed = guess_mapping(headers)
    if not saved:
        return guessed
    mapping = {h: (saved.get(h) or None) for h in headers if h in saved}
    used = {v for v in mapping.values() if v}
    for header in headers:
        if header not in mapping:
            guess = guessed.get(header)
            mapping[header] = guess if guess not in used else None
            if guess:
                used.add(guess)
    return {h: mapping[h] for h in headers}


def check_mapping(mapping: Mapping[str, str | None]) -> list[str]:
    """Problems that make a mapping unusable (empty list = fine)."""
    targets = [v for v in mapping.values() if v]
    problems = [t("Unknown field {target}.", target=v) for v in targets if v not in TARGETS]
    doubled = sorted({v for v in targets if targets.count(v) > 1})
    problems += [t("Two columns feed {field}.", field=target_label(v)) for v in doubled]
    names = {"organisation.name", "person.first_name", "person.last_name", "person.full_name"}
    if not names & set(targets):
        problems.append(t("No column is mapped to a name of an organisation or a person."))
    return problems
