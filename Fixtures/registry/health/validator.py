"""A stand-in for the registry's validator service, for the health-check tests.

    python3 validator.py [--port 0] [--mode ok|error|hang]

Prints `listening on http://127.0.0.1:PORT` when ready, then one line `GET /health` per request it receives.
`ok` answers 200 {"status": "ok"}; `error` answers 500 {"status": "failing", "reason": "model store unreachable"};
`hang` never answers (the connection stays open until the client gives up).
"""

import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--mode", choices=["ok", "error", "hang"], default="ok")
args = parser.parse_args()
forever = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        print(f"GET {self.path}", flush=True)
        if self.path != "/health":
            return self.answer(404, {"message": "not found"})
        if args.mode == "hang":
            forever.wait()
            return
        if args.mode == "error":
            return self.answer(500, {"status": "failing", "reason": "model store unreachable"})
        return self.answer(200, {"status": "ok"})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_):
        pass


server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
server.daemon_threads = True
print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    sys.exit(0)
