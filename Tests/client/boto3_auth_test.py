#!/usr/bin/env python3
"""Drives `stepwise serve --auth sigv4` with boto3: the right keys work unchanged, and every wrong request gets
AWS's refusal, exactly. The server's canonical request and string to sign in an InvalidSignatureException are
checked against what botocore itself signed.

Usage: boto3_auth_test.py http://127.0.0.1:PORT ACCESS_KEY_ID SECRET_ACCESS_KEY TOKEN
Exits 0 when every check passes; prints the first failure and exits 1 otherwise.
"""
import datetime
import json
import re
import sys
import time
import urllib.error
import urllib.request
from unittest import mock

import boto3
import botocore.auth
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT, KEY_ID, SECRET, TOKEN = sys.argv[1:5]
PREFIX = "arn:aws:states:us-east-1:123456789012"
ROLE = "arn:aws:iam::123456789012:role/boto3"
PASS = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"ok": True}, "End": True}}})


def client(key_id=KEY_ID, secret=SECRET, **config):
    return boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key_id,
                        aws_secret_access_key=secret, config=Config(retries={"max_attempts": 1}, **config))


def check(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def refusal(call, **kwargs):
    """The (code, message, status) a call fails with."""
    try:
        call(**kwargs)
    except ClientError as error:
        return (error.response["Error"]["Code"], error.response["Error"]["Message"],
                error.response["ResponseMetadata"]["HTTPStatusCode"])
    raise AssertionError(f"{call.__name__} succeeded")


def right_keys_work_unchanged():
    sfn = client()
    arn = sfn.create_state_machine(name="auth-hello", definition=PASS, roleArn=ROLE)["stateMachineArn"]
    check(arn, f"{PREFIX}:stateMachine:auth-hello", "CreateStateMachine")
    execution = sfn.start_execution(stateMachineArn=arn, input="{}")["executionArn"]
    for _ in range(500):
        described = sfn.describe_execution(executionArn=execution)
        if described["status"] != "RUNNING":
            break
        time.sleep(0.01)
    check(described["status"], "SUCCEEDED", "the execution")
    check(described["output"], '{"ok":true}', "its output")


def no_credentials_is_missing_token():
    check(refusal(client(signature_version=UNSIGNED).list_state_machines),
          ("MissingAuthenticationTokenException", "Missing Authentication Token", 403), "an unsigned request")


def unknown_key_is_unrecognized():
    check(refusal(client(key_id="AKIDUNKNOWN").list_state_machines),
          ("UnrecognizedClientException", "The security token included in the request is invalid.", 400), "an unknown key")


class Recorder:
    """Keeps what botocore signed last: its canonical request and string to sign."""
    def __enter__(self):
        self.canonical = self.string_to_sign = None
        original_cr, original_sts = botocore.auth.SigV4Auth.canonical_request, botocore.auth.SigV4Auth.string_to_sign
        recorder = self

        def canonical_request(signer, request):
            recorder.canonical = original_cr(signer, request)
            return recorder.canonical

        def string_to_sign(signer, request, canonical):
            recorder.string_to_sign = original_sts(signer, request, canonical)
            return recorder.string_to_sign
        self.patches = [mock.patch.object(botocore.auth.SigV4Auth, "canonical_request", canonical_request),
                        mock.patch.object(botocore.auth.SigV4Auth, "string_to_sign", string_to_sign)]
        for patch in self.patches:
            patch.start()
        return self

    def __exit__(self, *exc):
        for patch in self.patches:
            patch.stop()


def wrong_secret_shows_botocores_own_canonical_request():
    with Recorder() as signed:
        code, message, status = refusal(client(secret="not-the-secret").list_state_machines)
    check((code, status), ("InvalidSignatureException", 400), "a wrong secret")
    check(message, "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
          "Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this "
          f"request should have been\n'{signed.canonical}'\n\nThe String-to-Sign should have been\n'{signed.string_to_sign}'\n",
          "the message: the server computed what botocore signed")
    check(SECRET in message, False, "no secret in the message")


def tampered_body_is_invalid_signature():
    sfn = client()

    def tamper(request, **_):
        request.body = request.body.replace(b"auth-hello", b"auth-other")
    sfn.meta.events.register_first("before-send.*.*", tamper)
    code, message, status = refusal(sfn.list_executions, stateMachineArn=f"{PREFIX}:stateMachine:auth-hello")
    check((code, status), ("InvalidSignatureException", 400), "a body changed after signing")


def replayed_old_request_is_expired():
    old = datetime.datetime.utcnow() - datetime.timedelta(minutes=20)
    with mock.patch("botocore.auth.get_current_datetime", return_value=old):
        code, message, status = refusal(client().list_state_machines)
    check((code, status), ("InvalidSignatureException", 400), "a request signed 20 minutes ago")
    signed = old.strftime("%Y%m%dT%H%M%SZ")
    match = re.fullmatch(rf"Signature expired: {signed} is now earlier than (\d{{8}}T\d{{6}}Z) \((\d{{8}}T\d{{6}}Z) - 15 min\.\)",
                         message)
    check(bool(match), True, f"AWS's wording: {message!r}")


def bearer_token_reads_jobs():
    request = urllib.request.Request(f"{ENDPOINT}/jobs", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request) as response:
        check(response.status, 200, "GET /jobs with the token")
    try:
        urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/jobs", headers={"Authorization": "Bearer not-a-valid-token!"}))
        raise AssertionError("a wrong token was accepted")
    except urllib.error.HTTPError as error:
        check(error.code, 401, "GET /jobs with a wrong token")
        check(json.loads(error.read())["error"], "UnrecognizedClientException", "its error")


def main():
    tests = [right_keys_work_unchanged, no_credentials_is_missing_token, unknown_key_is_unrecognized,
             wrong_secret_shows_botocores_own_canonical_request, tampered_body_is_invalid_signature,
             replayed_old_request_is_expired, bearer_token_reads_jobs]
    for test in tests:
        try:
            test()
        except AssertionError as failure:
            print(f"FAIL {test.__name__}: {failure}")
            return 1
        print(f"ok   {test.__name__}")
    print(f"boto3 against serve --auth sigv4: {len(tests)} groups passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
