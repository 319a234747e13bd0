"""ASGI middleware: protocol/schema version gate (426), body size limit and gzip request bodies
(413, also after decompression), the server time and epoch on every response, and a rotated
device token on the answer of the request that rotated it."""

from __future__ import annotations

import json
import zlib
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zz_hub.config import HubSettings
from zz_hub.device_tokens import TOKEN_HEADER
from zz_hub.epoch import Epoch, header_for
from zz_hub.security import utcnow
from zz_protocol.schemas import PROTOCOL_HEADER, SCHEMA_HEADER


class _Reject(Exception):
    def __init__(self, status: int, detail: str) -> None:
        self.status = status
        self.detail = detail


class HubMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        settings: HubSettings,
        epoch: Epoch | None = None,
        bases: dict[str, int] | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.epoch = epoch
        #: Each centre's epoch base (zz_hub/epoch.py); fixed while the hub runs (a new epoch is
        #: begun with every worker stopped).
        self.bases = bases or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Made here so that routes (request.state) and the answer below share one dict.
        state = scope.setdefault("state", {})
        send = self._with_server_time(send, state)
        try:
            self._check_versions(scope)
            receive = await self._limited_body(scope, receive)
        except _Reject as reject:
            await _send_error(send, reject.status, reject.detail)
            return
        await self.app(scope, receive, send)

    def _epoch_header(self, state: dict[str, Any]) -> bytes:
        if self.epoch is None:
            return b""
        # The caller's centre is known once its token was checked (api.deps.current_caller).
        return header_for(self.epoch, self.bases, state.get("centre_id")).encode()

    def _with_server_time(self, send: Send, state: dict[str, Any]) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                rotated = state.get("rotated_token")
                if rotated and message.get("status", 500) < 400:
                    # A rotated device token (zz_hub/device_tokens.py), only with a success:
                    # an error answer may be dropped by the client's retry path.
                    headers.append((TOKEN_HEADER.lower().encode(), str(rotated).encode()))
                headers.append(
                    (b"x-server-time", utcnow().isoformat(timespec="milliseconds").encode() + b"Z")
                )
                # Which history our sequence numbers belong to (zz_hub/epoch.py).
                headers.append((b"x-hub-epoch", self._epoch_header(state)))
                message = {**message, "headers": headers}
            await send(message)

        return wrapped

    def _check_versions(self, scope: Scope) -> None:
        path: str = scope.get("path", "")
        if not path.startswith("/api/v1/") or path == "/api/v1/health":
            return
        headers = _headers(scope)
        s = self.settings
        checks = (
            (PROTOCOL_HEADER, s.protocol_min, s.protocol_max, "sync protocol"),
            (SCHEMA_HEADER, s.schema_min, s.schema_max, "data schema"),
        )
        for header, low, high, what in checks:
            raw = headers.get(header.lower())
            if raw is None:
                # The protocol version is required for sync; the schema version is optional.
                if header == PROTOCOL_HEADER and path.startswith("/api/v1/sync/"):
                    raise _Reject(
                        426, f"missing {header} header; this hub speaks {what} {low}..{high}"
                    )
                continue
            try:
                version = int(raw)
            except ValueError:
                version = -1
            if not low <= version <= high:
                raise _Reject(
                    426,
                    f"{what} version {raw} is not supported; this hub accepts {low}..{high} — "
                    "please update the app (your unsent changes are kept)",
                )

    async def _limited_body(self, scope: Scope, receive: Receive) -> Receive:
        if scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE"):
            return receive
        limit = self.settings.max_body_bytes
        headers = _headers(scope)
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _Reject(413, "request body too large")
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Reject(400, "client disconnected")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _Reject(413, "request body too large")
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        encoding = headers.get("content-encoding", "").strip().lower()
        if encoding == "gzip":
            body = _gunzip(body, limit)
            _replace_headers(scope, len(body))
        elif encoding not in ("", "identity"):
            raise _Reject(415, "unsupported content encoding")
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay


def _gunzip(data: bytes, limit: int) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as exc:
        raise _Reject(400, "invalid gzip body") from exc
    if len(out) > limit or decompressor.unconsumed_tail:
        raise _Reject(413, "request body too large")
    return out


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _replace_headers(scope: Scope, length: int) -> None:
    kept = [
        (k, v)
        for k, v in scope.get("headers", [])
        if k.lower() not in (b"content-encoding", b"content-length")
    ]
    kept.append((b"content-length", str(length).encode()))
    scope["headers"] = kept


async def _send_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers: list[Any] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
