"""Reading SQLCipher 4 files page by page with the profile key (AES-256-CBC, raw key, 80 reserved
bytes per page: IV then HMAC), so a test can scan every decrypted page — free pages, dropped FTS5
segments and stale WAL frames included — for personal data, not only the live rows."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80  # 16 bytes IV + 64 bytes HMAC-SHA512
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def _decrypt_page(key: bytes, page: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    body = page[start : PAGE - RESERVE]
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(body) + dec.finalize()


def decrypted_database(path: Path, key_hex: str) -> bytes:
    """Every page of a SQLCipher database file, decrypted (page 1 without its salt)."""
    key = bytes.fromhex(key_hex[:64])
    data = path.read_bytes()
    pages = [data[i : i + PAGE] for i in range(0, len(data) - len(data) % PAGE, PAGE)]
    return b"".join(_decrypt_page(key, p, i == 0) for i, p in enumerate(pages))


def decrypted_wal(path: Path, key_hex: str) -> bytes:
    """Every frame's page of a WAL file, decrypted."""
    key = bytes.fromhex(key_hex[:64])
    data = path.read_bytes()
    out = []
    pos = WAL_HEADER
    while pos + FRAME_HEADER + PAGE <= len(data):
        pgno = int.from_bytes(data[pos : pos + 4], "big")
        page = data[pos + FRAME_HEADER : pos + FRAME_HEADER + PAGE]
        out.append(_decrypt_page(key, page, pgno == 1))
        pos += FRAME_HEADER + PAGE
    return b"".join(out)


def page_one_is_readable(path: Path, key_hex: str) -> bool:
    """Self-check of the decryption: a decrypted page 1 holds a plausible SQLite header tail
    (page size 4096 at offset 16 of the plain header = offset 0 after the salt)."""
    plain = decrypted_database(path, key_hex)[:8]
    # Page size, then file format write/read versions (1 = rollback journal, 2 = WAL).
    return plain[:2] == (PAGE).to_bytes(2, "big") and plain[2] in (1, 2) and plain[3] in (1, 2)
