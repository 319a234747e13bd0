"""The sync client engine (Qt-free): push the outbox, pull pages of changes, check convergence.

See ``docs/sync.md`` and ``shared/design/sync-protocol.md``. The GUI and the CLI use it through
``zz_desktop.services.sync_service``.
"""
