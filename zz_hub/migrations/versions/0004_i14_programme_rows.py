"""programme-wide rows, referral aggregates and the Wissenspool's file store

Programme-wide synced rows (partner offers of the whole programme) are stored in ``sync_row``
under a reserved centre, id ``programme`` and kind ``programme`` (zz_hub/tenancy.py), which no
account can belong to.

Revision ID: 0004_i14
Revises: 0004_i12
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_i14"
down_revision = "0004_i12"
branch_labels = None
depends_on = None

_centre = sa.table(
    "centre",
    sa.column("id", sa.String),
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("state", sa.String),
    sa.column("kind", sa.String),
)


#: BIGINT on PostgreSQL, INTEGER on SQLite (models.SeqInt).
_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "agg_partner_offer",
        sa.Column("centre_id", sa.String(36), nullable=False),
        sa.Column("offer_id", sa.String(36), nullable=False),
        sa.Column("partner_type", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("centre_id", "offer_id", name="pk_agg_partner_offer"),
    )
    op.create_index("ix_agg_partner_offer_offer", "agg_partner_offer", ["offer_id"])
    op.create_table(
        "agg_referral",
        sa.Column("centre_id", sa.String(36), nullable=False),
        sa.Column("referral_id", sa.String(36), nullable=False),
        sa.Column("consultation_id", sa.String(36), nullable=False),
        sa.Column("offer_id", sa.String(36), nullable=False),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("record_key", _SEQ, nullable=False),
        sa.PrimaryKeyConstraint("centre_id", "referral_id", name="pk_agg_referral"),
    )
    op.create_index(
        "ix_agg_referral_consultation", "agg_referral", ["centre_id", "consultation_id"]
    )
    op.create_index("ix_agg_referral_offer", "agg_referral", ["offer_id"])
    op.create_table(
        "blob",
        sa.Column("centre_id", sa.String(36), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("size", _SEQ, nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("chunk_digests", sa.JSON(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("centre_id", "digest", name="pk_blob"),
    )
    op.create_table(
        "blob_chunk",
        sa.Column("centre_id", sa.String(36), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("centre_id", "digest", "idx", name="pk_blob_chunk"),
    )
    op.bulk_insert(
        _centre,
        [
            {
                "id": "programme",
                "code": "_PROGRAMME",
                "name": "Programme-wide",
                "state": "DE",
                "kind": "programme",
            }
        ],
    )


def downgrade() -> None:
    op.drop_table("blob_chunk")
    op.drop_table("blob")
    op.drop_table("agg_referral")
    op.drop_table("agg_partner_offer")
    op.execute(sa.text("DELETE FROM sync_row WHERE centre_id = 'programme'"))
    op.execute(sa.text("DELETE FROM centre WHERE id = 'programme'"))
