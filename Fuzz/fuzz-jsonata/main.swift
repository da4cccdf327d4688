import FuzzDriver
import JSON
import JSONata
import StatesLanguage

/// The JSONata parser and evaluator as a JSONata state runs them (AWS's functions and limits), with a short
/// deadline: any text parses or fails with a JSONataError, and evaluation ends with a value, undefined or an error.
let input: JSON = [
    "a": [1, 2, 3], "b": ["c": "text", "d": [["e": 1.5], ["e": -2]]], "s": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "n": .null,
    "t": true,
]

FuzzDriver.run("fuzz-jsonata") { bytes in
    guard let source = String(validating: bytes, as: UTF8.self),
        var expression = try? ASLFunctions.expression(source)
    else { return }
    expression.limits.timeout = 1
    expression.functions.merge(ASLFunctions.random(seed: 7)) { _, seeded in seeded }
    _ = try? expression.evaluate(input, bindings: ["v": [1, "x"]])
}
