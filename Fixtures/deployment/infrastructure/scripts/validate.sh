#!/bin/sh
# The infrastructure's validation (what `cdk synth && cdk diff` checks in CI): the synthesised template parses,
# declares the parameters the pipeline passes and the ApiUrl output. FAIL_VALIDATION=true fails it on purpose.
set -eu
cd "$(dirname "$0")/.."
template=cdk.out/registry-api.template.json
if [ "${FAIL_VALIDATION:-false}" = "true" ]; then
  echo "validation failed: FAIL_VALIDATION=true (stack ${STACK_NAME:-registry-api}, ${ENVIRONMENT:-staging})" >&2
  exit 1
fi
python3 - "$template" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))
missing = [p for p in ("Environment", "HandlerStrategy", "DeploymentId") if p not in template.get("Parameters", {})]
if missing: sys.exit("template parameters missing: " + ", ".join(missing))
if "ApiUrl" not in template.get("Outputs", {}): sys.exit("template has no ApiUrl output")
print("template OK: %d resources, outputs %s" % (len(template["Resources"]), ", ".join(sorted(template["Outputs"]))))
PY
