import FuzzDriver
import JSON
import StatesLanguage

/// JSONPath, intrinsic functions and payload templates, as `stepwise eval --jsonpath` reads them: any text
/// compiles or fails with a clear error, and what compiles evaluates.
let roots = PathRoots(
    input: ["a": [1, 2, ["b": "x"]], "c": ["d": 1, "e": [true, .null]], "s": "text", "n": 3.5],
    context: ["Execution": ["Id": "arn:x", "Input": ["k": 1]], "Map": ["Item": ["Index": 0, "Value": "v"]]],
    variables: Variables(local: ["v": ["w": [1, 2]]]), randomSeed: 1)

FuzzDriver.run("fuzz-jsonpath") { bytes in
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    if let document = try? JSON(parsing: text), let template = try? PayloadTemplate(document) {
        _ = try? template.evaluate(roots)
    } else if IntrinsicFunction.looksLikeCall(text) {
        _ = try? IntrinsicFunction(text).evaluate(roots)
    } else if let path = try? JSONPath(text) {
        _ = path.value(in: roots)
    }
}
