"""Reference data the PDF layouts print: the centre's header, the topic labels and the advisors'
names. The report modules read them here, so no layout code touches the store itself."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from zz_desktop.store.database import Store
from zz_desktop.store.models import AppUser, Centre, Topic

#: Store setting with the funding line printed at the foot of every page.
FUNDING_SETTING = "reports.funding_line"


@dataclass(frozen=True)
class CentreHeader:
    name: str | None
    address: str | None
    logo_png: bytes | None
    funding_line: str | None


def centre_header(store: Store) -> CentreHeader:
    """The local centre row of the profile (None fields without one) and the funding setting."""
    name = address = None
    logo: bytes | None = None
    if store.actor.centre_id:
        with store.read() as session:
            centre = session.get(Centre, store.actor.centre_id)
            if centre is not None:
                name, address, logo = centre.name, centre.address, centre.logo_png
    funding = store.get_setting(FUNDING_SETTING)
    return CentreHeader(
        name, address, logo, funding if isinstance(funding, str) and funding.strip() else None
    )


def topic_labels(store: Store, lang: str) -> dict[str, str]:
    with store.read() as session:
        return {
            tp.code: (tp.label_de if lang == "de" else tp.label_en)
            for tp in session.scalars(select(Topic))
        }


def user_names(store: Store) -> dict[str, str]:
    with store.read() as session:
        return dict(session.execute(select(AppUser.id, AppUser.display_name)).all())  # type: ignore[arg-type]
