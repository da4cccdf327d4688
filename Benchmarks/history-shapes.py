#!/usr/bin/env python3
"""History shapes, in memory vs durable, on the AWS-recorded conformance cases (issue 19).

For each case of ../shared/conformance/asl/cases (read at run time, never copied into the project) this runs
`stepwise run DEF --input @IN --virtual-time --json` twice: in memory, and with `--db` (a fresh database per
case); then `stepwise history NAME --db DB --json` reads the stored history back. It reports how many cases
give the same events:
  - stored = ran:  the events read from the database equal, byte for byte, the events the durable run printed
    from the engine (same run, so timestamps included);
  - stored ~ memory: the stored events equal the in-memory run's, timestamps left out (two runs, two clocks) and
    UUIDs and ISO times alike (States.UUID() draws a new one each run, $states.context holds the start time);
    the two cases of States.MathRandom differ by design.

Usage: python3 Benchmarks/history-shapes.py [--stepwise .build/debug/stepwise] [--filter TEXT] [--limit N]
Exit status 1 when any case differs (the first differences are printed).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "..", "shared", "conformance", "asl", "cases")


def run(argv, timeout):
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    for line in reversed(done.stdout.splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    try:
        return json.loads(done.stdout)
    except ValueError:
        return None


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def without_timestamps(events):
    """The events without their timestamps, with every UUID (States.UUID()) and ISO time ($states.context) alike."""
    return ISO_TIME.sub("<time>", UUID.sub("<uuid>", json.dumps([{k: v for k, v in event.items() if k != "timestamp"} for event in events])))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stepwise", default=os.path.join(ROOT, ".build", "debug", "stepwise"))
    parser.add_argument("--filter", default="")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    files = sorted(f for f in glob.glob(os.path.join(CASES, "*.json")) if args.filter in os.path.basename(f))
    if args.limit:
        files = files[: args.limit]
    same_run = same_memory = skipped = 0
    differences = []
    for path in files:
        case = json.load(open(path))
        with tempfile.TemporaryDirectory() as work:
            definition = os.path.join(work, "definition.json")
            inputs = os.path.join(work, "input.json")
            database = os.path.join(work, "history.db")
            with open(definition, "w") as fh:
                json.dump(case["definition"], fh)
            with open(inputs, "w") as fh:
                fh.write(case.get("input_text") or json.dumps(case.get("input", {})))
            base = [args.stepwise, "run", definition, "--input", "@" + inputs, "--virtual-time", "--json", "--name", "shapes"]
            try:
                memory = run(base, args.timeout)
                durable = run(base + ["--db", database], args.timeout)
                stored = run([args.stepwise, "history", "shapes", "--db", database, "--json"], args.timeout)
            except subprocess.TimeoutExpired:
                memory = durable = stored = None
        name = os.path.basename(path)
        if not memory or not durable or "events" not in memory or "events" not in durable:
            skipped += 1
            continue
        stored_events = (stored or {}).get("events")
        if stored_events == durable["events"]:
            same_run += 1
        else:
            differences.append((name, "stored != ran", durable["events"], stored_events))
        if stored_events is not None and without_timestamps(stored_events) == without_timestamps(memory["events"]):
            same_memory += 1
        else:
            differences.append((name, "stored !~ memory", memory["events"], stored_events))
    total = len(files) - skipped
    print(f"{len(files)} cases, {skipped} not run to an event list (the runtime refused them)")
    print(f"stored = ran (byte-identical, same run): {same_run}/{total}")
    print(f"stored ~ memory (timestamps aside):      {same_memory}/{total}")
    for name, what, expected, got in differences[:10]:
        print(f"\n{name}: {what}")
        for position, (a, b) in enumerate(zip(expected or [], got or [])):
            if a != b and (what == "stored != ran" or without_timestamps([a]) != without_timestamps([b])):
                print(f"  event {position + 1}: expected {json.dumps(a)}\n             got      {json.dumps(b)}")
                break
        else:
            print(f"  {len(expected or [])} events expected, {len(got or [])} stored")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
