"""Sync use cases for the GUI and the command line: log in (binding the profile to the user's
centre), log out, run one sync round, the status bar figures, and the conflict inbox."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
import os
import platform
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from zz_desktop.errors import NotFound, UserError, ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import erasure, identity, permissions
from zz_desktop.store import search
from zz_desktop.store.base import from_wire, utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import SYNCED_MODELS, AppUser, Centre, Conflict, Topic
from zz_desktop.sync import outbox, state
from zz_desktop.sync.engine import Progress, SyncEngine, SyncReport, open_conflicts
from zz_desktop.sync.errors import InsecureHub, LoginFailed, NotLoggedIn, SyncError, TokenRevoked
from zz_desktop.sync.transport import HubClient, check_address
from zz_protocol.schemas import ReferenceResponse

log = logging.getLogger("zz_desktop.sync")
RECORD_ROLES = ("advisor", "manager")
#: Reads published aggregates only; its profile never holds or syncs personal records.
COORDINATOR = "coordinator"
ClientFactory = Callable[..., HubClient]


@dataclass(frozen=True)
class LoginResult:
    username: str
    display_name: str
    role: str
    centre_code: str
    centre_name: str
    moved: int


@dataclass(frozen=True)
class SyncStatus:
    logged_in: bool
    hub_url: str | None
    username: str | None
    last_sync: str | None
    pending: int
    open_conflicts: int
    last_error: str | None


def _client_options() -> dict[str, Any]:
    opts: dict[str, Any] = {}
    if os.environ.get("ZZ_SYNC_RETRIES"):
        opts["retries"] = int(os.environ["ZZ_SYNC_RETRIES"])
    if os.environ.get("ZZ_SYNC_CA_BUNDLE"):
        opts["verify"] = os.environ["ZZ_SYNC_CA_BUNDLE"]
    return opts


def login(
    store: Store,
    hub_url: str,
    username: str,
    password: str,
    device_name: str | None = None,
    client_factory: ClientFactory = HubClient,
    insecure_http: bool = False,
) -> LoginResult:
    """Log in, keep the device token, store reference data and bind the profile to the centre.

    ``insecure_http`` allows an ``http://`` hub outside this computer (remembered for later
    rounds); without it such an address is refused before anything is sent."""
    if not hub_url.startswith(("http://", "https://")):
        raise ValidationFailed({"hub": t("The hub address must start with http:// or https://.")})
    try:
        check_address(hub_url, insecure_http)
    except InsecureHub as exc:
        raise ValidationFailed({"hub": exc.message}) from None
    device = device_name or f"{platform.node() or 'desktop'} ({store.meta.profile_id[:8]})"
    plain = {"insecure_http": True} if insecure_http else {}
    with client_factory(hub_url, **_client_options(), **plain) as client:
        response = client.login(username, password, device)
    refusal = None
    coordinator = response.user.role == COORDINATOR
    if response.centre is None or response.user.role not in (*RECORD_ROLES, COORDINATOR):
        refusal = t(
            "this account cannot keep records on a desktop (role {role})",
            role=response.user.role,
        )
    elif coordinator and _has_records(store):
        refusal = t("a coordinator needs a new profile without records")
    elif (bound := state.get(store, state.CENTRE_ID)) and bound != response.centre.id:
        refusal = t(
            "this profile belongs to another centre; use a new profile for {code}",
            code=response.centre.code,
        )
    if refusal is not None or response.centre is None:
        # The hub issued a device token before we refused: revoke it, never leave it active.
        _revoke_token(hub_url, response.token, client_factory, **plain)
        raise LoginFailed(refusal or "")
    state.save_token(store, response.token)
    state.put(
        store,
        **{
            state.HUB_URL: hub_url.rstrip("/"),
            state.DEVICE_ID: response.device_id,
            state.USER_ID: response.user.id,
            state.USERNAME: response.user.username,
            state.CENTRE_ID: response.centre.id,
            state.ROLE: response.user.role,
            state.INSECURE_HTTP: "1" if insecure_http else None,
        },
    )
    with client_factory(hub_url, response.token, **_client_options(), **plain) as client:
        reference = client.reference()
    store_reference(store, reference)
    moved = identity.adopt_centre(store, response.centre.id, response.user.id)
    return LoginResult(
        username=response.user.username,
        display_name=response.user.display_name,
        role=response.user.role,
        centre_code=response.centre.code,
        centre_name=response.centre.name,
        moved=moved,
    )


def _revoke_token(hub_url: str, token: str, client_factory: ClientFactory, **opts: Any) -> None:
    try:
        with client_factory(
            hub_url, token, **{**_client_options(), "retries": 0, **opts}
        ) as client:
            client.logout()
    except SyncError as exc:
        log.warning("refused login: token not revoked (%s)", type(exc).__name__)


def status_head(st: SyncStatus) -> str:
    """The sync part of the status bar: last sync and the last error, without the counts (the
    window shows pending changes and conflicts in their own, always current, fields)."""
    head = _head(st)
    return f"{head} · {st.last_error}" if st.last_error else head


def _head(st: SyncStatus) -> str:
    if not st.logged_in:
        return t("Sync: not logged in")
    if st.last_sync:
        when = dt.datetime.fromisoformat(st.last_sync).replace(tzinfo=dt.UTC).astimezone()
        return t("Last sync {time}", time=when.strftime("%d.%m.%Y %H:%M"))
    return t("Not synced yet")


def _has_records(store: Store) -> bool:
    """Any record (the reference data — centres, users, topics — does not count) or pending op."""
    with store.read() as session:
        conn = session.connection()
        if outbox.pending_count(conn):
            return True
        for model in SYNCED_MODELS.values():
            table = model.__tablename__  # type: ignore[attr-defined]
            if conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first() is not None:
                return True
    return False


def is_coordinator(store: Store) -> bool:
    return state.get(store, state.ROLE) == COORDINATOR


def store_reference(store: Store, ref: ReferenceResponse) -> None:
    """Centres, users and the topic taxonomy from the hub (read-only on the desktop)."""
    with store.write(remote=True) as session:
        for c in ref.centres:
            logo = None
            if c.logo_png_base64:
                try:
                    logo = base64.b64decode(c.logo_png_base64)
                except (binascii.Error, ValueError):
                    logo = None
            existing = session.scalar(select(Centre).where(Centre.code == c.code))
            if existing is not None and existing.id != c.id:
                session.delete(existing)
                session.flush()
            session.merge(
                Centre(
                    id=c.id,
                    code=c.code,
                    name=c.name,
                    state=c.state,
                    kind=c.kind,
                    coordination_name=c.coordination_name,
                    address=c.address,
                    logo_png=logo,
                )
            )
        for u in ref.users:
            session.merge(
                AppUser(
                    id=u.id,
                    username=u.username,
                    display_name=u.display_name,
                    role=u.role,
                    centre_id=u.centre_id,
                    partner_institution=u.partner_institution,
                )
            )
        known = {tp.code for tp in ref.topics}
        for tp in ref.topics:
            session.merge(
                Topic(
                    code=tp.code,
                    group=tp.group,
                    label_de=tp.label_de,
                    label_en=tp.label_en,
                    active=True,
                )
            )
        for topic in session.scalars(select(Topic)):
            if topic.code not in known:
                topic.active = False
        state.set_in(session.connection(), "topic_version", ref.topic_version)


def _client(store: Store, client_factory: ClientFactory = HubClient, **opts: Any) -> HubClient:
    url = state.get(store, state.HUB_URL)
    token = state.read_token(store)
    if not url or not token:
        raise NotLoggedIn()
    if state.get(store, state.INSECURE_HTTP):
        opts = {"insecure_http": True, **opts}
    # The hub rotates device tokens (zz_hub/device_tokens.py): keep the new one.
    opts = {"on_token": lambda new: state.save_token(store, new), **_client_options(), **opts}
    return client_factory(url, token, **opts)


def logout(store: Store, client_factory: ClientFactory = HubClient) -> None:
    """Revoke this device's token on the hub (when reachable) and forget it; data stays."""
    try:
        with _client(store, client_factory, retries=0) as client:
            client.logout()
    except NotLoggedIn:
        pass
    except SyncError as exc:
        log.info("logout: hub not told (%s)", type(exc).__name__)
    state.delete_token(store)


def sync(
    store: Store,
    progress: Progress | None = None,
    allow_mass_delete: bool = False,
    client_factory: ClientFactory = HubClient,
    **client_opts: Any,
) -> SyncReport:
    """One round (push → pull → check). A revoked token is removed; other errors are recorded
    for the status bar and re-raised as :class:`SyncError` (all :class:`UserError`)."""
    try:
        with _client(store, client_factory, **client_opts) as client:
            if is_coordinator(store):
                # No records to push or pull: a coordinator's round refreshes the aggregates.
                from zz_desktop.services import coordination

                return coordination.refresh(store, client)
            engine = SyncEngine(
                store, client, progress=progress, allow_mass_delete=allow_mass_delete
            )
            report = engine.run()
            if report.scrubbed:
                # A pulled erase replaced the person's identifiers in local texts: send the
                # cleaned texts now and zero the freed pages (services.erasure).
                SyncEngine(store, client, allow_mass_delete=allow_mass_delete).run()
                erasure.wipe_freed_pages(store)
            return report
    except TokenRevoked:
        state.delete_token(store)
        _record_error(store, TokenRevoked().message)
        raise
    except UserError as exc:
        _record_error(store, exc.message)
        raise


def _record_error(store: Store, message: str) -> None:
    try:
        state.put(store, **{state.LAST_ERROR: message})
    except Exception:  # noqa: BLE001 - never hide the original error
        log.exception("could not record the sync error")


def status(store: Store) -> SyncStatus:
    with store.read() as session:
        conn = session.connection()
        pending = outbox.pending_count(conn)
        conflicts = open_conflicts(conn)
        values = {
            k: state.get_in(conn, k)
            for k in (
                state.HUB_URL,
                state.USERNAME,
                state.LAST_SYNC,
                state.LAST_ERROR,
                state.TOKEN_KEY,
            )
        }
    token = values[state.TOKEN_KEY] or state.read_token(store)
    return SyncStatus(
        logged_in=bool(token and values[state.HUB_URL]),
        hub_url=values[state.HUB_URL],
        username=values[state.USERNAME],
        last_sync=values[state.LAST_SYNC],
        pending=pending,
        open_conflicts=conflicts,
        last_error=values[state.LAST_ERROR],
    )


def counts(store: Store) -> tuple[int, int]:
    """Pending changes and open conflicts, the status bar's two figures, in one read (the
    outbox can be large: call it off the GUI thread)."""
    with store.read() as session:
        conn = session.connection()
        return outbox.pending_count(conn), open_conflicts(conn)


def status_text(st: SyncStatus) -> str:
    """The status bar line: last successful sync, pending changes, open conflicts."""
    text = t(
        "{head} · {pending} pending changes · {conflicts} open conflicts",
        head=_head(st),
        pending=st.pending,
        conflicts=st.open_conflicts,
    )
    if st.last_error:
        text += " · " + st.last_error
    return text


# ----------------------------------------------------------------------------- conflict inbox


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    entity_id: str
    field: str
    value_current: Any
    value_other: Any
    author_current: str | None
    author_other: str | None
    at_current: dt.datetime | None
    at_other: dt.datetime | None
    status: str
    #: The record's title as the search shows it ("" when the record is not stored here).
    record_title: str = ""
    #: The authors' names where this device knows them (users of the centre), else "".
    author_current_name: str = ""
    author_other_name: str = ""


def conflicts(store: Store, only_open: bool = True) -> list[ConflictView]:
    """Conflicts with what a person needs to judge them: the record's title and the authors'
    names, read in one transaction."""
    with store.read() as session:
        query = select(Conflict).where(Conflict.deleted.is_(False))
        if only_open:
            query = query.where(Conflict.status == "open")
        rows = session.scalars(query.order_by(Conflict.created_at.desc(), Conflict.id)).all()
        names = {i: n for i, n in session.execute(select(AppUser.id, AppUser.display_name))}
        titles = search.titles(session, [c.entity_id for c in rows])
        return [
            ConflictView(
                c.id,
                c.entity,
                c.entity_id,
                c.field,
                c.value_current,
                c.value_other,
                c.author_current,
                c.author_other,
                c.at_current,
                c.at_other,
                c.status,
                record_title=str(titles.get(c.entity_id) or ""),
                author_current_name=str(names.get(c.author_current or "", "")),
                author_other_name=str(names.get(c.author_other or "", "")),
            )
            for c in rows
        ]


def resolve_conflict(store: Store, conflict_id: str, choice: str, value: Any = None) -> None:
    """Resolve a conflict: keep the ``current`` value, take the ``other`` one, or ``edit`` to
    ``value``. The record change and the resolution sync like every other edit."""
    if choice not in ("current", "other", "edit"):
        raise ValidationFailed({"choice": t("Choose current, other or edit.")})
    with store.write() as session:
        conflict = session.get(Conflict, conflict_id)
        if conflict is None or conflict.deleted:
            raise NotFound(t("Record {id} was not found.", id=conflict_id))
        # Roles table: a manager resolves any conflict, an advisor those about their own edits.
        permissions.require_resolve(store, (conflict.author_current, conflict.author_other))
        model = SYNCED_MODELS.get(conflict.entity)
        target = session.get(model, conflict.entity_id) if model is not None else None
        if choice != "current" and target is not None and model is not None:
            wanted = conflict.value_other if choice == "other" else value
            if conflict.field == "deleted":
                changes = dict(wanted) if isinstance(wanted, dict) else {"deleted": bool(wanted)}
                changes.setdefault("deleted", False)
            else:
                changes = {conflict.field: wanted}
            for key, val in from_wire(model, changes).items():
                if key in ("id", "centre_id", "created_at", "created_by"):
                    continue
                if getattr(target, key) != val:
                    setattr(target, key, val)
        conflict.status = "resolved"
        conflict.resolution = {"current": "kept_current", "other": "took_other", "edit": "edited"}[
            choice
        ]
        conflict.resolved_by = store.actor.user_id
        conflict.resolved_at = utcnow()


def conflict_values_text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return "" if value is None else str(value)
