"""Typed SQLAlchemy models of the hub database.

Synced records of all centres live in one generic row store (``sync_row``): the hub does not need
a table per entity to order, merge and serve changes, and new entity fields from newer clients pass
through unchanged. Aggregates read typed projection tables (``agg_*``) maintained on write, so that
no JSON is parsed at query time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BIGINT on PostgreSQL; plain INTEGER on SQLite so that it stays the rowid-compatible type.
SeqInt = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# ---------------------------------------------------------------- reference data and accounts


class Centre(Base):
    __tablename__ = "centre"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(2))
    kind: Mapped[str] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(Text)
    logo_png_base64: Mapped[str | None] = mapped_column(Text)


class HubUser(Base):
    __tablename__ = "hub_user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    centre_id: Mapped[str | None] = mapped_column(ForeignKey("centre.id"), index=True)
    partner_institution: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Device(Base):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("hub_user.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: SHA-256 hex of the bearer token; the token itself is never stored.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: When the current token was issued (rotation, zz_hub/device_tokens.py); NULL = created_at.
    token_issued_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: The token replaced by the last rotation: accepted until the new one is first used.
    previous_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: X-ZZ-Client-Version of the device's latest recorded request (see deps._touch).
    client_version: Mapped[str | None] = mapped_column(String(40))


class LoginThrottle(Base):
    """Failed-login counter per key (``user:NAME`` or ``addr:IP``) in a fixed window."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    #: Global backoff of an account (``user:`` keys): no attempt before this time.
    next_allowed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


# ---------------------------------------------------------------- change log


class SeqCounter(Base):
    """The hub-wide row: the epoch and the floor (``value``) where a new centre's sequence
    starts. Centres count their changes in :class:`CentreCounter` (zz_hub/seq.py)."""

    __tablename__ = "seq_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(SeqInt, default=0)
    #: Highest sequence number of a purged tombstone: older cursors get 410 Gone.
    purged_up_to: Mapped[int] = mapped_column(SeqInt, default=0)
    #: The hub's epoch (zz_hub/epoch.py): a new one after every restore from a backup.
    epoch: Mapped[str | None] = mapped_column(String(36))
    #: Highest sequence number the restored data knew when the epoch began.
    epoch_base: Mapped[int] = mapped_column(SeqInt, default=0, server_default="0")


class CentreCounter(Base):
    """A centre's server sequence: its row lock orders the commits of that centre's writers."""

    __tablename__ = "centre_counter"
    centre_id: Mapped[str] = mapped_column(ForeignKey("centre.id"), primary_key=True)
    value: Mapped[int] = mapped_column(SeqInt, default=0)
    #: Highest sequence number of a purged tombstone of the centre: older cursors get 410.
    purged_up_to: Mapped[int] = mapped_column(SeqInt, default=0)
    #: Highest number of the centre that the restored data knew when the epoch began.
    epoch_base: Mapped[int] = mapped_column(SeqInt, default=0)


class SyncRow(Base):
    """Current state of one synced record of one centre, with per-field change sequence numbers."""

    __tablename__ = "sync_row"
    centre_id: Mapped[str] = mapped_column(ForeignKey("centre.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: {field: server_seq at which the field last changed}; "deleted" is a field too.
    field_seq: Mapped[dict[str, int]] = mapped_column(JSON)
    #: {field: {"author": user id, "at": ISO time}} of the last change (never values).
    field_meta: Mapped[dict[str, dict[str, Any]]] = mapped_column(JSON)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Set once by a GDPR erase: personal fields of this row are never stored again.
    erased: Mapped[bool] = mapped_column(Boolean, default=False)
    #: For conflict rows: the id of the record the conflict is about (found again on erase).
    subject_id: Mapped[str | None] = mapped_column(String(36))
    #: Unique per centre (each centre has its own sequence, zz_hub/seq.py).
    server_seq: Mapped[int] = mapped_column(SeqInt)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: The device whose push left this row exactly as that device holds it, else NULL (its
    #: pulls with ``skip_own`` leave the row out; zz_hub/rowstore.py: RowWriter.apply).
    clean_device: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        Index("ix_sync_row_centre_seq", "centre_id", "server_seq", unique=True),
        Index("ix_sync_row_subject", "centre_id", "subject_id"),
    )


class AppliedOp(Base):
    """Idempotency record: an op id's stored result and a hash of its payload (no values)."""

    __tablename__ = "applied_op"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    payload_hash: Mapped[str] = mapped_column(String(64))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


# ---------------------------------------------------------------- aggregate projections


class AggConsultation(Base):
    """Typed copy of what the aggregates need of one live consultation (no names, no text)."""

    __tablename__ = "agg_consultation"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    consultation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    quarter: Mapped[str] = mapped_column(String(7))
    land: Mapped[str] = mapped_column(String(2))
    mode: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(12))
    sector_section: Mapped[str] = mapped_column(String(2))
    sme_class: Mapped[str] = mapped_column(String(10))
    organisation_id: Mapped[str | None] = mapped_column(String(36))
    #: The organisation's Kreis (five-digit AGS of the shipped list, else "?").
    kreis: Mapped[str] = mapped_column(String(5), default="?")
    #: The consultation's random cell-key record key in [0, 2**32) (zz_protocol.cellkey); kept
    #: while the consultation lives, so that its cells keep their published values.
    record_key: Mapped[int] = mapped_column(SeqInt, default=0)
    #: The organisation's record key (the same in all its consultations): counts of distinct
    #: organisations ("SMEs reached") sum these per cell.
    org_key: Mapped[int] = mapped_column(SeqInt, default=0)
    month: Mapped[str] = mapped_column(String(7), default="?")
    #: This row is its organisation's first (by date, then id) in its month / quarter / year:
    #: SMEs reached in a period are then a plain filtered count, no DISTINCT over a million rows.
    first_month: Mapped[bool] = mapped_column(Boolean, default=False)
    first_quarter: Mapped[bool] = mapped_column(Boolean, default=False)
    first_year: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_agg_consultation_org", "centre_id", "organisation_id"),
        Index("ix_agg_consultation_date", "date"),
    )


class _ConsultationDims:
    """The consultation's dimensions, copied into the topic and gender projections so that
    counts by topic or gender read one table (no join of a million rows on text keys)."""

    date: Mapped[dt.date | None] = mapped_column(Date)
    quarter: Mapped[str] = mapped_column(String(7))
    land: Mapped[str] = mapped_column(String(2))
    mode: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(12))
    sector_section: Mapped[str] = mapped_column(String(2))
    sme_class: Mapped[str] = mapped_column(String(10))
    kreis: Mapped[str] = mapped_column(String(5), default="?")
    #: The consultation's record key (a copy, like the dimensions: cell keys read one table).
    record_key: Mapped[int] = mapped_column(SeqInt, default=0)
    #: The organisation and its record key (copies: SMEs reached by topic read one table).
    organisation_id: Mapped[str | None] = mapped_column(String(36))
    org_key: Mapped[int] = mapped_column(SeqInt, default=0)
    month: Mapped[str] = mapped_column(String(7), default="?")
    #: First row of the organisation (with this topic, in the topic table) in its month /
    #: quarter / year (see AggConsultation); always false in the gender table.
    first_month: Mapped[bool] = mapped_column(Boolean, default=False)
    first_quarter: Mapped[bool] = mapped_column(Boolean, default=False)
    first_year: Mapped[bool] = mapped_column(Boolean, default=False)


#: Columns of _ConsultationDims (the same names in agg_consultation).
CONSULTATION_DIMS = (
    "date",
    "quarter",
    "land",
    "mode",
    "kind",
    "sector_section",
    "sme_class",
    "kreis",
    "record_key",
    "organisation_id",
    "org_key",
    "month",
)


class AggConsultationTopic(_ConsultationDims, Base):
    """One row per topic of a live consultation, with the consultation's dimensions."""

    __tablename__ = "agg_consultation_topic"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    consultation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    topic: Mapped[str] = mapped_column(String(64), primary_key=True)


class AggConsultationPerson(Base):
    """Which persons took part in a consultation (to follow a person's gender changes).

    ``source`` is "main" for the consultation's own ``person_id`` or the id of the
    consultation_participant row that links them, so either can be withdrawn on its own.
    """

    __tablename__ = "agg_consultation_person"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source: Mapped[str] = mapped_column(String(36), primary_key=True)
    consultation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(36))

    __table_args__ = (
        Index("ix_agg_consultation_person_person", "centre_id", "person_id"),
        Index("ix_agg_consultation_person_consultation", "centre_id", "consultation_id"),
    )


class AggPerson(Base):
    __tablename__ = "agg_person"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    gender: Mapped[str] = mapped_column(String(12))


class AggConsultationGender(_ConsultationDims, Base):
    """Distinct genders of a live consultation's participants, with its dimensions."""

    __tablename__ = "agg_consultation_gender"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    consultation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    gender: Mapped[str] = mapped_column(String(12), primary_key=True)


class AggPartnerOffer(Base):
    """The partner type of every live partner offer, of a centre or of the programme (issue 14)."""

    __tablename__ = "agg_partner_offer"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    offer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    partner_type: Mapped[str] = mapped_column(String(20))

    __table_args__ = (Index("ix_agg_partner_offer_offer", "offer_id"),)


class AggReferral(Base):
    """One live referral: which offer, what outcome. Its consultation's date and Land are read
    from ``agg_consultation`` at query time (a referral of a deleted consultation drops out)."""

    __tablename__ = "agg_referral"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    referral_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    consultation_id: Mapped[str] = mapped_column(String(36))
    offer_id: Mapped[str] = mapped_column(String(36))
    outcome: Mapped[str] = mapped_column(String(12))
    #: Random cell-key record key (zz_protocol.cellkey), kept while the referral lives.
    record_key: Mapped[int] = mapped_column(SeqInt, default=0)

    __table_args__ = (
        Index("ix_agg_referral_consultation", "centre_id", "consultation_id"),
        Index("ix_agg_referral_offer", "offer_id"),
    )


# ---------------------------------------------------------------- files (Wissenspool, issue 14)


class Blob(Base):
    """A file of one scope (a centre or ``programme``), named by the SHA-256 of its content.
    Readable only once ``complete`` (every chunk stored and the whole checksum verified)."""

    __tablename__ = "blob"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(SeqInt)
    chunk_size: Mapped[int] = mapped_column(Integer)
    chunk_digests: Mapped[list[str]] = mapped_column(JSON)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class BlobChunk(Base):
    __tablename__ = "blob_chunk"
    centre_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
