"""Typed SQLAlchemy models of every entity in data-model.md.

Synced entities carry the :class:`Synced` columns; reference data comes from the hub; device-local
tables (outbox, sync state, settings, drafts) never leave the device.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from zz_desktop.store.base import Base, Synced

# ---------------------------------------------------------------- reference data (from the hub)


class Centre(Base):
    __tablename__ = "centre"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(2))
    kind: Mapped[str] = mapped_column(String(20))
    coordination_name: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    logo_png: Mapped[bytes | None]


class AppUser(Base):
    __tablename__ = "app_user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    centre_id: Mapped[str | None] = mapped_column(String(36))
    partner_institution: Mapped[str | None] = mapped_column(String(200))


class Topic(Base):
    __tablename__ = "topic"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    group: Mapped[str] = mapped_column(String(20))
    label_de: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# ---------------------------------------------------------------- contacts


class Organisation(Synced, Base):
    __tablename__ = "organisation"
    __entity__ = "organisation"
    __search__ = (("name", "city"), ("legal_form", "street", "postcode", "email", "notes"))
    name: Mapped[str] = mapped_column(String(300), index=True)
    legal_form: Mapped[str | None] = mapped_column(String(60))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10), index=True)
    city: Mapped[str | None] = mapped_column(String(120))
    ags: Mapped[str | None] = mapped_column(String(8), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(300))
    sector_code: Mapped[str | None] = mapped_column(String(10))
    sector_version: Mapped[str | None] = mapped_column(String(8))
    employees: Mapped[int | None] = mapped_column(Integer)
    turnover_band: Mapped[str | None] = mapped_column(String(10))
    sme_class: Mapped[str | None] = mapped_column(String(10), index=True)
    works_council: Mapped[bool | None] = mapped_column(Boolean)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str | None] = mapped_column(String(30))
    notes: Mapped[str | None] = mapped_column(Text)


class Person(Synced, Base):
    __tablename__ = "person"
    __entity__ = "person"
    __search__ = (("first_name", "last_name"), ("email", "postcode", "phone", "notes"))
    salutation: Mapped[str | None] = mapped_column(String(40))
    first_name: Mapped[str | None] = mapped_column(String(120), index=True)
    last_name: Mapped[str | None] = mapped_column(String(120), index=True)
    gender: Mapped[str] = mapped_column(String(12), default="not_stated")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    postcode: Mapped[str | None] = mapped_column(String(10))
    email: Mapped[str | None] = mapped_column(String(200), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    employment_status: Mapped[str | None] = mapped_column(String(24))
    education: Mapped[str | None] = mapped_column(String(12))
    # Optional ESF disadvantage answers (yes | no | no_answer); disability is Art. 9 data and is
    # stored only with an explicit consent of purpose "special_category".
    disability: Mapped[str | None] = mapped_column(String(10))
    third_country_national: Mapped[str | None] = mapped_column(String(10))
    foreign_origin: Mapped[str | None] = mapped_column(String(10))
    minority: Mapped[str | None] = mapped_column(String(10))
    homeless: Mapped[str | None] = mapped_column(String(10))
    rural_area: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str | None] = mapped_column(Text)
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Affiliation(Synced, Base):
    __tablename__ = "affiliation"
    __entity__ = "affiliation"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="employee")
    function_title: Mapped[str | None] = mapped_column(String(120))


class SelfEmployedProfile(Synced, Base):
    __tablename__ = "selfemployed_profile"
    __entity__ = "selfemployed_profile"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    occupation: Mapped[str | None] = mapped_column(String(200))
    sector_code: Mapped[str | None] = mapped_column(String(10))
    sector_version: Mapped[str | None] = mapped_column(String(8))
    since_year: Mapped[int | None] = mapped_column(Integer)
    platform_work: Mapped[bool | None] = mapped_column(Boolean)
    fee_basis: Mapped[str | None] = mapped_column(String(12))
    fee_band: Mapped[str | None] = mapped_column(String(12))
    health_insurance: Mapped[str | None] = mapped_column(String(14))
    pension: Mapped[str | None] = mapped_column(String(12))
    unemployment_insurance: Mapped[bool | None] = mapped_column(Boolean)
    interest_group_member: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- partner network


class PartnerOffer(Synced, Base):
    """An offer of the partner network an advisor can refer to. Programme-wide when
    ``centre_id`` is the hub's reserved ``programme`` id (written by coordinators only),
    otherwise one centre's own (written by its managers); see docs/sync.md."""

    __tablename__ = "partner_offer"
    __entity__ = "partner_offer"
    __search__ = (("name", "provider"), ("offer", "contact_name", "region_note"))
    name: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str | None] = mapped_column(String(200))
    partner_type: Mapped[str] = mapped_column(String(20), default="other")
    #: What the offer covers (its scope), for whom, on what terms.
    offer: Mapped[str | None] = mapped_column(Text)
    contact_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    website: Mapped[str | None] = mapped_column(String(300))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Two-digit Land keys (AGS prefix); empty: nationwide.
    laender: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Five-digit Kreis keys (AGS); empty: the whole of the Länder named.
    kreise: Mapped[list[str]] = mapped_column(JSON, default=list)
    region_note: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class KnowledgeItem(Synced, Base):
    """An item of the Wissenspool (docs/wissenspool.md): programme-wide (the hub's reserved
    ``programme`` centre) or a centre's. Files are named by their SHA-256 (sync/files.py)."""

    __tablename__ = "knowledge_item"
    __entity__ = "knowledge_item"
    __search__ = (("title",), ("body", "sources"))
    kind: Mapped[str] = mapped_column(String(16), default="article")
    title: Mapped[str] = mapped_column(String(300))
    #: Markdown (a checklist: one item per line).
    body: Mapped[str | None] = mapped_column(Text)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    origin_centre_id: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    review_state: Mapped[str] = mapped_column(String(12), default="draft")
    #: [{"digest", "name", "mime", "size"}] of the attached files.
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    url: Mapped[str | None] = mapped_column(String(500))
    #: The sources an information page names.
    sources: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


# ---------------------------------------------------------------- work


class Consultation(Synced, Base):
    __tablename__ = "consultation"
    __entity__ = "consultation"
    # Covering index: reports and lists aggregate these columns without reading the long texts.
    __table_args__ = (
        Index(
            "ix_consultation_facts",
            "date",
            "deleted",
            "kind",
            "mode",
            "duration_min",
            "organisation_id",
            "person_id",
            "esf_counting",
            "topics",
            "advisor_ids",
            "id",
        ),
    )
    __search__ = (
        ("title",),
        ("starting_situation", "findings", "agreements", "recommendations", "place"),
    )
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[str | None] = mapped_column(String(5))
    duration_min: Mapped[int] = mapped_column(Integer, default=60)
    mode: Mapped[str] = mapped_column(String(12), index=True, default="on_site")
    kind: Mapped[str] = mapped_column(String(12), index=True, default="signposting")
    title: Mapped[str | None] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(200))
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    advisor_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    starting_situation: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[str | None] = mapped_column(Text)
    agreements: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[str | None] = mapped_column(Text)
    referral_to: Mapped[str | None] = mapped_column(String(200))
    referral_reason: Mapped[str | None] = mapped_column(Text)
    next_appointment: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="draft")
    esf_counting: Mapped[str] = mapped_column(String(12), default="entity")
    #: Wissenspool checklists attached for the visit (services/checklists.py): each
    #: {"item_id", "version", "title", "items": [text], "ticked": [index]}, the items copied so
    #: that what was ticked stays readable when the checklist is revised later.
    checklists: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: Only for kind "ombuds": received → in_clarification → mediated → closed (domain/ombuds.py).
    ombuds_state: Mapped[str | None] = mapped_column(String(16))


class ConsultationParticipant(Synced, Base):
    __tablename__ = "consultation_participant"
    __entity__ = "consultation_participant"
    consultation_id: Mapped[str] = mapped_column(ForeignKey("consultation.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)


class FollowUp(Synced, Base):
    __tablename__ = "followup"
    __entity__ = "followup"
    consultation_id: Mapped[str | None] = mapped_column(ForeignKey("consultation.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[str | None] = mapped_column(String(36))
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Referral(Synced, Base):
    """A consultation's referral to a partner offer, with its follow-up and what became of it."""

    __tablename__ = "referral"
    __entity__ = "referral"
    consultation_id: Mapped[str] = mapped_column(ForeignKey("consultation.id"), index=True)
    partner_offer_id: Mapped[str] = mapped_column(ForeignKey("partner_offer.id"), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    followup_id: Mapped[str | None] = mapped_column(ForeignKey("followup.id"))
    outcome: Mapped[str] = mapped_column(String(12), default="unknown")
    outcome_date: Mapped[dt.date | None] = mapped_column(Date)
    outcome_note: Mapped[str | None] = mapped_column(Text)


class Event(Synced, Base):
    __tablename__ = "event"
    __entity__ = "event"
    __search__ = (("title",), ("place", "description"))
    title: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(24), default="workshop")
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(200))
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    hours: Mapped[float | None] = mapped_column(Float)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    advisor_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)


class Participation(Synced, Base):
    __tablename__ = "participation"
    __entity__ = "participation"
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    attended_hours: Mapped[float | None] = mapped_column(Float)
    entry_questionnaire: Mapped[str] = mapped_column(String(12), default="missing")
    exit_questionnaire: Mapped[str] = mapped_column(String(12), default="missing")


class Consent(Synced, Base):
    __tablename__ = "consent"
    __entity__ = "consent"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    legal_basis: Mapped[str] = mapped_column(String(10), default="art6_1a")
    given_at: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(10), default="paper")
    text_version: Mapped[str | None] = mapped_column(String(40))
    withdrawn_at: Mapped[dt.date | None] = mapped_column(Date)
    retention_until: Mapped[dt.date | None] = mapped_column(Date)


class Questionnaire(Synced, Base):
    """One version of a person's ESF questionnaire: Teil 1 (entry) or Teil 2 (exit).

    A version is written once and never changed (services.questionnaires): a correction is a new
    row of the same ``series_id`` with ``version + 1``, so the situation at entry stays as it was
    recorded whatever later happens to the person record, and the audit trail shows every
    version. The answers are copies, not references to the person's current fields."""

    __tablename__ = "questionnaire"
    __entity__ = "questionnaire"
    __table_args__ = (Index("ix_questionnaire_person_part", "person_id", "part"),)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    part: Mapped[str] = mapped_column(String(5))
    #: The id of the series' first version (equal to ``id`` there).
    series_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: Date of entry (Teil 1) or of leaving (Teil 2): the date the answers describe.
    answered_on: Mapped[dt.date] = mapped_column(Date)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Where it was taken (optional): an event participation or a participant consultation.
    participation_id: Mapped[str | None] = mapped_column(ForeignKey("participation.id"))
    consultation_id: Mapped[str | None] = mapped_column(ForeignKey("consultation.id"))
    correction_reason: Mapped[str | None] = mapped_column(String(300))
    # Teil 1: the situation at entry.
    gender: Mapped[str | None] = mapped_column(String(12))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    age_at_entry: Mapped[int | None] = mapped_column(Integer)
    employment_status: Mapped[str | None] = mapped_column(String(24))
    education: Mapped[str | None] = mapped_column(String(12))
    disability: Mapped[str | None] = mapped_column(String(10))
    third_country_national: Mapped[str | None] = mapped_column(String(10))
    foreign_origin: Mapped[str | None] = mapped_column(String(10))
    minority: Mapped[str | None] = mapped_column(String(10))
    homeless: Mapped[str | None] = mapped_column(String(10))
    rural_area: Mapped[str | None] = mapped_column(String(10))
    # Teil 2: the situation on leaving (yes | no).
    job_searching: Mapped[str | None] = mapped_column(String(3))
    in_education: Mapped[str | None] = mapped_column(String(3))
    qualification: Mapped[str | None] = mapped_column(String(3))
    employed: Mapped[str | None] = mapped_column(String(3))


class AuditEntry(Synced, Base):
    """Who did what to which record, when — never the personal data itself."""

    __tablename__ = "audit_entry"
    __entity__ = "audit_entry"
    user_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    #: Names of changed fields, never their values.
    detail: Mapped[str | None] = mapped_column(String(500))


class Conflict(Synced, Base):
    __tablename__ = "conflict"
    __entity__ = "conflict"
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    value_current: Mapped[Any] = mapped_column(JSON, nullable=True)
    value_other: Mapped[Any] = mapped_column(JSON, nullable=True)
    author_current: Mapped[str | None] = mapped_column(String(36))
    author_other: Mapped[str | None] = mapped_column(String(36))
    at_current: Mapped[dt.datetime | None] = mapped_column(DateTime)
    at_other: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    resolution: Mapped[str | None] = mapped_column(String(20))
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


# ---------------------------------------------------------------- device-local


class OutboxOp(Base):
    """A local change waiting to be pushed; written in the same transaction as the change."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    base_seq: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: Times this op was sent; a sent op is never collapsed into (its payload is fixed).
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: Sent with ``strict`` (see zz_protocol.schemas.Op): after a restore of this device's backup.
    strict: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: The change's audit entries (wire fields, a JSON list), pushed inside the op (Op.audit).
    audit: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)

    #: Push batches are read entity by entity in outbox order (sync/outbox.py: next_batch).
    __table_args__ = (Index("ix_outbox_entity_seq", "entity", "seq"),)


class SyncRejected(Base):
    """An op the hub refused (e.g. a value outside the code list), kept with its reason so the
    user sees what did not reach the hub instead of losing it silently."""

    __tablename__ = "sync_rejected"
    op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(8))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class SyncAcked(Base):
    """A push the hub acknowledged whose change this device has not pulled back yet. If the hub
    is restored from a backup before the pull, the row is re-sent (sync/epoch.py)."""

    __tablename__ = "sync_acked"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)


class SyncHeld(Base):
    """A pulled row not applied (yet): its parent has not arrived (``missing_parent``, applied
    as soon as it does) or it cannot be stored here (``invalid``, quarantined and reported)."""

    __tablename__ = "sync_held"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    change: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class Draft(Base):
    """Autosaved form content (inside the encrypted database, so nothing typed is lost)."""

    __tablename__ = "draft"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class FileBlob(Base):
    """A Wissenspool file known to this device (sync/files.py): complete once every chunk is
    here and the whole SHA-256 matched. Device-local: files travel by their own protocol."""

    __tablename__ = "file_blob"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    chunk_count: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    fetched_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class FileChunk(Base):
    """One verified chunk of a file (kept, so that an interrupted download resumes)."""

    __tablename__ = "file_chunk"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


SYNCED_MODELS: dict[str, type[Synced]] = {
    m.__entity__: m
    for m in (
        Organisation,
        Person,
        Affiliation,
        SelfEmployedProfile,
        PartnerOffer,
        KnowledgeItem,
        Consultation,
        ConsultationParticipant,
        FollowUp,
        Referral,
        Event,
        Participation,
        Consent,
        Questionnaire,
        AuditEntry,
        Conflict,
    )
}
