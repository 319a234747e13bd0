"""Search folds ß/ss, umlauts and diacritics the same way at index and at query time, keeps the
text as written for display, gives each hit its context, and migration 0005 rebuilds the
index of an older profile."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from zz_desktop.domain.textfold import fold
from zz_desktop.services import consultations, events, organisations, persons
from zz_desktop.services.finder import find
from zz_desktop.store import search
from zz_desktop.store.database import Store


@pytest.mark.parametrize(
    "variants",
    [
        ("Müller", "Mueller", "muller", "MÜLLER"),
        ("Weißenfels", "weissenfels", "WEISSENFELS"),
        ("Nguyễn", "Nguyen", "nguyen"),
        ("Söhne", "Soehne", "sohne"),
        ("Yıldırım", "Yildirim"),
        ("Łódź", "Lodz"),
    ],
)
def test_fold_makes_spellings_equal(variants: tuple[str, ...]) -> None:
    assert len({fold(v) for v in variants}) == 1


def _fill(store: Store) -> dict[str, str]:
    org = organisations.create_organisation(
        store, {"name": "Müller & Söhne Metallbau", "postcode": "06667", "city": "Weißenfels"}
    )
    other = organisations.create_organisation(store, {"name": "Nguyễn Import", "city": "Leipzig"})
    person = persons.create_person(
        store, {"first_name": "Jürgen", "last_name": "Weiß"}, organisation_id=org.id
    )
    cons = consultations.record_consultation(
        store,
        {
            **consultations.new_consultation_defaults(store, org.id),
            "date": dt.date(2026, 3, 4),
            "title": "Nachfolgeplanung",
            "findings": "Die Übergabe an die Tochter ist für 2028 geplant.",
        },
    ).consultation
    ev = events.create_event(
        store,
        {
            "title": "Workshop Straßenbau",
            "type": "workshop",
            "start_date": dt.date(2026, 5, 6),
            "place": "Zeitz",
        },
    )
    return {"org": org.id, "other": other.id, "person": person.id, "cons": cons.id, "ev": ev.id}


def test_search_finds_every_spelling_and_shows_it_as_written(store: Store) -> None:
    ids = _fill(store)
    with store.read() as s:
        for typed in ("weissenfels", "Weißenf", "WEISSEN"):
            assert [h.entity_id for h in search.search(s, typed)] == [ids["org"]], typed
        for typed in ("Mueller", "muller", "Müll", "mueller soehne"):
            assert ids["org"] in [h.entity_id for h in search.search(s, typed)], typed
        assert [h.entity_id for h in search.search(s, "Nguyen")] == [ids["other"]]
        assert [h.entity_id for h in search.search(s, "nguyễn")] == [ids["other"]]
        assert [h.entity_id for h in search.search(s, "weiss jurgen")] == [ids["person"]]
        assert [h.entity_id for h in search.search(s, "strassenbau")] == [ids["ev"]]
        hit = search.search(s, "ubergabe")[0]
        # shown as written, with the match marked in the original spelling
        assert hit.entity_id == ids["cons"] and "[Übergabe]" in hit.snippet
        assert search.search(s, "Mueller")[0].title.startswith("Müller & Söhne")


def test_hits_carry_context(store: Store) -> None:
    ids = _fill(store)
    with store.read() as s:
        person = next(h for h in find(s, "weiß") if h.entity_id == ids["person"])
        assert person.context == "Müller & Söhne Metallbau"
        cons = find(s, "nachfolge")[0]
        assert (
            cons.entity_id == ids["cons"]
            and cons.context == "04.03.2026 · Müller & Söhne Metallbau"
        )
        ev = find(s, "workshop")[0]
        assert ev.context == "06.05.2026 · Zeitz"
        org = find(s, "nguyen")[0]
        assert org.context == "Leipzig"


def test_list_filter_text_is_folded_too(store: Store) -> None:
    ids = _fill(store)
    with store.read() as s:
        clause = search.fts_query("Weissenfels")
        rows = s.execute(
            text("SELECT entity_id FROM search_index WHERE search_index MATCH :q"), {"q": clause}
        ).all()
    assert [r[0] for r in rows] == [ids["org"]]


def test_migration_0005_rebuilds_the_index(store: Store) -> None:
    from alembic import command

    from zz_desktop.store.migrate import alembic_config

    ids = _fill(store)
    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(search_index)"))]
        assert "ftitle" not in cols
        command.upgrade(cfg, "head")
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(search_index)"))]
        assert {"ftitle", "fbody"} <= set(cols)
    with store.read() as s:
        assert [h.entity_id for h in search.search(s, "weissenfels")] == [ids["org"]]
