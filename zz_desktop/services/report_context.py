"""What the PDF reports read besides their figures: the centre's header (name, address, logo)
and the labels that come from data (the store's topic taxonomy, the users' display names). The
report layer lays these out; it never opens a session itself."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from zz_desktop.store.database import Store
from zz_desktop.store.models import AppUser, Centre, Topic


@dataclass(frozen=True)
class CentreHeader:
    name: str
    address: str
    #: The centre's own logo; None when it has none (the report uses the shipped one).
    logo_png: bytes | None


def centre_header(store: Store) -> CentreHeader | None:
    """The header data of this profile's centre; None when the profile has no centre (yet)."""
    if not store.actor.centre_id:
        return None
    with store.read() as session:
        centre = session.get(Centre, store.actor.centre_id)
        if centre is None:
            return None
        return CentreHeader(centre.name, centre.address or "", centre.logo_png or None)


@dataclass(frozen=True)
class DataLabels:
    #: Topic code → label in the report's language, from the store's taxonomy.
    topics: dict[str, str]
    #: User id → display name.
    users: dict[str, str]


def data_labels(store: Store, lang: str) -> DataLabels:
    """Topic labels in ``lang`` ("de" or anything else for English) and users' names, one read."""
    with store.read() as session:
        topics = {
            tp.code: (tp.label_de if lang == "de" else tp.label_en)
            for tp in session.scalars(select(Topic))
        }
        users = dict(session.execute(select(AppUser.id, AppUser.display_name)).all())
    return DataLabels(topics, users)
