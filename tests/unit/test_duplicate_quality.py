"""How well the scan finds near-duplicates: 100 are injected into a demo database (typos,
legal-form variants, umlaut spellings, swapped case, swapped names) and precision and recall
are measured. The figures are recorded in docs/duplicates.md; run this file with ``-s`` to
print them."""

from __future__ import annotations

import random
import time
from typing import Any

from sqlalchemy import select

from zz_desktop.importexport.normalise import LEGAL_FORMS
from zz_desktop.services.demo import generate_demo
from zz_desktop.services.duplicates import scan
from zz_desktop.store.database import Store
from zz_desktop.store.models import Organisation, Person

SEED = 7
INJECTED = 100
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}


def _typo(rng: random.Random, text: str) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text + text[-1]
    i = rng.choice(letters[1:-1])
    kind = rng.choice(("swap", "drop", "double", "replace"))
    if kind == "swap" and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == "drop":
        return text[:i] + text[i + 1 :]
    if kind == "double":
        return text[:i] + text[i] + text[i:]
    return text[:i] + rng.choice("aeinrst") + text[i + 1 :]


def _umlauts(text: str) -> str:
    out = "".join(UMLAUTS.get(ch, ch) for ch in text)
    return out if out != text else text.upper()


def _org_variant(rng: random.Random, name: str) -> str:
    kind = rng.choice(("legal", "umlaut", "case", "typo", "legal_typo"))
    if kind in ("legal", "legal_typo"):
        forms = [canonical for _, canonical in LEGAL_FORMS]
        base = name
        for _, canonical in LEGAL_FORMS:
            if name.endswith(" " + canonical):
                base = name[: -len(canonical) - 1]
                break
        name = base if rng.random() < 0.4 else f"{base} {rng.choice(forms)}"
        return _typo(rng, name) if kind == "legal_typo" else name
    if kind == "umlaut":
        return _umlauts(name)
    if kind == "case":
        return name.upper() if rng.random() < 0.5 else name.lower()
    return _typo(rng, name)


def _person_variant(rng: random.Random, first: str, last: str) -> tuple[str, str]:
    kind = rng.choice(("typo_last", "typo_first", "umlaut", "case", "swap"))
    if kind == "typo_last":
        return first, _typo(rng, last)
    if kind == "typo_first":
        return _typo(rng, first), last
    if kind == "umlaut":
        return _umlauts(first), _umlauts(last)
    if kind == "case":
        return first.upper(), last.upper()
    return last, first


def _inject(store: Store, rng: random.Random) -> set[tuple[str, str]]:
    with store.read() as s:
        orgs = s.scalars(select(Organisation).where(Organisation.deleted.is_(False))).all()
        persons = s.scalars(
            select(Person).where(Person.deleted.is_(False), Person.last_name.is_not(None))
        ).all()
    truth: set[tuple[str, str]] = set()
    new: list[Any] = []
    for org in rng.sample(list(orgs), INJECTED // 2):
        copy = Organisation(
            name=_org_variant(rng, org.name),
            postcode=org.postcode if rng.random() < 0.85 else None,
            city=org.city,
        )
        new.append(copy)
        truth.add(tuple(sorted((org.id, copy.id))))  # type: ignore[arg-type]
    for person in rng.sample(list(persons), INJECTED // 2):
        first, last = _person_variant(rng, person.first_name or "", person.last_name or "")
        copy = Person(
            first_name=first,
            last_name=last,
            postcode=person.postcode if rng.random() < 0.85 else None,
            gender=person.gender,
        )
        new.append(copy)
        truth.add(tuple(sorted((person.id, copy.id))))  # type: ignore[arg-type]
    with store.write() as s:
        s.add_all(new)
    return truth


def test_precision_and_recall_on_demo_data(store: Store) -> None:
    generate_demo(store, consultations=2000, seed=SEED)
    truth = _inject(store, random.Random(SEED))
    started = time.perf_counter()
    pairs = scan(store)
    seconds = time.perf_counter() - started
    found = {tuple(sorted((p.first_id, p.second_id))) for p in pairs}
    hits = found & truth
    precision = len(hits) / len(found)
    recall = len(hits) / len(truth)
    with store.read() as s:
        n_orgs = len(s.scalars(select(Organisation.id)).all())
        n_persons = len(s.scalars(select(Person.id)).all())
    print(
        f"\n{n_orgs} organisations, {n_persons} persons, {len(truth)} injected: "
        f"{len(found)} pairs reported, {len(hits)} correct; precision {precision:.3f}, "
        f"recall {recall:.3f}, scan {seconds:.2f} s"
    )
    with store.read() as s:

        def describe(record_id: str) -> str:
            org, person = s.get(Organisation, record_id), s.get(Person, record_id)
            if org is not None:
                return f"{org.name} ({org.postcode})"
            assert person is not None
            return f"{person.first_name} {person.last_name} ({person.postcode})"

        missed = [" / ".join(describe(i) for i in pair) for pair in truth - found]
    assert recall >= 0.9, "\n".join(str(m) for m in missed)
    false = [
        (p.first_label, p.second_label, p.score, p.reasons)
        for p in pairs
        if (p.first_id, p.second_id) not in truth and (p.second_id, p.first_id) not in truth
    ]
    assert precision >= 0.9, "\n".join(str(x) for x in sorted(false))
