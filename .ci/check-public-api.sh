#!/usr/bin/env bash
# The public face stays deliberate (issue 21): every public declaration of every module must be documented in
# docs/library.md. Reads the built modules' symbol graphs (swift-symbolgraph-extract, public only; run after
# `swift build`) and fails, naming the declaration, when one of its names — the type, the member, an
# initializer's argument labels — does not appear in a code span of docs/library.md. Cross-module seams are
# `package` (docs/architecture.md) and never show up here. Then the Swift blocks of library.md are compiled as a
# program outside the package would compile them. A few seconds.
#
#   .ci/check-public-api.sh [BUILD_DIR]      (default .build/debug)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-.build/debug}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
triple=$(swift -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')
# Every Swift library module under Sources (the executable `stepwise` has no API).
modules=$(for d in Sources/*/; do m=$(basename "$d"); [ "$m" != stepwise ] && [ -n "$(find "$d" -name '*.swift' -print -quit)" ] && echo "$m"; done || true)
printf '%s\n' $modules | xargs -P 2 -I{} swift-symbolgraph-extract -module-name {} -I "$build/Modules" \
    -I Sources/CSQLite -I Sources/CSystem -I Sources/CZlib -target "$triple" -minimum-access-level public -output-dir "$out"
# One graph per module, or the check would pass by reading nothing.
for m in $modules; do [ -s "$out/$m.symbols.json" ] || { echo "no symbol graph for $m" >&2; exit 1; }; done
python3 - "$out" docs/library.md ${VERBOSE:+-v} <<'PY'
import glob, json, re, sys
out, doc = sys.argv[1], open(sys.argv[2]).read()
# Names the document shows as code: in `spans` and in fenced blocks.
code = " ".join(re.findall(r"```.*?```", doc, re.S) + re.findall(r"`[^`\n]+`", doc))
documented = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", code))
# Members every type gets from the standard protocols it conforms to.
standard = {"==", "!=", "<", "<=", ">", ">=", "hash", "hashValue", "description", "rawValue", "allCases",
            "makeIterator", "next", "Iterator", "underestimatedCount", "unownedExecutor", "subscript", "init"}
literals = re.compile(r"init\((nilLiteral|booleanLiteral|integerLiteral|floatLiteral|stringLiteral|arrayLiteral|dictionaryLiteral|rawValue):\)")
missing = []
count = 0
for path in sorted(glob.glob(out + "/*.symbols.json")):
    graph = json.load(open(path))
    module = graph["module"]["name"]
    if "-v" in sys.argv: print(module, sum(1 for s in graph["symbols"] if "location" in s))
    for symbol in graph["symbols"]:
        if "location" not in symbol:  # synthesized: Equatable's !=, RawRepresentable's init(rawValue:), …
            continue
        count += 1
        kind = symbol["kind"]["identifier"]
        components = symbol["pathComponents"]
        if kind == "swift.enum.case":  # a case is documented with its enum
            components = components[:-1]
        names = []
        for component in components:
            if literals.fullmatch(component):
                continue
            base = component.split("(")[0]
            if base not in standard:
                names.append(base)
            if base == "init" and "(" in component:  # an initializer is known by its labels
                names += [label for label in component[5:-1].split(":") if label and label != "_"]
        undocumented = [name for name in names if name not in documented]
        if undocumented:
            missing.append(f"{module}: {'.'.join(symbol['pathComponents'])} ({', '.join(undocumented)} not in docs/library.md)")
if missing:
    print("Public declarations that docs/library.md does not document (document them, or make them `package`):")
    print("\n".join("  " + line for line in missing))
    sys.exit(1)
print(f"public API: {count} declarations in {len(glob.glob(out + '/*.symbols.json'))} modules, all documented in docs/library.md")
PY

# And the other way round: every Swift block of docs/library.md compiles as a program outside this package (no
# `-package-name`, so `package` declarations are out of its reach) against the built modules. A block that
# imports nothing continues the API section's example: it gets `runtime`, `url` and `input`.
python3 - "$out" docs/library.md <<'PY'
import os, re, sys
out, doc = sys.argv[1], open(sys.argv[2]).read()
context = 'import Foundation\nimport Stepwise\n\nlet runtime = Runtime()\nlet url = URL(fileURLWithPath: "workflow.asl.json")\nlet input: JSON = [:]\n'
for number, block in enumerate(re.findall(r"```swift\n(.*?)```", doc, re.S)):
    os.makedirs(f"{out}/example{number}")
    with open(f"{out}/example{number}/main.swift", "w") as file:
        file.write(block if re.match(r"import ", block) else context + block)
PY
for example in "$out"/example*/main.swift; do
    swiftc -typecheck -swift-version 6 -I "$build/Modules" -I Sources/CSQLite -I Sources/CSystem -I Sources/CZlib "$example" \
        || { echo "a Swift block of docs/library.md does not compile outside the package (${example#"$out"/})" >&2; exit 1; }
done
echo "docs/library.md: $(ls -d "$out"/example* | wc -l) Swift blocks compile against the public API alone"
