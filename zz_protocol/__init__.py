"""Wire contract shared by the desktop client and the hub (see docs: sync-protocol)."""

from zz_protocol.schemas import PROTOCOL_VERSION, SCHEMA_VERSION

__all__ = ["PROTOCOL_VERSION", "SCHEMA_VERSION"]
