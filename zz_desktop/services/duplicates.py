"""Duplicate detection for organisations and persons.

Names are compared folded (case, umlauts and ß, accents, punctuation) and, for organisations,
without their legal form ("Müller Metallbau GmbH & Co. KG" = "Mueller Metallbau"); rapidfuzz
scores the similarity. Records are compared only inside blocks that share a postcode, an
e-mail, a phone number or the beginning or end of the name, so that a scan of tens of thousands
of records takes seconds. Used while typing (:func:`similar_organisations`,
:func:`similar_persons`), by the import (:class:`OrgIndex`, :class:`PersonIndex`) and as a scan
of the whole database (:func:`scan`).

Scores run from 0 to 100; :data:`REPORT_SCORE` is where a pair is worth showing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select

from zz_desktop.i18n import t
from zz_desktop.importexport.normalise import core_name, fold
from zz_desktop.store.database import Store
from zz_desktop.store.models import Affiliation, Organisation, Person

REPORT_SCORE = 80
#: Names at least this similar are compared in full (cdist cut-off inside a block).
NAME_CUTOFF = 75


def reason_text(code: str) -> str:
    texts = {
        "same_name": t("same name"),
        "similar_name": t("similar name"),
        "esf_rule": t("same first name, last name and postcode"),
        "same_postcode": t("same postcode"),
        "same_email": t("same e-mail"),
        "same_phone": t("same phone number"),
        "same_organisation": t("same organisation"),
    }
    return texts.get(code, code)


def reasons_text(codes: Iterable[str]) -> str:
    return ", ".join(reason_text(c) for c in codes)


@dataclass(frozen=True)
class Candidate:
    """An existing record that may be the same as the one being entered or imported."""

    entity: str  # "organisation" | "person"
    id: str
    label: str
    score: int
    reasons: tuple[str, ...]
    #: True when the rule says "same record" (import links to it instead of creating one).
    exact: bool = False


@dataclass(frozen=True)
class DuplicatePair:
    entity: str
    first_id: str
    second_id: str
    first_label: str
    second_label: str
    score: int
    reasons: tuple[str, ...]


def phone_key(value: object) -> str:
    """Digits of a phone number with the German country code (0345 … = +49 345 …)."""
    digits = re.sub(r"\D", "", str(value or ""))
    if digits.startswith("0049"):
        digits = "49" + digits[4:]
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = "49" + digits[1:]
    return digits if len(digits) >= 7 else ""


# ------------------------------------------------------------------------------- records


@dataclass
class OrgRec:
    id: str
    name: str
    postcode: str = ""
    city: str = ""
    email: str = ""
    phone: str = ""
    #: WZ code where known: two firms of different divisions are not one firm.
    sector: str = ""
    core: str = field(init=False)
    dist: str = field(init=False)
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.core = core_name(self.name)
        self.dist = _distinctive(self.core)
        #: The distinctive words, sorted: what blocks and the fast pre-filter compare.
        self.key = " ".join(sorted((self.dist or self.core).split()))
        self.postcode = (self.postcode or "").strip()
        self.email = (self.email or "").strip().casefold()
        self.phone = phone_key(self.phone)

    @property
    def label(self) -> str:
        place = " ".join(x for x in (self.postcode, self.city) if x)
        return f"{self.name} ({place})" if place else self.name

    def block_keys(self) -> list[str]:
        # Blocks by the distinctive part of the name, not by "Tischlerei …".
        key = self.dist or self.core
        keys = [f"np:{key[:4]}", f"ns:{key[-4:]}"] if key else []
        if self.postcode:
            keys.append(f"pc:{self.postcode}")
        if self.email:
            keys.append(f"em:{self.email}")
        if self.phone:
            keys.append(f"ph:{self.phone}")
        return keys


@dataclass
class PersonRec:
    id: str
    first_name: str
    last_name: str
    postcode: str = ""
    email: str = ""
    phone: str = ""
    gender: str = ""
    birth_year: int | None = None
    org_ids: frozenset[str] = frozenset()
    first: str = field(init=False)
    last: str = field(init=False)
    full: str = field(init=False)
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.first = fold(self.first_name)
        self.last = fold(self.last_name)
        self.full = f"{self.first} {self.last}".strip()
        self.key = " ".join(sorted(self.full.split()))
        self.postcode = (self.postcode or "").strip()
        self.email = (self.email or "").strip().casefold()
        self.phone = phone_key(self.phone)

    @property
    def label(self) -> str:
        name = " ".join(x for x in (self.first_name, self.last_name) if x)
        return f"{name} ({self.postcode})" if self.postcode else name

    def block_keys(self) -> list[str]:
        initial = self.first[:1]
        keys = (
            [f"lp:{self.last[:3]}{initial}", f"ls:{self.last[-3:]}{initial}"] if self.last else []
        )
        if self.key:
            keys.append(f"nk:{self.key[:4]}")  # first and last name swapped
        if self.postcode:
            keys.append(f"pc:{self.postcode}")
        if self.email:
            keys.append(f"em:{self.email}")
        if self.phone:
            keys.append(f"ph:{self.phone}")
        return keys


# ------------------------------------------------------------------------------- scoring


#: Words so common in company names that they say little (folded).
COMMON_WORDS = frozenset(
    """und fuer der die das von am an im zum zur co gruppe service services handel betrieb
    tischlerei bautischlerei schreinerei elektro elektrotechnik baeckerei konditorei fleischerei
    metallbau stahlbau schlosserei autohaus kfz werkstatt pflegedienst ambulanter pflegeheim
    sozialstation praxis physiotherapie friseur friseursalon malerbetrieb maler dachdeckerei
    zimmerei bau bauunternehmen hochbau holzbau spedition logistik lagerlogistik transporte
    hotel landhotel pension gasthaus restaurant cafe steuerberatung steuerkanzlei kanzlei
    ingenieurbuero planungsbuero agentur werbeagentur medienagentur it beratung software
    softwarehaus softwareentwicklung systemhaus technik haustechnik heizung heizungsbau sanitaer
    landbaeckerei landfleischerei moebelwerkstatt seniorenresidenz pflegezentrum
    industrieservice maschinenservice maschinenbau anlagenbau lackierbetrieb modehaus
    druckerei druckhaus datenservice kunststofftechnik praezisionstechnik elektroinstallation
    autoservice haarstudio naturkost frischemarkt landmarkt baustoffhandel""".split()  # noqa: SIM905
)


def _distinctive(core: str) -> str:
    return " ".join(w for w in core.split() if w not in COMMON_WORDS)


def name_similarity(a: OrgRec, b: OrgRec) -> float:
    """Similarity of two organisation names, where words that many organisations share
    ("tischlerei", "pflegedienst") count half: "Tischlerei Ebert" is not "Tischlerei Langer"."""
    full = fuzz.token_sort_ratio(a.core, b.core)
    da, db = a.dist or a.core, b.dist or b.core
    if da == a.core and db == b.core:
        return full
    return (full + fuzz.token_set_ratio(da, db)) / 2


#: Two words this similar (rapidfuzz ratio) are one word with a typo.
SAME_WORD = 85
#: Remainders less similar than this name different trades.
SAME_REMAINDER = 75
#: What a different trade costs: enough to keep a shared surname and postcode below the line.
TRADE_PENALTY = 30


def _remainders(a: str, b: str) -> tuple[list[str], list[str], bool]:
    """The words of ``a`` and ``b`` left after pairing off the words they share (typos
    allowed), and whether any word was shared."""
    rest_b = b.split()
    rest_a: list[str] = []
    shared = False
    for word in a.split():
        match = next((w for w in rest_b if w == word), None) or next(
            (w for w in rest_b if fuzz.ratio(w, word) >= SAME_WORD), None
        )
        if match is None:
            rest_a.append(word)
        else:
            rest_b.remove(match)
            shared = True
    return rest_a, rest_b, shared


def different_trade(a: OrgRec, b: OrgRec) -> bool:
    """True when two names share a word (often the owner's surname) but go on differently:
    "Reising Bauunternehmen" / "Reising Kreusel", "Schulz Anlagenbau" / "Schulz Landhotel";
    or when both WZ codes are known and lie in different divisions. A name that only adds
    words ("Müller Metallbau" / "Müller & Söhne Metallbau") is no conflict."""
    if a.sector[:2] and b.sector[:2] and a.sector[:2] != b.sector[:2]:
        return True
    rest_a, rest_b, shared = _remainders(a.core, b.core)
    if not (shared and rest_a and rest_b):
        return False
    ra, rb = " ".join(sorted(rest_a)), " ".join(sorted(rest_b))
    return max(fuzz.ratio(ra, rb), fuzz.partial_ratio(ra, rb)) < SAME_REMAINDER


def compare_orgs(a: OrgRec, b: OrgRec) -> tuple[int, tuple[str, ...], bool]:
    """``(score, reasons, exact)`` of two organisations."""
    name = name_similarity(a, b)
    if a.core != b.core and different_trade(a, b):
        name -= TRADE_PENALTY
    reasons: list[str] = []
    same_pc = bool(a.postcode) and a.postcode == b.postcode
    pc_conflict = bool(a.postcode and b.postcode) and not same_pc
    same_email = bool(a.email) and a.email == b.email
    same_phone = bool(a.phone) and a.phone == b.phone
    reasons.append("same_name" if a.core == b.core else "similar_name")
    score = name
    if same_pc:
        reasons.append("same_postcode")
        score += 4
    elif pc_conflict:
        score -= 25
    if same_email:
        reasons.append("same_email")
    if same_phone:
        reasons.append("same_phone")
    if same_email or same_phone:
        # Branches of one firm share an address book entry; at two postcodes it is weaker.
        score = max(score, 75 if pc_conflict else 85 if name >= 60 else 70)
    if name < 60:
        reasons = [r for r in reasons if r not in ("similar_name", "same_postcode")]
    exact = a.core == b.core and not pc_conflict
    return max(0, min(100, round(score))), tuple(reasons), exact


def compare_persons(a: PersonRec, b: PersonRec) -> tuple[int, tuple[str, ...], bool]:
    """``(score, reasons, exact)`` of two persons."""
    name = fuzz.token_sort_ratio(a.full, b.full)
    same_names = a.first == b.first and a.last == b.last and bool(a.full)
    same_pc = bool(a.postcode) and a.postcode == b.postcode
    pc_conflict = bool(a.postcode and b.postcode) and not same_pc
    same_email = bool(a.email) and a.email == b.email
    same_phone = bool(a.phone) and a.phone == b.phone
    same_org = bool(a.org_ids & b.org_ids)
    reasons: list[str] = []
    if same_names and same_pc:
        reasons.append("esf_rule")
    else:
        reasons.append("same_name" if same_names else "similar_name")
        if same_pc:
            reasons.append("same_postcode")
    score = name
    if same_pc:
        score += 3
    elif pc_conflict:
        score -= 25
    elif not same_org:
        score -= 5  # a postcode is missing: weaker evidence
    if same_org:
        reasons.append("same_organisation")
        score += 3
    if a.gender in ("female", "male") and b.gender in ("female", "male") and a.gender != b.gender:
        score -= 15
    if a.birth_year and b.birth_year and a.birth_year != b.birth_year:
        score -= 30
    if same_email:
        reasons.append("same_email")
        score = max(score, 100 if name >= 70 else 80)
    if same_phone:
        reasons.append("same_phone")
        score = max(score, 85 if name >= 70 else 60)
    if name < 60:
        reasons = [r for r in reasons if r in ("same_email", "same_phone", "same_organisation")]
    exact = same_email or (same_names and (same_pc or same_org))
    return max(0, min(100, round(score))), tuple(reasons), exact


# ------------------------------------------------------------------------------- indexes


class _Index:
    entity = ""
    #: Fast similarity of the records' ``key`` that decides which pairs are scored in full.
    prefilter: Any = staticmethod(fuzz.ratio)

    def __init__(self, recs: Iterable[Any]) -> None:
        self.recs: dict[str, Any] = {}
        self.blocks: dict[str, list[str]] = defaultdict(list)
        for rec in recs:
            self.add(rec)

    def add(self, rec: Any) -> None:
        self.recs[rec.id] = rec
        for key in rec.block_keys():
            self.blocks[key].append(rec.id)

    def compare(self, a: Any, b: Any) -> tuple[int, tuple[str, ...], bool]:
        raise NotImplementedError

    def _name(self, rec: Any) -> str:
        raise NotImplementedError

    def find(
        self, rec: Any, min_score: int = REPORT_SCORE, thorough: bool = False
    ) -> list[Candidate]:
        """Records of the index that may be ``rec``, best first (exact matches always)."""
        ids: set[str] = set()
        for key in rec.block_keys():
            ids.update(self.blocks.get(key, ()))
        if thorough and self._name(rec):
            names = {i: self._name(r) for i, r in self.recs.items()}
            hits = process.extract(
                self._name(rec),
                names,
                scorer=self.prefilter,
                score_cutoff=NAME_CUTOFF,
                limit=50,
            )
            ids.update(key for _name, _score, key in hits)
        ids.discard(rec.id)
        found = []
        for other_id in ids:
            other = self.recs[other_id]
            score, reasons, exact = self.compare(rec, other)
            if exact or score >= min_score:
                found.append(Candidate(self.entity, other.id, other.label, score, reasons, exact))
        found.sort(key=lambda c: (not c.exact, -c.score, c.label))
        return found

    def pairs(self, min_score: int = REPORT_SCORE) -> list[DuplicatePair]:
        """Every pair inside the index scoring at least ``min_score``."""
        seen: set[tuple[str, str]] = set()
        # Different postcodes cost 25 points: such pairs stay below 80 unless an e-mail or a
        # phone number is shared (those pairs come from their own blocks).
        skip_conflicts = min_score >= REPORT_SCORE
        for key, ids in self.blocks.items():
            if len(ids) < 2:
                continue
            if key[:3] in ("em:", "ph:"):
                seen.update(
                    (a, b) if a < b else (b, a) for i, a in enumerate(ids) for b in ids[i + 1 :]
                )
                continue
            names = [self._name(self.recs[i]) for i in ids]
            for r, name in enumerate(names):
                # Only the names after this one: every pair once.
                hits = process.extract(
                    name,
                    names[r + 1 :],
                    scorer=self.prefilter,
                    score_cutoff=NAME_CUTOFF,
                    limit=None,
                )
                pc = self.recs[ids[r]].postcode
                for _choice, _score, c in hits:
                    a, b = ids[r], ids[r + 1 + c]
                    other_pc = self.recs[b].postcode
                    if skip_conflicts and pc and other_pc and pc != other_pc:
                        continue  # cannot reach the report line on the name alone
                    seen.add((a, b) if a < b else (b, a))
        result = []
        for a_id, b_id in seen:
            a, b = self.recs[a_id], self.recs[b_id]
            score, reasons, exact = self.compare(a, b)
            if score >= min_score or exact:
                result.append(
                    DuplicatePair(self.entity, a_id, b_id, a.label, b.label, score, reasons)
                )
        result.sort(key=lambda p: (-p.score, p.first_label, p.first_id, p.second_id))
        return result


class OrgIndex(_Index):
    entity = "organisation"
    # A typo in "Pflegedienst" leaves it in the key: compare the words as sets.
    prefilter = staticmethod(fuzz.token_set_ratio)

    def compare(self, a: Any, b: Any) -> tuple[int, tuple[str, ...], bool]:
        return compare_orgs(a, b)

    def _name(self, rec: Any) -> str:
        return str(rec.key)

    @classmethod
    def load(cls, store: Store) -> OrgIndex:
        with store.read() as s:
            rows = s.execute(
                select(
                    Organisation.id,
                    Organisation.name,
                    Organisation.postcode,
                    Organisation.city,
                    Organisation.email,
                    Organisation.phone,
                    Organisation.sector_code,
                ).where(Organisation.deleted.is_(False))
            ).all()
        return cls(
            OrgRec(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6] or "")
            for r in rows
        )


class PersonIndex(_Index):
    entity = "person"

    def compare(self, a: Any, b: Any) -> tuple[int, tuple[str, ...], bool]:
        return compare_persons(a, b)

    def _name(self, rec: Any) -> str:
        return str(rec.key)

    @classmethod
    def load(cls, store: Store) -> PersonIndex:
        with store.read() as s:
            orgs: dict[str, set[str]] = defaultdict(set)
            for pid, oid in s.execute(
                select(Affiliation.person_id, Affiliation.organisation_id).where(
                    Affiliation.deleted.is_(False)
                )
            ):
                orgs[pid].add(oid)
            rows = s.execute(
                select(
                    Person.id,
                    Person.first_name,
                    Person.last_name,
                    Person.postcode,
                    Person.email,
                    Person.phone,
                    Person.gender,
                    Person.birth_year,
                ).where(Person.deleted.is_(False), Person.erased_at.is_(None))
            ).all()
        return cls(
            PersonRec(
                r[0],
                r[1] or "",
                r[2] or "",
                r[3] or "",
                r[4] or "",
                r[5] or "",
                r[6] or "",
                r[7],
                frozenset(orgs.get(r[0], ())),
            )
            for r in rows
        )


def org_rec(data: Mapping[str, Any], rec_id: str = "") -> OrgRec:
    return OrgRec(
        rec_id,
        str(data.get("name") or ""),
        str(data.get("postcode") or ""),
        str(data.get("city") or ""),
        str(data.get("email") or ""),
        str(data.get("phone") or ""),
        str(data.get("sector_code") or ""),
    )


def person_rec(data: Mapping[str, Any], rec_id: str = "", org_ids: Iterable[str] = ()) -> PersonRec:
    return PersonRec(
        rec_id,
        str(data.get("first_name") or ""),
        str(data.get("last_name") or ""),
        str(data.get("postcode") or ""),
        str(data.get("email") or ""),
        str(data.get("phone") or ""),
        str(data.get("gender") or ""),
        data.get("birth_year") if isinstance(data.get("birth_year"), int) else None,
        frozenset(org_ids),
    )


# ------------------------------------------------------------------------------- public API


def similar_organisations(
    store: Store, partial_data: Mapping[str, Any], limit: int = 5, exclude_id: str | None = None
) -> list[Candidate]:
    """Existing organisations like the one being typed (name, postcode, e-mail, phone)."""
    rec = org_rec(partial_data, exclude_id or "")
    if not (rec.core or rec.email or rec.phone):
        return []
    return OrgIndex.load(store).find(rec, min_score=70, thorough=True)[:limit]


def similar_persons(
    store: Store, partial_data: Mapping[str, Any], limit: int = 5, exclude_id: str | None = None
) -> list[Candidate]:
    """Existing persons like the one being typed (names, postcode, e-mail, phone)."""
    rec = person_rec(partial_data, exclude_id or "")
    if not (rec.full or rec.email or rec.phone):
        return []
    return PersonIndex.load(store).find(rec, min_score=70, thorough=True)[:limit]


def scan(store: Store, min_score: int = REPORT_SCORE) -> list[DuplicatePair]:
    """Possible duplicates among all organisations and all persons, best first."""
    pairs = OrgIndex.load(store).pairs(min_score) + PersonIndex.load(store).pairs(min_score)
    pairs.sort(key=lambda p: (-p.score, p.entity, p.first_label))
    return pairs
