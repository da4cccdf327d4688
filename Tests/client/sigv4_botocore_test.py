#!/usr/bin/env python3
"""Signs the same requests with botocore's signer (SigV4Auth, SigV4QueryAuth) and with ours (`stepwise sigv4-sign`)
and checks that the results are the same, byte for byte: Authorization, X-Amz-Date, X-Amz-Security-Token,
X-Amz-Content-SHA256, and the whole query of a presigned URL.

Usage: sigv4_botocore_test.py path/to/stepwise
Exits 0 when every request matches; prints the first difference and exits 1 otherwise.
"""
import datetime
import json
import subprocess
import sys
from unittest import mock
from urllib.parse import urlsplit

from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

BINARY = sys.argv[1]
WHEN = datetime.datetime(2026, 12, 7, 14, 36, 9)
AMZ_DATE = "20261207T143609Z"
HOST = "127.0.0.1:8083"
KEY = ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

START = json.dumps({"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:hello", "input": "{\"a\": \"é\"}"})
CASES = [
    # name, method, path, query, headers, body, service, region, token, extra
    ("StartExecution as boto3 sends it", "POST", "/", [],
     [("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "AWSStepFunctions.StartExecution")],
     START, "states", "us-east-1", None, {}),
    ("temporary credentials add a signed X-Amz-Security-Token", "POST", "/", [],
     [("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "AWSStepFunctions.ListStateMachines")],
     "{}", "states", "eu-west-1", "FQoGZXIvYXdzEXAMPLE//token+with/slashes=", {}),
    ("a REST GET with a query that needs encoding", "GET", "/jobs", [("status", "RUNNING"), ("workflow", "a b/ç~*")],
     [("Accept", "application/json")], "", "states", "us-east-1", None, {}),
    ("a path with spaces, dots and repeated slashes", "GET", "/a%20b//./c/../d/", [("z", ""), ("a", "2"), ("a", "1")],
     [("My-Header", "  x   y  ")], "", "execute-api", "us-west-2", None, {}),
    ("X-Amz-Content-SHA256 when asked", "PUT", "/bucket/key.txt", [], [("Content-Type", "text/plain")], "hello\n", "s3x",
     "us-east-1", None, {"contentSha256": True}),
    ("unsigned headers (User-Agent) are left out", "POST", "/", [],
     [("User-Agent", "Boto3/1.0"), ("Content-Type", "application/x-amz-json-1.0")], "{}", "states", "us-east-1", None, {}),
]
PRESIGNED = [
    ("a presigned GET", "/jobs", [("status", "RUNNING")], 300, None),
    ("a presigned GET with a session token", "/console/api/jobs", [], 3600, "token/with+plus="),
]


def ours(request):
    result = subprocess.run([BINARY, "sigv4-sign"], input=json.dumps(request).encode(), capture_output=True, check=True)
    return json.loads(result.stdout)


def botocore_signed(method, path, query, headers, body, service, region, token, sha_header):
    request = AWSRequest(method=method, url=f"http://{HOST}{path}", headers=dict([("Host", HOST)] + headers), data=body.encode(),
                         params=query)
    if sha_header:
        from hashlib import sha256
        request.headers["X-Amz-Content-SHA256"] = sha256(body.encode()).hexdigest()
    with mock.patch("botocore.auth.get_current_datetime", return_value=WHEN):
        SigV4Auth(Credentials(*KEY, token), service, region).add_auth(request)
    return request


def check(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}:\n  ours     {actual!r}\n  botocore {expected!r}")


def main():
    for name, method, path, query, headers, body, service, region, token, extra in CASES:
        request = {"region": region, "service": service, "accessKeyId": KEY[0], "secretAccessKey": KEY[1], "date": AMZ_DATE,
                   "method": method, "path": path, "query": query, "headers": [["Host", HOST]] + [list(h) for h in headers],
                   "body": body, **extra}
        if token:
            request["sessionToken"] = token
        mine = {n.lower(): v for n, v in ours(request)["headers"]}
        theirs = botocore_signed(method, path, query, headers, body, service, region, token, extra.get("contentSha256"))
        for header in ["Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-SHA256"]:
            check(mine.get(header.lower()), theirs.headers.get(header), f"{name}: {header}")
        print(f"ok   {name}")
    for name, path, query, expires, token in PRESIGNED:
        request = {"region": "us-east-1", "service": "states", "accessKeyId": KEY[0], "secretAccessKey": KEY[1],
                   "date": AMZ_DATE, "method": "GET", "path": path, "query": query, "headers": [["Host", HOST]], "body": "",
                   "presign": expires}
        if token:
            request["sessionToken"] = token
        target = ours(request)["target"]
        aws = AWSRequest(method="GET", url=f"http://{HOST}{path}", headers={"Host": HOST}, params=query)
        with mock.patch("botocore.auth.get_current_datetime", return_value=WHEN):
            SigV4QueryAuth(Credentials(*KEY, token), "states", "us-east-1", expires=expires).add_auth(aws)
        url = urlsplit(aws.url)
        check(sorted(target.split("?", 1)[1].split("&")), sorted(url.query.split("&")), f"{name}: query")
        check(target.split("?", 1)[0], url.path, f"{name}: path")
        print(f"ok   {name}")
    print(f"sigv4 vs botocore: {len(CASES) + len(PRESIGNED)} requests signed alike")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAIL {failure}")
        sys.exit(1)
