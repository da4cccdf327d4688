#!/usr/bin/env python3
"""The package validator service, locally: a stand-in for the validator that runs on ECS behind the load balancer.

    python3 Fixtures/registry/validator.py [--port 8097] [--deny NAME]... [--max-size BYTES] [--status CODE]

Prints `listening on http://127.0.0.1:PORT` when ready (--port 0: a port the system chooses).
POST /validate with {name, version, s3Key, size, etag, metadata} answers 200 {"valid": true} or
{"valid": false, "reason": "..."}: a name given with --deny, an empty artifact, one larger than --max-size
(default 100 MiB) or a file that is not a .tgz / .tar.gz is refused. GET /health answers 200 {"status": "ok"}.
GET /requests lists the validation requests received. `--status CODE` answers every request with CODE instead
(503: the service is down, for register-package's retry and ValidatorUnavailable paths)."""
import argparse
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=8097)
parser.add_argument("--deny", action="append", default=[])
parser.add_argument("--max-size", type=int, default=100 * 1024 * 1024)
parser.add_argument("--status", type=int)
args = parser.parse_args()

REQUESTS = []


def verdict(package):
    key = str(package.get("s3Key", ""))
    size = package.get("size")
    if package.get("name") in args.deny:
        return {"valid": False, "reason": "package %s is on the deny list" % package.get("name")}
    if not isinstance(size, int) or size <= 0:
        return {"valid": False, "reason": "the artifact is empty"}
    if size > args.max_size:
        return {"valid": False, "reason": "the artifact is %d bytes, more than %d" % (size, args.max_size)}
    if not (key.endswith(".tgz") or key.endswith(".tar.gz")):
        return {"valid": False, "reason": "the artifact is not a .tgz or .tar.gz archive"}
    return {"valid": True}


class Handler(BaseHTTPRequestHandler):
    def serve(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if args.status:
            status, result = args.status, {"message": "unavailable"}
        elif self.command == "POST" and self.path == "/validate":
            try:
                package = json.loads(body or "null")
            except ValueError:
                package = None
            if not isinstance(package, dict):
                status, result = 400, {"message": "expected a JSON object"}
            else:
                REQUESTS.append(package)
                status, result = 200, verdict(package)
        elif self.command == "GET" and self.path == "/health":
            status, result = 200, {"status": "ok"}
        elif self.command == "GET" and self.path == "/requests":
            status, result = 200, REQUESTS
        else:
            status, result = 404, {"message": "not found"}
        data = json.dumps(result).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = serve

    def log_message(self, format, *arguments):
        pass


server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
print("listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
server.serve_forever()
