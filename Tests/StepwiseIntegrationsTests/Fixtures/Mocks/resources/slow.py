import json, os, sys, time
event = json.load(sys.stdin)
with open(event["pidFile"], "w") as f:
    f.write(str(os.getpid()))
time.sleep(30)
print("{}")
