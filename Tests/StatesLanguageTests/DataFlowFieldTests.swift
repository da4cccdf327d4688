import JSON
import StatesLanguage
import Testing

@Suite("Data flow read from a state's fields", .timeLimit(.minutes(3)))
struct DataFlowFieldTests {
    @Test("fields are read with their defaults and null meanings")
    func readsFields() throws {
        let state = json(#"{"Type": "Task", "InputPath": null, "Parameters": {"a.$": "$"}, "ResultPath": "$.r", "OutputPath": "$"}"#)
        let flow = try JSONPathDataFlow(fields: state.objectValue!)
        #expect(flow.inputPath == .null)
        #expect(flow.parameters != nil && flow.resultSelector == nil)
        #expect(try flow.resultPath == .path(JSONPath("$.r")))
        #expect(flow.outputPath == .whole)
        #expect(try flow.effectiveInput(rawInput: ["x": 1], roots: PathRoots(input: [:])) == json(#"{"a": {}}"#))
    }

    @Test(
        "a bad field is reported by name",
        arguments: [
            (#"{"InputPath": "$["}"#, "InputPath"),
            (#"{"OutputPath": 3}"#, "OutputPath"),
            (#"{"Parameters": {"a.$": 1}}"#, "Parameters"),
            (#"{"ResultSelector": {"a.$": "x"}}"#, "ResultSelector"),
            (#"{"ResultPath": "$.a[*]"}"#, "ResultPath"),
            (#"{"ResultPath": "$$.a"}"#, "ResultPath"),
        ])
    func badField(state: String, field: String) {
        #expect(
            performing: { try JSONPathDataFlow(fields: json(state).objectValue!) },
            throws: { error in
                (error as? DataFlowFieldError)?.field == field
            })
    }
}
