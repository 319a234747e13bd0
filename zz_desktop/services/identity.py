"""Who works in this profile: the local identity (centre and user) used before a hub login,
replaced by the hub's user and centre at login."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from zz_desktop.domain import codelists
from zz_desktop.store.capture import Actor
from zz_desktop.store.database import Store
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import SYNCED_MODELS, AppUser, Centre, Topic

#: Code of the placeholder centre of a profile that has never logged in.
LOCAL_CENTRE_CODE = "LOCAL"


def ensure_topics(store: Store) -> None:
    """Seed the topic taxonomy from the shipped code list where the hub has not sent one."""
    with store.write() as session:
        if session.scalars(select(Topic.code).limit(1)).first() is not None:
            return
        for tp in codelists.topics():
            session.add(
                Topic(code=tp.code, group=tp.group, label_de=tp.label_de, label_en=tp.label_en)
            )


def ensure_local_identity(store: Store, display_name: str = "Lokale Beraterin") -> Actor:
    """Create a local centre and user for a profile that has never logged in to a hub."""
    actor = store.local_identity()
    if actor.user_id and actor.centre_id:
        return actor
    centre_id, user_id = new_id(), new_id()
    with store.write() as session:
        session.add(
            Centre(
                id=centre_id,
                code=LOCAL_CENTRE_CODE,
                name="Lokales Profil",
                state="15",
                kind="regional",
            )
        )
        session.add(
            AppUser(
                id=user_id,
                username="local",
                display_name=display_name,
                role="advisor",
                centre_id=centre_id,
            )
        )
    store.set_setting("identity.centre_id", centre_id)
    store.set_setting("identity.user_id", user_id)
    store.actor = Actor(user_id, centre_id)
    ensure_topics(store)
    return store.actor


def _is_placeholder(session: Any, actor: Actor) -> bool:
    """The profile still works under the local identity made before any hub login."""
    if not actor.centre_id:
        return True
    centre = session.get(Centre, actor.centre_id)
    return centre is None or centre.code == LOCAL_CENTRE_CODE


def adopt_centre(store: Store, centre_id: str, user_id: str) -> int:
    """After the first login: records made before it join the user's centre. Returns the number
    of rows moved. Pending outbox ops are rewritten too, so the hub never sees the local id.

    Only the local placeholder identity is ever rewritten. Once a profile belongs to a centre,
    authorship is history: a colleague logging in on the profile starts a new session and
    changes no row, no audit entry and no pending op (a rewritten op would reuse its id with
    another payload, and the hub refuses that)."""
    old = store.local_identity()
    moved = 0
    with store.write(remote=True) as session:
        conn = session.connection()
        if not _is_placeholder(session, old):
            old = Actor(None, None)
        if old.centre_id and old.centre_id != centre_id:
            for name in SYNCED_MODELS:
                result = conn.execute(
                    text(
                        f"UPDATE {name} SET centre_id = :new WHERE centre_id = :old OR centre_id IS NULL"
                    ),
                    {"new": centre_id, "old": old.centre_id},
                )
                moved += result.rowcount or 0
            conn.execute(
                text(
                    "UPDATE outbox SET fields = json_set(fields, '$.centre_id', :new) WHERE json_extract(fields, '$.centre_id') = :old"
                ),
                {"new": centre_id, "old": old.centre_id},
            )
            _replace_in_audit(conn, old.centre_id, centre_id)
        if old.user_id and old.user_id != user_id:
            _replace_user(conn, old.user_id, user_id)
    store.set_setting("identity.centre_id", centre_id)
    store.set_setting("identity.user_id", user_id)
    store.actor = Actor(user_id, centre_id)
    return moved


def _replace_user(conn: Any, old: str, new: str) -> None:
    """The local placeholder user becomes the hub user: in stamps, advisor lists, owners — in
    the rows and in the pending outbox ops alike."""
    params = {"old": old, "new": new}
    for name, model in SYNCED_MODELS.items():
        columns = {c.key for c in model.__table__.columns}  # type: ignore[attr-defined]
        for col in ("created_by", "updated_by", "owner_id", "user_id", "resolved_by"):
            if col in columns:
                conn.execute(text(f"UPDATE {name} SET {col} = :new WHERE {col} = :old"), params)
        if "advisor_ids" in columns:
            # JSON lists: replace the element; LIKE narrows the rows touched.
            conn.execute(
                text(
                    f"UPDATE {name} SET advisor_ids = replace(advisor_ids, :oldq, :newq) "
                    "WHERE advisor_ids LIKE :pattern"
                ),
                {"oldq": f'"{old}"', "newq": f'"{new}"', "pattern": f'%"{old}"%'},
            )
    # Ids are UUIDs: a quoted id inside an op's JSON is that user wherever it appears.
    conn.execute(
        text("UPDATE outbox SET fields = replace(fields, :oldq, :newq) WHERE fields LIKE :pattern"),
        {"oldq": f'"{old}"', "newq": f'"{new}"', "pattern": f'%"{old}"%'},
    )
    _replace_in_audit(conn, old, new)


def _replace_in_audit(conn: Any, old: str, new: str) -> None:
    """The audit entries that ride inside pending ops (``outbox.audit``, a JSON list): a quoted
    id (centre or user, UUIDs) is replaced wherever it appears."""
    conn.execute(
        text("UPDATE outbox SET audit = replace(audit, :oldq, :newq) WHERE audit LIKE :pattern"),
        {"oldq": f'"{old}"', "newq": f'"{new}"', "pattern": f'%"{old}"%'},
    )


def centre(store: Store) -> Centre | None:
    cid = store.actor.centre_id
    if not cid:
        return None
    with store.read() as session:
        return session.get(Centre, cid)


def users(store: Store) -> list[AppUser]:
    with store.read() as session:
        return list(session.scalars(select(AppUser).order_by(AppUser.display_name)))
