"""partner network: partner offers (programme-wide or a centre's) and structured referrals of
a consultation to them; Wissenspool items and the device-local store of their files

Revision ID: 0006_i14
Revises: 0005_i10b_search_fold
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_i14"
down_revision = "0005_i10b_search_fold"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    """The columns every synced row carries (store/base.py: Synced)."""
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("centre_id", sa.String(36), nullable=True, index=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(36), nullable=True),
        sa.Column("updated_by", sa.String(36), nullable=True),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "partner_offer",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("provider", sa.String(200), nullable=True),
        sa.Column("partner_type", sa.String(20), nullable=False),
        sa.Column("offer", sa.Text(), nullable=True),
        sa.Column("contact_name", sa.String(200), nullable=True),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("phone", sa.String(40), nullable=True),
        sa.Column("website", sa.String(300), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("laender", sa.JSON(), nullable=False),
        sa.Column("kreise", sa.JSON(), nullable=False),
        sa.Column("region_note", sa.String(200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "referral",
        *_synced_columns(),
        sa.Column(
            "consultation_id",
            sa.String(36),
            sa.ForeignKey("consultation.id", name="fk_referral_consultation_id_consultation"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "partner_offer_id",
            sa.String(36),
            sa.ForeignKey("partner_offer.id", name="fk_referral_partner_offer_id_partner_offer"),
            nullable=False,
            index=True,
        ),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column(
            "followup_id",
            sa.String(36),
            sa.ForeignKey("followup.id", name="fk_referral_followup_id_followup"),
            nullable=True,
        ),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("outcome_date", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=True),
    )


    op.create_table(
        "knowledge_item",
        *_synced_columns(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("target_groups", sa.JSON(), nullable=False),
        sa.Column("origin_centre_id", sa.String(36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("review_state", sa.String(12), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("url", sa.String(500), nullable=True),
        sa.Column("sources", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "file_blob",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("chunk_count", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "file_chunk",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("idx", sa.Integer(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("file_chunk")
    op.drop_table("file_blob")
    op.drop_table("knowledge_item")
    op.drop_table("referral")
    op.drop_table("partner_offer")
