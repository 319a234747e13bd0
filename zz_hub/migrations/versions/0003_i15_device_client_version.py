"""the desktop release each device last synced with

``device.client_version`` holds the X-ZZ-Client-Version header of the device's latest request
(written with its last-seen time), so that ``zz-hub admin device-state`` shows which devices
still run an old release.

Revision ID: 0003_i15_device_client_version
Revises: 0003_i12_cell_keys
Create Date: 2026-12-01 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_i15_device_client_version"
down_revision = "0003_i12_cell_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("client_version", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_column("client_version")
