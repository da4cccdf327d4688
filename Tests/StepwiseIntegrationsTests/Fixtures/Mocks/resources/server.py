"""A tiny HTTP server for the integration tests: prints its port, then answers until killed."""
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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
        else:
            headers = {k.lower(): v for k, v in self.headers.items() if k.lower().startswith("x-") or k.lower() == "content-type"}
            echo = {"method": self.command, "path": path, "query": query, "headers": headers, "body": body}
            self.answer(200, json.dumps(echo))

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
