#!/usr/bin/env python3
"""The registry API's function as a resources-file command: the invocation's event on stdin, the handler's answer
on stdout (Fixtures/deployment/resources.json maps registry-api-handler here, so the local Lambda control plane
knows the function and can publish versions of it and move its alias). `--fallback` runs the infrastructure
repository's fallback handler instead: the code registry-api-handler-fallback names."""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
if "--fallback" in sys.argv[1:]:
    sys.path.insert(0, os.path.join(here, "..", "infrastructure", "lambda"))
    import fallback_handler as handler  # noqa: E402
else:
    sys.path.insert(0, os.path.join(here, "src"))
    import handler  # noqa: E402

print(json.dumps(handler.lambda_handler(json.load(sys.stdin), None)))
