# The first run (no marker file yet) writes its pid to input["marker"] and hangs, as a task in flight when
# stepwise is killed; a run that finds the marker answers at once, as the task dispatched again after a restart.
import json, os, sys, time
event = json.load(sys.stdin)
if not os.path.exists(event["marker"]):
    with open(event["marker"], "w") as f:
        f.write(str(os.getpid()))
    time.sleep(60)
print(json.dumps({"dispatchedAgain": True}))
