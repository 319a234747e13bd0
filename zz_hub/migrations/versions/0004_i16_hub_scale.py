"""logins that hold: global login backoff, device token rotation

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

revision = "0004_i16"
down_revision = "0003_i15_device_client_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_throttle") as batch:
        batch.add_column(sa.Column("next_allowed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("token_issued_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("previous_token_hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint("uq_device_previous_token_hash", ["previous_token_hash"])


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_constraint("uq_device_previous_token_hash", type_="unique")
        batch.drop_column("previous_token_hash")
        batch.drop_column("token_issued_at")
    with op.batch_alter_table("login_throttle") as batch:
        batch.drop_column("next_allowed_at")
