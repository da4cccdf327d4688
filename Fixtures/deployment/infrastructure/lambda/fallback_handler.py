"""The fallback handler, deployed when the API's code was not synchronised: health only."""
import json


def lambda_handler(event, context):
    if event.get("path") == "/health":
        return {"statusCode": 200, "body": json.dumps({"status": "ok", "handler": "fallback"})}
    return {"statusCode": 503, "body": json.dumps({"message": "the integrated handler is not deployed"})}
