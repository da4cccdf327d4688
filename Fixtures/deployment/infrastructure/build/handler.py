"""The registry API's Lambda handler: persons CRUD behind a bearer token (the integrated handler)."""
import json

PERSONS = {}


def response(status, body=None):
    return {"statusCode": status, "headers": {"Content-Type": "application/json"},
            "body": "" if body is None else json.dumps(body)}


def handle(method, path, headers, body, token="local-test-token"):
    if path == "/health":
        return response(200, {"status": "ok"})
    if not path.startswith("/persons"):
        return response(404, {"message": "not found"})
    if headers.get("authorization") != "Bearer " + token:
        return response(401, {"message": "Unauthorized"})
    parts = [p for p in path.split("/") if p]
    if len(parts) == 1 and method == "POST":
        person = json.loads(body or "{}")
        if not person.get("id"):
            return response(400, {"message": "id is required"})
        PERSONS[person["id"]] = person
        return response(201, person)
    if len(parts) == 2:
        pid = parts[1]
        if pid not in PERSONS:
            return response(404, {"message": "no person " + pid})
        if method == "GET":
            return response(200, PERSONS[pid])
        if method == "PUT":
            PERSONS[pid] = json.loads(body or "{}")
            return response(200, PERSONS[pid])
        if method == "DELETE":
            del PERSONS[pid]
            return response(204)
    return response(405, {"message": "method not allowed"})


def lambda_handler(event, context):
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    return handle(event.get("httpMethod", "GET"), event.get("path", "/"), headers, event.get("body"))
