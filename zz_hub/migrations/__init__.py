"""Alembic migrations of the hub database (run automatically by every ``zz-hub`` command)."""
