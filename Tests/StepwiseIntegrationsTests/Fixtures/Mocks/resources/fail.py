import json, sys
json.load(sys.stdin)
print(json.dumps({"errorType": "ValidationError", "errorMessage": "amount must be positive"}))
sys.exit(1)
