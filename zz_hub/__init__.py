"""The central hub: FastAPI service for push/pull sync, tenancy, aggregates and the admin CLI."""
