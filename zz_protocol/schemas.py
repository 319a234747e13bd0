"""Pydantic schemas of the sync protocol, version 1: the only shapes that cross the wire.

Both sides import this module, so the desktop never needs FastAPI and the hub never needs Qt.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
#: Schema version of the synced entities; the hub accepts a range of them.
SCHEMA_VERSION = 1
PROTOCOL_HEADER = "X-Sync-Protocol"
SCHEMA_HEADER = "X-Sync-Schema"
#: The desktop release that sends a request (informational; stored with the device).
CLIENT_VERSION_HEADER = "X-ZZ-Client-Version"

#: Synced entities in parent-before-child order. Pushes and snapshots follow this order.
SYNCED_ENTITIES: tuple[str, ...] = (
    "organisation",
    "person",
    "affiliation",
    "selfemployed_profile",
    "partner_offer",
    "knowledge_item",
    "consultation",
    "consultation_participant",
    "followup",
    "referral",
    "event",
    "participation",
    "consent",
    "questionnaire",
    "audit_entry",
    "conflict",
)

#: The centre id of programme-wide rows (zz_hub/tenancy.py; docs/sync.md "Programme-wide rows").
PROGRAMME_CENTRE_ID = "programme"

#: Fields that hold personal data and are blanked by a GDPR erase (per entity).
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "person": (
        "salutation",
        "first_name",
        "last_name",
        "email",
        "phone",
        "postcode",
        "notes",
        # Special-category (Art. 9) and ESF disadvantage answers and the birth year: together
        # with the postcode they identify a person, so an erase blanks them too.
        "birth_year",
        "disability",
        "third_country_national",
        "foreign_origin",
        "minority",
        "homeless",
    ),
    "selfemployed_profile": ("notes",),
    # The entry questionnaire's copies of the identifying and special-category answers.
    "questionnaire": (
        "birth_year",
        "age_at_entry",
        "disability",
        "third_country_national",
        "foreign_origin",
        "minority",
        "homeless",
        "correction_reason",
    ),
}

OpKind = Literal["upsert", "delete", "erase"]
ResultStatus = Literal["applied", "conflict", "rejected"]
Role = Literal["advisor", "manager", "coordinator", "admin"]
CentreKind = Literal["regional", "self_employed", "coordination"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Op(_Model):
    """One change made on a device. ``fields`` holds only the changed fields (upsert)."""

    op_id: str
    entity: str
    entity_id: str
    kind: OpKind
    base_seq: int | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    #: Every field changed on the hub since ``base_seq`` counts as concurrent, even when this
    #: device changed it: sent by a device that restored a backup of itself (or re-keyed an op),
    #: whose older state must not silently replace what it pushed later.
    strict: bool = False
    #: The audit entries of this change (each the wire fields of an ``audit_entry`` row, ``id``
    #: included), stored by the hub in the same transaction as the change. Before protocol
    #: issue 16 they travelled as ops of their own — the hub still takes those.
    audit: list[dict[str, Any]] = Field(default_factory=list)


class PushRequest(_Model):
    batch_id: str
    ops: list[Op]


class OpResult(_Model):
    op_id: str
    status: ResultStatus
    server_seq: int | None = None
    conflict_ids: list[str] = Field(default_factory=list)
    reason: str | None = None
    #: The hub's row is exactly what the sending device holds after this op (no field newer
    #: from anyone else): the device may take ``server_seq`` as the row's seen number, and a
    #: pull with ``skip_own`` leaves the row out for it. Sent only to pushes with
    #: ``clean_acks`` (older clients refuse unknown fields).
    clean: bool = False
    #: Per entry of ``Op.audit``: its server_seq where it is stored exactly as sent, else None.
    audit_seqs: list[int | None] = Field(default_factory=list)


class PushResponse(_Model):
    results: list[OpResult]
    server_time: datetime


class Change(_Model):
    """The state of one row after the change numbered ``seq`` (full row, not a diff)."""

    seq: int
    entity: str
    entity_id: str
    deleted: bool = False
    fields: dict[str, Any] = Field(default_factory=dict)


class PullResponse(_Model):
    changes: list[Change]
    next: int
    has_more: bool
    server_time: datetime


class EntityCheck(_Model):
    count: int
    hash: str


class CheckResponse(_Model):
    """Per-entity count of live+deleted rows and a SHA-256 over sorted ``id:server_seq`` lines."""

    entities: dict[str, EntityCheck]
    max_seq: int
    server_time: datetime


class LoginRequest(_Model):
    username: str
    password: str
    device_name: str


class CentreInfo(_Model):
    id: str
    code: str
    name: str
    state: str
    kind: CentreKind
    coordination_name: str | None = None
    address: str | None = None
    logo_png_base64: str | None = None


class UserInfo(_Model):
    id: str
    username: str
    display_name: str
    role: Role
    centre_id: str | None = None
    partner_institution: str | None = None


class LoginResponse(_Model):
    token: str
    device_id: str
    user: UserInfo
    centre: CentreInfo | None
    server_time: datetime


class TopicInfo(_Model):
    code: str
    label_de: str
    label_en: str
    group: Literal["zukunftszentrum", "selfemployed"]


class ReferenceResponse(_Model):
    centres: list[CentreInfo]
    users: list[UserInfo]
    topics: list[TopicInfo]
    topic_version: str
    codelist_versions: dict[str, str]
    server_time: datetime


class AggregateCell(_Model):
    """One published cell: its keys and its perturbed count (cell-key method). Cells that are
    empty or whose perturbed count is under the threshold are not listed at all."""

    keys: dict[str, str]
    count: int | None


class AggregateResponse(_Model):
    dimensions: list[str]
    threshold: int
    cells: list[AggregateCell]
    server_time: datetime
    #: The whole month, quarter or year counted ("2026-Q2"), or None for all time.
    period: str | None = None
    method: str = "cell-key"
    #: Largest difference between a published and the true count.
    max_deviation: int = 2
    #: Variance of that difference for counts of 2 and more (1.0 for a count of 1).
    variance: float = 1.2


class AggregateTable(_Model):
    """One table of a dashboard view: what it counts, by which dimensions, its published cells."""

    name: str
    dimensions: list[str]
    #: "consultations" or "organisations" (distinct SMEs: micro, small and medium organisations).
    measure: str
    cells: list[AggregateCell]


class AggregateViewResponse(_Model):
    """All tables one view of the coordination dashboard needs, for one whole period and the
    given filters, in one answer (the same cell-key method as ``/aggregates``)."""

    view: str
    period: str
    #: The filters applied ({"centre": "ZZ-ST"} …): each is the same logical cell as grouping by it.
    filters: dict[str, str]
    threshold: int
    tables: list[AggregateTable]
    server_time: datetime
    method: str = "cell-key"
    max_deviation: int = 2
    variance: float = 1.2


class ErrorResponse(_Model):
    detail: str


class HealthResponse(_Model):
    status: Literal["ok"]
    protocol_versions: list[int]
    schema_versions: list[int]
    server_time: datetime


# ---------------------------------------------------------------- files (Wissenspool, issue 14)

#: Files travel in chunks of this size (the last one shorter); each chunk has its own SHA-256,
#: the file is named by the SHA-256 of its whole content (docs/wissenspool.md).
BLOB_CHUNK_SIZE = 1024 * 1024


class BlobManifest(_Model):
    """What an upload declares before sending chunks: the content's SHA-256, its size and the
    SHA-256 of every chunk of :data:`BLOB_CHUNK_SIZE` bytes."""

    digest: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=1)
    chunk_digests: list[str]


class BlobStatus(_Model):
    digest: str
    size: int
    chunk_size: int
    chunk_digests: list[str]
    #: Chunk numbers the hub does not have yet (an upload resumes with them).
    missing: list[int]
    complete: bool
    #: "programme" for a programme-wide file, else the centre's id.
    scope: str
