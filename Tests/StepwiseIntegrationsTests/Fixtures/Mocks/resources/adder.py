import json, sys
event = json.load(sys.stdin)
print(json.dumps({"sum": event.get("a", 0) + event.get("b", 0)}))
