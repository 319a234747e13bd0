"""hub at scale: a sequence per centre; logins that hold (global backoff, token rotation)

``centre_counter`` gives every centre its own server sequence (zz_hub/seq.py): each existing
centre starts at the old hub-wide counter value (no number is reused, order is kept) with the
old purge horizon and epoch base, so devices see the same epoch header as before and no cursor
moves. ``sync_row.server_seq`` becomes unique per centre instead of hub-wide.

``login_throttle.next_allowed_at`` carries an account's global backoff (zz_hub/login_guard.py).
``device.token_issued_at`` and ``device.previous_token_hash`` let a token rotate: the replaced
token keeps working until the new one is first used (zz_hub/device_tokens.py).

Revision ID: 0004_i16
Revises: 0003_i15_device_client_version
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

revision = "0004_i16"
down_revision = "0003_i15_device_client_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "centre_counter",
        sa.Column("centre_id", sa.String(length=36), nullable=False),
        sa.Column("value", SEQ, nullable=False),
        sa.Column("purged_up_to", SEQ, nullable=False),
        sa.Column("epoch_base", SEQ, nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_centre_counter_centre_id_centre")
        ),
        sa.PrimaryKeyConstraint("centre_id", name=op.f("pk_centre_counter")),
    )
    op.execute(
        "INSERT INTO centre_counter (centre_id, value, purged_up_to, epoch_base) "
        "SELECT centre.id, seq_counter.value, seq_counter.purged_up_to, seq_counter.epoch_base "
        "FROM centre CROSS JOIN seq_counter WHERE seq_counter.id = 1"
    )
    with op.batch_alter_table("sync_row") as batch:
        batch.drop_constraint("uq_sync_row_server_seq", type_="unique")
        batch.drop_index("ix_sync_row_centre_seq")
        batch.create_index("ix_sync_row_centre_seq", ["centre_id", "server_seq"], unique=True)
    with op.batch_alter_table("login_throttle") as batch:
        batch.add_column(sa.Column("next_allowed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("token_issued_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("previous_token_hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint("uq_device_previous_token_hash", ["previous_token_hash"])


def downgrade() -> None:
    # Back to one hub-wide sequence: only possible while numbers are still unique hub-wide.
    with op.batch_alter_table("sync_row") as batch:
        batch.drop_index("ix_sync_row_centre_seq")
        batch.create_index("ix_sync_row_centre_seq", ["centre_id", "server_seq"], unique=False)
        batch.create_unique_constraint("uq_sync_row_server_seq", ["server_seq"])
    op.execute(
        "UPDATE seq_counter SET value = (SELECT COALESCE(MAX(value), seq_counter.value) "
        "FROM centre_counter) WHERE id = 1"
    )
    op.drop_table("centre_counter")
    with op.batch_alter_table("device") as batch:
        batch.drop_constraint("uq_device_previous_token_hash", type_="unique")
        batch.drop_column("previous_token_hash")
        batch.drop_column("token_issued_at")
    with op.batch_alter_table("login_throttle") as batch:
        batch.drop_column("next_allowed_at")
