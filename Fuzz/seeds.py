#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora into DIR/<target>/ from workflows/, the tests and ../shared/conformance."""
import glob, hashlib, json, os, sys

out = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.path.join(os.path.dirname(root), "shared", "conformance")
corpora = {name: set() for name in ("json", "jsonata", "jsonpath", "definition", "http")}


def walk(value):
    """Every string in a JSON value, with the key that holds it."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                yield key, item
            else:
                yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def add_definition(text, value):
    corpora["definition"].add(text)
    corpora["json"].add(text)
    for key, string in walk(value):
        if string.startswith("{%") and string.endswith("%}"):
            corpora["jsonata"].add(string[2:-2].strip())
        elif string.startswith("$") or string.startswith("States."):
            corpora["jsonpath"].add(string)


for path in glob.glob(os.path.join(root, "workflows", "**", "*.json"), recursive=True) + glob.glob(
    os.path.join(root, "Tests", "**", "*.json"), recursive=True
):
    text = open(path, encoding="utf-8").read()
    try:
        value = json.loads(text)
    except ValueError:
        continue
    if isinstance(value, dict) and "States" in value:
        add_definition(text, value)
    else:
        corpora["json"].add(text)

for path in glob.glob(os.path.join(shared, "asl", "cases", "*.json")):
    case = json.load(open(path, encoding="utf-8"))
    if isinstance(case.get("definition"), dict):
        add_definition(json.dumps(case["definition"]), case["definition"])
    if case.get("input_text"):
        corpora["json"].add(case["input_text"])

cases = os.path.join(shared, "jsonata", "cases.jsonl")
if os.path.exists(cases):
    for line in open(cases, encoding="utf-8"):
        case = json.loads(line)
        if isinstance(case.get("expr"), str):
            corpora["jsonata"].add(case["expr"])

for path in glob.glob(os.path.join(root, "Fuzz", "seeds", "jsonata", "*")):  # regression inputs (issue 22)
    corpora["jsonata"].add(open(path, encoding="utf-8").read())

for path in glob.glob(os.path.join(root, "Fuzz", "seeds", "http", "*")):
    corpora["http"].add(open(path, encoding="utf-8").read().replace("\n", "\r\n"))

for name, seeds in corpora.items():
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    for seed in seeds:
        data = seed.encode("utf-8")
        if name == "http":
            data = bytes([len(data) // 2 % 256]) + data  # the first byte says where the target cuts the input
        with open(os.path.join(folder, "seed-" + hashlib.sha1(data).hexdigest()), "wb") as file:
            file.write(data)
    print(f"{name}: {len(seeds)} seeds")
