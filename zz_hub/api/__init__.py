"""HTTP API of the hub (FastAPI): dependencies, middleware and the ``/api/v1`` routers."""
