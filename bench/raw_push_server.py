"""The B10 raw pipe's server, a separate process with no project code on its path: takes pages of
rows as JSON over HTTP on 127.0.0.1 and inserts each page with ``executemany`` into SQLite (WAL,
``synchronous=FULL``, one transaction per page), numbering the rows as a hub would.

``python bench/raw_push_server.py DB.sqlite3`` prints the port, then serves until killed. A POST
body is ``{"rows": [[entity, entity_id, fields], ...]}``; the answer ``{"seqs": [first, last]}``.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real client uses
    db: sqlite3.Connection
    seq = 0

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        rows = json.loads(body)["rows"]
        first = Pages.seq + 1
        params = []
        for entity, entity_id, fields in rows:
            Pages.seq += 1
            params.append((entity, entity_id, json.dumps(fields), Pages.seq))
        db = self.db
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO row_store (entity, entity_id, fields, server_seq) VALUES (?, ?, ?, ?)",
            params,
        )
        db.execute("COMMIT")
        answer = json.dumps({"seqs": [first, Pages.seq]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute(
        "CREATE TABLE IF NOT EXISTS row_store (entity TEXT NOT NULL, entity_id TEXT NOT NULL, "
        "fields TEXT NOT NULL, server_seq INTEGER NOT NULL, PRIMARY KEY (entity, entity_id))"
    )
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS row_store_seq ON row_store (server_seq)")
    Pages.db = db
    server = HTTPServer(("127.0.0.1", 0), Pages)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
