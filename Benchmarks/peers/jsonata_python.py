#!/usr/bin/env python3
"""Evaluations per second of the JSONata benchmark expressions with jsonata-python (pip install jsonata-python).

Each expression is compiled once and evaluated N times with `$states` bound, as a workflow engine would.
Prints one JSON object per expression: {"name", "evaluations", "seconds", "per_second"}; and the version first.
"""
import json
import sys
import time

import jsonata


def main():
    spec = json.load(open(sys.argv[1]))
    evaluations = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    try:
        from importlib.metadata import version
        print(json.dumps({"version": version("jsonata-python")}))
    except Exception:
        print(json.dumps({"version": "?"}))
    states = {"input": spec["input"]}
    for case in spec["expressions"]:
        expression = jsonata.Jsonata(case["expression"])
        expression.assign("states", states)
        expression.evaluate(None)
        start = time.perf_counter()
        for _ in range(evaluations):
            expression.evaluate(None)
        seconds = time.perf_counter() - start
        print(json.dumps({"name": case["name"], "evaluations": evaluations, "seconds": seconds,
                          "per_second": evaluations / seconds}))


if __name__ == "__main__":
    main()
