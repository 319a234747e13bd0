"""ESF questionnaires (Teil 1 entry, Teil 2 exit) as versioned records

No data is migrated: the existing person fields describe the person *today*, not at entry, and
the participations' ``entry_questionnaire`` flags carry no answers. A snapshot made from them
would invent a situation at entry, so persons without a recorded questionnaire are simply listed
as "not counted" in the ESF report until their Teil 1 is entered (docs/reports.md).

Revision ID: 0006_i11
Revises: 0006_i14
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_i11"
down_revision = "0006_i14"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questionnaire",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("part", sa.String(length=5), nullable=False),
        sa.Column("series_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("participation_id", sa.String(length=36), nullable=True),
        sa.Column("consultation_id", sa.String(length=36), nullable=True),
        sa.Column("correction_reason", sa.String(length=300), nullable=True),
        sa.Column("gender", sa.String(length=12), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("age_at_entry", sa.Integer(), nullable=True),
        sa.Column("employment_status", sa.String(length=24), nullable=True),
        sa.Column("education", sa.String(length=12), nullable=True),
        sa.Column("disability", sa.String(length=10), nullable=True),
        sa.Column("third_country_national", sa.String(length=10), nullable=True),
        sa.Column("foreign_origin", sa.String(length=10), nullable=True),
        sa.Column("minority", sa.String(length=10), nullable=True),
        sa.Column("homeless", sa.String(length=10), nullable=True),
        sa.Column("rural_area", sa.String(length=10), nullable=True),
        sa.Column("job_searching", sa.String(length=3), nullable=True),
        sa.Column("in_education", sa.String(length=3), nullable=True),
        sa.Column("qualification", sa.String(length=3), nullable=True),
        sa.Column("employed", sa.String(length=3), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("centre_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_questionnaire_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["participation_id"],
            ["participation.id"],
            name=op.f("fk_questionnaire_participation_id_participation"),
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_questionnaire_consultation_id_consultation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire")),
    )
    with op.batch_alter_table("questionnaire", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_questionnaire_centre_id"), ["centre_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_questionnaire_series_id"), ["series_id"], unique=False)
        batch_op.create_index("ix_questionnaire_person_part", ["person_id", "part"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("questionnaire", schema=None) as batch_op:
        batch_op.drop_index("ix_questionnaire_person_part")
        batch_op.drop_index(batch_op.f("ix_questionnaire_series_id"))
        batch_op.drop_index(batch_op.f("ix_questionnaire_centre_id"))
    op.drop_table("questionnaire")
