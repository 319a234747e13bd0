"""HTTP to the hub (httpx): protocol headers, gzip for large bodies, retries with exponential
backoff and jitter for transient failures, and the mapping of hub answers onto sync errors.

A pull page can be fetched ahead in a background thread (:meth:`HubClient.prefetch_pull`) while
the engine writes the previous one; its answer is still settled in the engine's thread.

Also the transport's security: ``http://`` only to this computer unless ``insecure_http`` is
given, certificate failures named as such (never retried as "offline"), and a rotated device
token (``X-Device-Token`` in an answer) followed at once and handed to ``on_token`` to be stored.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import ipaddress
import json
import logging
import random
import ssl
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import httpx

from zz_desktop import __version__
from zz_desktop.i18n import t
from zz_desktop.sync.errors import (
    CertificateInvalid,
    ClientOutdated,
    CursorGone,
    HubError,
    InsecureHub,
    LoginFailed,
    Offline,
    TokenRevoked,
)
from zz_protocol.schemas import (
    CLIENT_VERSION_HEADER,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    CheckResponse,
    LoginRequest,
    LoginResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ReferenceResponse,
)

log = logging.getLogger("zz_desktop.sync")
GZIP_OVER = 16 * 1024
#: Asks the hub to say per op whether the row is clean (OpResult.clean, audit_seqs).
ACKS_HEADER = "X-Sync-Acks"
#: Answers worth another try (the request is safe to repeat: pushes are idempotent by op id).
TRANSIENT = frozenset({408, 429, 500, 502, 503, 504})
#: A rotated device token in an answer (zz_hub/device_tokens.py).
TOKEN_HEADER = "x-device-token"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
#: A pull page fetched ahead: the answer, and its body parsed (None: not a page, or unparsable).
Fetched = tuple[httpx.Response, PullResponse | None]


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this computer (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_address(base_url: str, insecure_http: bool = False) -> None:
    """Refuse an ``http://`` hub outside loopback unless explicitly allowed."""
    url = httpx.URL(base_url)
    if url.scheme == "http" and not insecure_http and not is_loopback(url.host):
        raise InsecureHub(url.host)


def certificate_problem(exc: BaseException) -> str | None:
    """The reason when ``exc`` (or what caused it) is a failed certificate verification."""
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            break
        if isinstance(seen, ssl.SSLCertVerificationError):
            return str(seen.verify_message or seen.reason or "verification failed")
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    return "verification failed" if "CERTIFICATE_VERIFY_FAILED" in text else None


@functools.lru_cache(maxsize=8)
def ssl_context(verify: bool | str = True) -> ssl.SSLContext | bool:
    """Building an SSL context costs ~0.2 s; make each kind once per process."""
    if verify is False:
        return False
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def _wait_quietly(future: Future[Any]) -> None:
    """Wait for a request nobody needs any more; what it raised does not matter."""
    try:
        future.result()
    except Exception:  # noqa: BLE001 - the answer is dropped either way
        log.debug("a page fetched ahead was dropped")


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", ""))[:300]
    except (ValueError, AttributeError):
        return response.text[:300]


class HubClient:
    """One hub connection. ``retries`` extra attempts per request, waiting
    ``backoff * 2**n`` seconds (±50 % jitter, at most ``max_wait``) between them."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_wait: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
        verify: bool | str = True,
        protocol_version: int = PROTOCOL_VERSION,
        schema_version: int = SCHEMA_VERSION,
        transport: httpx.BaseTransport | None = None,
        insecure_http: bool = False,
        on_token: Callable[[str], None] | None = None,
    ) -> None:
        check_address(base_url, insecure_http)
        self.base_url = base_url.rstrip("/")
        #: Called with a rotated device token (store it before the next request uses it).
        self.on_token = on_token
        headers = {
            PROTOCOL_HEADER: str(protocol_version),
            SCHEMA_HEADER: str(schema_version),
            "Accept-Encoding": "gzip",
            # Stored with the device on the hub, so an admin sees who still runs an old release.
            CLIENT_VERSION_HEADER: __version__,
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.http = httpx.Client(
            base_url=f"{self.base_url}/api/v1",
            headers=headers,
            timeout=timeout,
            verify=ssl_context(verify) if transport is None else verify,
            transport=transport,
        )
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        #: The hub's clock as seen in the last answer (for the skew warning).
        self.server_time: dt.datetime | None = None
        #: The hub's ``X-Hub-Epoch`` of the last answer ("<id>;<base>"), see sync/epoch.py.
        self.epoch: str | None = None
        #: A pull page being fetched ahead: ((after, limit, skip_own), its future), see
        #: prefetch_pull.
        self._ahead: tuple[tuple[int, int, bool], Future[Fetched]] | None = None
        self._pool: ThreadPoolExecutor | None = None

    def close(self) -> None:
        self._drain()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        self.http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ raw request with retries

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """``body`` is sent as JSON; ``raw`` as bytes as they are (a file chunk)."""
        content: bytes | None = raw
        headers = dict(headers or {})
        if raw:
            headers["Content-Type"] = "application/octet-stream"
        if body is not None:
            content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
            if len(content) > GZIP_OVER:
                content = gzip.compress(content, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
        self._drain()  # one request at a time: a page fetched ahead is waited for first
        return self._settle(self._send(method, path, content, headers, params, auth), auth)

    def _send(
        self,
        method: str,
        path: str,
        content: bytes | None,
        headers: dict[str, str],
        params: dict[str, Any] | None,
        auth: bool,
    ) -> httpx.Response:
        """The request with its retries, up to an answer that is not transient (any thread)."""
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                wait = min(self.max_wait, self.backoff * 2 ** (attempt - 1))
                self.sleep(wait * random.uniform(0.5, 1.5))
            try:
                response = self.http.request(
                    method, path, content=content, params=params, headers=headers
                )
            except httpx.TransportError as exc:
                reason = certificate_problem(exc)
                if reason is not None:
                    raise CertificateInvalid(reason) from None
                last = type(exc).__name__
                log.info("sync request %s %s failed: %s", method, path, last)
                continue
            if response.status_code == 429 and not auth:
                # A throttled login: waiting a few seconds would not help, the user must know.
                wait = response.headers.get("retry-after", "")
                raise LoginFailed(
                    t("too many attempts; try again in {seconds} s", seconds=wait or "60")
                )
            if response.status_code in TRANSIENT:
                last = f"HTTP {response.status_code}"
                continue
            return response
        raise Offline(last)

    def _settle(self, response: httpx.Response, auth: bool) -> httpx.Response:
        """The answer's clock, epoch and rotated token are taken, its status judged (in the
        thread that asked, in the order of the requests)."""
        self._server_time(response)
        self._follow_token(response)
        return self._check(response, auth)

    # ------------------------------------------------------------------ a pull page ahead

    def prefetch_pull(self, after: int, limit: int, skip_own: bool = False) -> None:
        """Start fetching the pull page after ``after`` in a background thread, so that it
        travels while the caller writes the current page. Only sending, reading and parsing
        happen there; :meth:`pull` of the same page takes the answer and settles it (clock,
        epoch, token, status) in the caller's thread. Any other request waits for it first."""
        self._drain()
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zz-sync-pull")
        params = _pull_params(after, limit, skip_own)
        self._ahead = ((after, limit, skip_own), self._pool.submit(self._fetch_page, params))

    def _fetch_page(self, params: dict[str, Any]) -> Fetched:
        response = self._send("GET", "/sync/pull", None, {}, params, True)
        parsed = None
        if response.status_code < 300:
            try:
                parsed = PullResponse.model_validate_json(response.content)
            except ValueError:
                parsed = None  # parsed again (and refused) where the page is taken
        return response, parsed

    def _take_ahead(self, key: tuple[int, int, bool]) -> Fetched | None:
        ahead, self._ahead = self._ahead, None
        if ahead is None:
            return None
        if ahead[0] != key:
            _wait_quietly(ahead[1])
            return None
        return ahead[1].result()  # raises what the request raised (Offline, …)

    def _drain(self) -> None:
        """Wait for a page fetched ahead that nobody asked for, and drop it."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            _wait_quietly(ahead[1])

    def _follow_token(self, response: httpx.Response) -> None:
        token = response.headers.get(TOKEN_HEADER)
        if not token or response.status_code >= 300:
            return
        # Stored first: if storing fails, the old token still works on the hub (as the
        # previous one) until the new one is used.
        if self.on_token is not None:
            self.on_token(token)
        self.http.headers["Authorization"] = f"Bearer {token}"
        log.info("device token rotated by the hub")

    def _server_time(self, response: httpx.Response) -> None:
        self.epoch = response.headers.get("x-hub-epoch") or self.epoch
        raw = response.headers.get("x-server-time")
        if not raw:
            return
        try:
            value = dt.datetime.fromisoformat(raw.rstrip("Z"))
        except ValueError:
            return
        self.server_time = value.replace(tzinfo=None)

    @staticmethod
    def _check(response: httpx.Response, auth: bool) -> httpx.Response:
        status = response.status_code
        if status < 300:
            return response
        detail = _detail(response)
        if status == 401:
            if auth:
                raise TokenRevoked()
            raise LoginFailed(detail)
        if status == 426:
            raise ClientOutdated(detail)
        if status == 410:
            raise CursorGone(detail)
        raise HubError(status, detail)

    # ------------------------------------------------------------------ endpoints

    def login(self, username: str, password: str, device_name: str) -> LoginResponse:
        req = LoginRequest(username=username, password=password, device_name=device_name)
        response = self.request("POST", "/auth/login", body=req.model_dump(), auth=False)
        return LoginResponse.model_validate_json(response.content)

    def logout(self) -> None:
        self.request("POST", "/auth/logout")

    def reference(self) -> ReferenceResponse:
        return ReferenceResponse.model_validate_json(self.request("GET", "/reference").content)

    def push(self, request: PushRequest) -> PushResponse:
        """Push a batch; the answers say per op whether the row is ``clean`` (see
        ``outbox.acknowledge``)."""
        body = request.model_dump(mode="json")
        for op in body["ops"]:
            if not op["audit"]:
                del op["audit"]  # as before issue 16: a hub of that time refuses the field
        response = self.request("POST", "/sync/push", body=body, headers={ACKS_HEADER: "clean"})
        return PushResponse.model_validate_json(response.content)

    def pull(self, after: int, limit: int, skip_own: bool = False) -> PullResponse:
        """A page of changes after ``after`` (taken from :meth:`prefetch_pull` when it fetched
        this page). ``skip_own``: leave out rows this device's pushes left clean (it holds them
        already); never after a restore of the device's backup."""
        ahead = self._take_ahead((after, limit, skip_own))
        if ahead is None:
            params = _pull_params(after, limit, skip_own)
            response = self.request("GET", "/sync/pull", params=params)
            return PullResponse.model_validate_json(response.content)
        response, parsed = ahead
        self._settle(response, True)
        return parsed if parsed is not None else PullResponse.model_validate_json(response.content)

    def check(self) -> CheckResponse:
        return CheckResponse.model_validate_json(self.request("GET", "/sync/check").content)


def _pull_params(after: int, limit: int, skip_own: bool) -> dict[str, Any]:
    params: dict[str, Any] = {"after": after, "limit": limit}
    if skip_own:
        params["skip_own"] = "true"
    return params
