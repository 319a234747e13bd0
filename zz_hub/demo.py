"""``zz-hub demo``: centres and accounts to try the system (idempotent; password ``demo``)."""

from __future__ import annotations

from sqlalchemy import select

from zz_hub.admin import add_user, centre_by_code, create_centre
from zz_hub.config import HubSettings
from zz_hub.db import Database
from zz_hub.models import HubUser

DEMO_PASSWORD = "demo"

DEMO_CENTRES = (
    ("ZZ-ST", "Regionales Zukunftszentrum Sachsen-Anhalt", "ST", "regional"),
    ("ZZ-SN", "Regionales Zukunftszentrum Sachsen", "SN", "regional"),
    ("ZZ-TH", "Regionales Zukunftszentrum Thüringen", "TH", "regional"),
    ("HDS", "Haus der Selbstständigen", "BE", "self_employed"),
    ("ZZA", "Zentrum Zukunft der Arbeitswelt", "BE", "coordination"),
)

#: (username, centre, role, display name, partner institution)
DEMO_USERS = (
    ("berater1", "ZZ-ST", "advisor", "Anna Berger", "Otto-von-Guericke-Universität Magdeburg"),
    ("berater2", "ZZ-ST", "advisor", "Jonas Krüger", "Handwerkskammer Halle"),
    ("leitung", "ZZ-ST", "manager", "Dr. Petra Schulze", "Otto-von-Guericke-Universität Magdeburg"),
    ("berater-sn", "ZZ-SN", "advisor", "Lena Vogel", "TU Chemnitz"),
    ("berater-th", "ZZ-TH", "advisor", "Max Hoffmann", "Fraunhofer IOSB-AST"),
    ("berater-hds", "HDS", "advisor", "Sara Yilmaz", None),
    ("koordination", "ZZA", "coordinator", "Koordinierungsstelle", None),
    ("admin", None, "admin", "Hub-Administration", None),
)


def seed_demo(db: Database, settings: HubSettings) -> list[tuple[str, str, str | None]]:
    """Create what is missing; returns (username, role, centre) of every demo account."""
    with db.read() as session:
        have_centres = {code for code, *_ in DEMO_CENTRES if centre_by_code(session, code)}
        have_users = set(session.scalars(select(HubUser.username)).all())
    for code, name, state, kind in DEMO_CENTRES:
        if code not in have_centres:
            create_centre(db, code, name, state, kind)
    for username, centre, role, display, partner in DEMO_USERS:
        if username not in have_users:
            add_user(db, settings, username, centre, role, DEMO_PASSWORD, display, partner)
    return [(u, r, c) for u, c, r, _d, _p in DEMO_USERS]
