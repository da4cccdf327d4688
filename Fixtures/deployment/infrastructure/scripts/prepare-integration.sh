#!/bin/sh
# Prepares the Lambda code the stack deploys: the API's handler (HANDLER_STRATEGY=INTEGRATED) or the fallback.
# Runs from the infrastructure tree; writes build/handler.py and prints the exported variables.
set -eu
cd "$(dirname "$0")/.."
mkdir -p build
case "${HANDLER_STRATEGY:-FALLBACK}" in
  INTEGRATED) cp ../api/src/handler.py build/handler.py; echo "prepared the integrated handler (api commit ${API_COMMIT:-unknown})" ;;
  FALLBACK) cp lambda/fallback_handler.py build/handler.py; echo "prepared the fallback handler" ;;
  *) echo "unknown HANDLER_STRATEGY '${HANDLER_STRATEGY}'" >&2; exit 2 ;;
esac
