"""Routers of ``/api/v1``: auth, reference, sync, aggregates, health."""
