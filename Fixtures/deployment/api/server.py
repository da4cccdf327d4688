#!/usr/bin/env python3
"""The deployed API, locally: serves src/handler.py over HTTP on 127.0.0.1.

    python3 api/server.py [--port 8090] [--broken update] [--hold FILE]

Prints `listening on http://127.0.0.1:PORT` when ready (--port 0: a port the system chooses).
POST /reports records a coordination report, GET /reports lists them.
`--broken CHECK` makes one post-deployment check fail (health: /health answers 503; update: PUT answers 500),
as a bad release would. `--hold FILE` keeps every request waiting until FILE exists (tests use it to keep a
deployment running while they look at the queue behind it)."""
import argparse
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
import handler  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=8090)
parser.add_argument("--broken", choices=["health", "update"])
parser.add_argument("--hold")
args = parser.parse_args()


REPORTS = []


class Handler(BaseHTTPRequestHandler):
    def serve(self):
        deadline = time.monotonic() + 120
        while args.hold and not os.path.exists(args.hold) and time.monotonic() < deadline:
            time.sleep(0.02)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else None
        headers = {k.lower(): v for k, v in self.headers.items()}
        if self.path == "/reports":
            # The coordination pipeline reports here (POST); GET lists what it reported.
            if self.command == "POST":
                REPORTS.append(json.loads(body or "null"))
            result = handler.response(200 if self.command == "GET" else 201, REPORTS if self.command == "GET" else {"received": True})
        elif args.broken == "health" and self.path == "/health":
            result = handler.response(503, {"message": "unhealthy"})
        elif args.broken == "update" and self.command == "PUT":
            result = handler.response(500, {"message": "internal error"})
        else:
            result = handler.handle(self.command, self.path, headers, body)
        data = result["body"].encode()
        self.send_response(result["statusCode"])
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = serve

    def log_message(self, format, *arguments):
        pass


server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
print("listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
server.serve_forever()
