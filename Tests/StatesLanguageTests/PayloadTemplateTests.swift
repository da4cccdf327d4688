import JSON
import StatesLanguage
import Testing

@Suite("Payload templates", .timeLimit(.minutes(3)))
struct PayloadTemplateTests {
    let roots = PathRoots(
        input: json(#"{"name": "Ada", "list": [1, 2, 3], "deep": {"x": {"y": true}}}"#),
        context: json(#"{"Execution": {"Name": "run-1"}, "State": {"RetryCount": 0}}"#),
        variables: Variables(local: ["greeting": "hi", "config": ["limit": 5]]))

    func evaluate(_ template: String) throws -> JSON {
        try PayloadTemplate(json(template)).evaluate(roots)
    }

    @Test(
        "fields ending in .$ are evaluated and renamed; the rest is literal",
        arguments: [
            (#"{"who.$": "$.name"}"#, #"{"who": "Ada"}"#),
            (#"{"all.$": "$"}"#, #"{"all": {"name": "Ada", "list": [1, 2, 3], "deep": {"x": {"y": true}}}}"#),
            (#"{"run.$": "$$.Execution.Name", "n.$": "$$.State.RetryCount"}"#, #"{"run": "run-1", "n": 0}"#),
            (#"{"g.$": "$greeting", "limit.$": "$config.limit"}"#, #"{"g": "hi", "limit": 5}"#),
            (
                #"{"second.$": "$.list[1]", "tail.$": "$.list[1:]", "none.$": "$.list[?(@ > 5)]"}"#,
                #"{"second": 2, "tail": [2, 3], "none": []}"#
            ),
            (#"{"a": {"b": [{"c.$": "$.deep.x.y"}, 7]}, "lit": "$.name"}"#, #"{"a": {"b": [{"c": true}, 7]}, "lit": "$.name"}"#),
            (#"[{"k.$": "$.name"}, "x"]"#, #"[{"k": "Ada"}, "x"]"#),
            (#""plain""#, #""plain""#),
            ("{}", "{}"),
        ])
    func evaluation(template: String, expected: String) throws {
        let output = try evaluate(template)
        #expect(output == json(expected))
        #expect(output.serialized() == json(expected).serialized())
    }

    @Test("a template without .$ fields is one literal")
    func literalTemplate() throws {
        #expect(try PayloadTemplate(json(#"{"a": [1, {"b": 2}], "c.$x": 1}"#)).isLiteral)
        #expect(try !PayloadTemplate(json(#"{"a": [1, {"b.$": "$"}]}"#)).isLiteral)
    }

    @Test("a path that matches nothing is States.Runtime with AWS's text")
    func pathMiss() throws {
        let input = roots.input.serialized()
        #expect(
            throws: StatesError.runtime(
                "The JSONPath '$.missing' specified for the field 'value.$' could not be found in the input '\(input)'")
        ) {
            try evaluate(#"{"value.$": "$.missing"}"#)
        }
        #expect(
            throws: StatesError.runtime(
                "The JSONPath '$$.Execution.Input.x' specified for the field 'deep.$' could not be found in the input '\(input)'")
        ) {
            try evaluate(#"{"outer": [{"deep.$": "$$.Execution.Input.x"}]}"#)
        }
        #expect(
            throws: StatesError.runtime(
                "The JSONPath '$nope' specified for the field 'v.$' could not be found in the input '\(input)'")
        ) {
            try evaluate(#"{"v.$": "$nope"}"#)
        }
    }

    @Test("intrinsic calls are compiled as intrinsics, and their failures pass through")
    func intrinsic() throws {
        let template = try PayloadTemplate(json(#"{"v.$": "States.ArrayGetItem($.list, 99)"}"#))
        #expect(
            performing: { try template.evaluate(roots) },
            throws: { error in
                (error as? StatesError)?.name == IntrinsicFunction.failureName
            })
    }

    @Test(
        "templates that cannot be compiled are rejected",
        arguments: [
            (#"{"a.$": 1}"#, "a.$", "the value of a field ending in '.$' must be a string"),
            (#"{"a.$": "name"}"#, "a.$", "'name' is not a JSONPath or an intrinsic function call"),
            (#"{"a.$": "$.x["}"#, "a.$", "Invalid path '$.x[': unclosed '[' at position 3"),
            (#"{"a": 1, "a.$": "$"}"#, "a.$", "the field 'a' is given twice ('a' and 'a.$')"),
            (#"{"n": {"b.$": "$", "b": 2}}"#, "b", "the field 'b' is given twice ('b.$' and 'b')"),
        ])
    func compileErrors(template: String, key: String, message: String) {
        #expect(throws: TemplateError(key: key, message: message)) { try PayloadTemplate(json(template)) }
    }
}
