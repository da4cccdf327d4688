# Ignores SIGTERM: only SIGKILL ends it. Writes its pid to input["pidFile"] first.
import json, os, signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
request = json.load(sys.stdin)
with open(request["pidFile"], "w") as f:
    f.write(str(os.getpid()))
time.sleep(60)
print("{}")
