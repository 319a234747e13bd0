"""The B1 raw pipe's server, a separate process with no project code on its path: serves the
rows of a hub's SQLite file (``sync_row``) as JSON pages of 500 over HTTP on 127.0.0.1.

``python bench/raw_pipe_server.py HUB.sqlite3`` prints the port, then serves until killed."""

from __future__ import annotations

import json
import sqlite3
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PAGE = 500


class Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real client uses
    db_path = ""

    def do_GET(self) -> None:  # noqa: N802
        after = int(parse_qs(urlparse(self.path).query).get("after", ["0"])[0])
        conn = sqlite3.connect(self.db_path)
        rows = conn.execute(
            "SELECT server_seq, entity, entity_id, fields FROM sync_row WHERE server_seq > ? "
            "ORDER BY server_seq LIMIT ?",
            (after, PAGE + 1),
        ).fetchall()
        conn.close()
        page = rows[:PAGE]
        body = json.dumps(
            {
                "changes": [
                    {"seq": s, "entity": e, "entity_id": i, "fields": json.loads(f)}
                    for s, e, i, f in page
                ],
                "next": page[-1][0] if page else after,
                "has_more": len(rows) > PAGE,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    Pages.db_path = sys.argv[1]
    # Pages in server order need an index on it (the hub's own is per centre); built before
    # the port is printed, so before the client's clock starts.
    conn = sqlite3.connect(Pages.db_path)
    conn.execute("CREATE INDEX IF NOT EXISTS raw_pipe_seq ON sync_row (server_seq)")
    conn.commit()
    conn.close()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
