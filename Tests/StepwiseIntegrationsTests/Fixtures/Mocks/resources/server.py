"""A tiny HTTP server for the integration tests: prints its port, then answers until killed.

/hang?id=X never answers (for 30 s) and records what became of the request: "open" while the client waits,
"closed" once the client has closed the connection (an aborted request), "answered" if it ever got an answer.
/seen?id=X tells which.
"""
import json, select, socket, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

seen = {}
seen_lock = threading.Lock()


def record(key, state):
    with seen_lock:
        seen[key] = state


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("X-Test", "yes")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        path, _, query = self.path.partition("?")
        if path == "/score":
            self.answer(200, json.dumps({"score": len(json.loads(body)["items"])}))
        elif path == "/overloaded":
            self.answer(503, "try later", "text/plain")
        elif path == "/missing":
            self.answer(404, json.dumps({"message": "no such order"}))
        elif path == "/text":
            self.answer(200, "plain words", "text/plain")
        elif path == "/slow":
            time.sleep(10)
            self.answer(200, "{}")
        elif path == "/hang":
            self.hang(parse_qs(query).get("id", [""])[0])
        elif path == "/seen":
            with seen_lock:
                state = seen.get(parse_qs(query).get("id", [""])[0], "unknown")
            self.answer(200, json.dumps({"state": state}))
        else:
            headers = {k.lower(): v for k, v in self.headers.items() if k.lower().startswith("x-") or k.lower() == "content-type"}
            echo = {"method": self.command, "path": path, "query": query, "headers": headers, "body": body}
            self.answer(200, json.dumps(echo))

    def hang(self, key):
        """Waits up to 30 s without answering, watching for the client to close the connection."""
        record(key, "open")
        deadline = time.time() + 30
        while time.time() < deadline:
            readable, _, _ = select.select([self.connection], [], [], 0.05)
            if readable and self.connection.recv(1, socket.MSG_PEEK) == b"":
                record(key, "closed")
                self.close_connection = True
                return
        record(key, "answered")
        self.answer(200, "{}")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
