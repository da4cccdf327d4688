import JSON
import StatesLanguage
import Testing

@Suite("JSONPath data flow", .timeLimit(.minutes(3)))
struct DataFlowTests {
    let raw = json(#"{"order": {"id": 7, "items": [1, 2]}, "user": "ada"}"#)
    let roots = PathRoots(input: [:], context: json(#"{"Execution": {"Name": "run-1"}}"#), variables: Variables(local: ["v": 5]))

    func flow(
        inputPath: JSON? = nil, parameters: String? = nil, resultSelector: String? = nil, resultPath: JSON? = nil,
        outputPath: JSON? = nil
    ) throws -> JSONPathDataFlow {
        JSONPathDataFlow(
            inputPath: try DataPath(inputPath), parameters: try parameters.map { try PayloadTemplate(json($0)) },
            resultSelector: try resultSelector.map { try PayloadTemplate(json($0)) }, resultPath: try DataPath(resultPath),
            outputPath: try DataPath(outputPath))
    }

    @Test("path fields read absent and \"$\" as the whole value, null as null")
    func dataPathFields() throws {
        #expect(try DataPath(nil) == .whole)
        #expect(try DataPath("$") == .whole)
        #expect(try DataPath(.null) == .null)
        #expect(try DataPath("$.a") == .path(JSONPath("$.a")))
        #expect(throws: PathSyntaxError.self) { try DataPath(5) }
        #expect(throws: PathSyntaxError.self) { try DataPath("$[") }
    }

    @Test(
        "InputPath selects from the raw input; null gives {}",
        arguments: [
            (nil, #"{"order": {"id": 7, "items": [1, 2]}, "user": "ada"}"#),
            (#""$""#, #"{"order": {"id": 7, "items": [1, 2]}, "user": "ada"}"#),
            ("null", "{}"),
            (#""$.order.items""#, "[1, 2]"),
            (#""$.order.items[*]""#, "[1, 2]"),
            (#""$.missing[*]""#, "[]"),
            (#""$$.Execution""#, #"{"Name": "run-1"}"#),
            (#""$v""#, "5"),
        ])
    func inputPath(field: String?, expected: String) throws {
        let flow = try flow(inputPath: field.map(json))
        #expect(try flow.effectiveInput(rawInput: raw, roots: roots) == json(expected))
    }

    @Test("InputPath and OutputPath misses are States.Runtime with Jayway's reason")
    func pathMisses() throws {
        #expect(throws: StatesError.runtime("Invalid path '$.x' : No results for path: $['x']")) {
            try flow(inputPath: "$.x").effectiveInput(rawInput: raw, roots: roots)
        }
        #expect(throws: StatesError.runtime("Invalid path '$.order.x.y' : Missing property in path $['order']['x']")) {
            try flow(outputPath: "$.order.x.y").output(rawInput: raw, result: raw, roots: roots)
        }
    }

    @Test("Parameters are evaluated over the InputPath selection, with $$ and variables")
    func parameters() throws {
        let flow = try flow(inputPath: "$.order", parameters: #"{"id.$": "$.id", "run.$": "$$.Execution.Name", "v.$": "$v", "k": 1}"#)
        #expect(try flow.effectiveInput(rawInput: raw, roots: roots) == json(#"{"id": 7, "run": "run-1", "v": 5, "k": 1}"#))
        let fromNull = try self.flow(inputPath: .null, parameters: #"{"all.$": "$"}"#)
        #expect(try fromNull.effectiveInput(rawInput: raw, roots: roots) == json(#"{"all": {}}"#))
    }

    @Test(
        "ResultPath places the result into the raw input",
        arguments: [
            (nil, #"{"r": 1}"#),
            (#""$""#, #"{"r": 1}"#),
            ("null", #"{"order": {"id": 7, "items": [1, 2]}, "user": "ada"}"#),
            (#""$.result""#, #"{"order": {"id": 7, "items": [1, 2]}, "user": "ada", "result": {"r": 1}}"#),
            (#""$.order.id""#, #"{"order": {"id": {"r": 1}, "items": [1, 2]}, "user": "ada"}"#),
            (#""$.a.b.c""#, #"{"order": {"id": 7, "items": [1, 2]}, "user": "ada", "a": {"b": {"c": {"r": 1}}}}"#),
            (#""$.order.items[0]""#, #"{"order": {"id": 7, "items": [{"r": 1}, 2]}, "user": "ada"}"#),
        ])
    func resultPath(field: String?, expected: String) throws {
        let flow = try flow(inputPath: "$.order", resultPath: field.map(json))
        let output = try flow.output(rawInput: raw, result: json(#"{"r": 1}"#), roots: roots)
        #expect(output.serialized() == json(expected).serialized())
    }

    @Test("a ResultPath into a non-object input is States.ResultPathMatchFailure")
    func resultPathMismatch() throws {
        let failure = StatesError(StatesError.Name.resultPathMatchFailure, #"Unable to apply ResultPath "$.r" to input "text""#)
        #expect(throws: failure) { try flow(resultPath: "$.r").output(rawInput: "text", result: 1, roots: roots) }
    }

    @Test("ResultSelector shapes the result before ResultPath; OutputPath applies last")
    func fullPipeline() throws {
        let flow = try flow(
            inputPath: "$.order", parameters: #"{"n.$": "$.items.length()"}"#,
            resultSelector: #"{"code.$": "$.Payload.code", "run.$": "$$.Execution.Name"}"#,
            resultPath: "$.call", outputPath: "$.call")
        #expect(try flow.effectiveInput(rawInput: raw, roots: roots) == json(#"{"n": 2}"#))
        let result = json(#"{"Payload": {"code": 200, "body": "…"}, "Status": 200}"#)
        #expect(try flow.output(rawInput: raw, result: result, roots: roots) == json(#"{"code": 200, "run": "run-1"}"#))
        #expect(try self.flow(outputPath: .null).output(rawInput: raw, result: result, roots: roots) == json("{}"))
    }

    @Test("a ResultSelector path miss reports the result as the input")
    func resultSelectorMiss() throws {
        let flow = try flow(resultSelector: #"{"x.$": "$.nope"}"#)
        #expect(
            throws: StatesError.runtime(
                #"The JSONPath '$.nope' specified for the field 'x.$' could not be found in the input '{"a":1}'"#)
        ) {
            try flow.output(rawInput: raw, result: ["a": 1], roots: roots)
        }
    }

    @Test("the identity flow returns the result untouched")
    func identity() throws {
        #expect(try JSONPathDataFlow.identity.output(rawInput: raw, result: [1, 2], roots: roots) == [1, 2])
        #expect(try JSONPathDataFlow.identity.effectiveInput(rawInput: raw, roots: roots) == raw)
    }
}
