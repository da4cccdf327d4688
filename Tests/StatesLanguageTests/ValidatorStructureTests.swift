import JSON
import StatesLanguage
import Testing

@Suite("Validator: definition structure", .timeLimit(.minutes(3)))
struct ValidatorStructureTests {
    @Test("An empty definition is not a JSON object")
    func emptyText() {
        #expect(
            Validator.validate(text: "") == [
                Diagnostic(code: schema, message: "Definition must be a valid JSON object", location: nil)
            ])
    }

    @Test("Text that is not JSON is reported the way Jackson words it")
    func notJSON() {
        let location = #"[Source: (String)"not a definition"; line: 1, column: 4]"#
        let message =
            "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', "
            + "'true' or 'false')\n at \(location)"
        #expect(
            Validator.validate(text: "not a definition") == [
                Diagnostic(code: "INVALID_JSON_DESCRIPTION", message: message, location: location)
            ])
    }

    @Test("Other JSON syntax errors keep a Jackson-style source location")
    func badJSON() throws {
        let diagnostic = try #require(Validator.validate(text: #"{"StartAt": }"#).first)
        #expect(diagnostic.code == "INVALID_JSON_DESCRIPTION")
        #expect(diagnostic.location?.hasPrefix(#"[Source: (String)"{"StartAt": }"; line: 1, column: "#) == true)
    }

    @Test("An empty object lacks both required fields")
    func emptyObject() {
        #expect(
            Validator.validate(text: "{}") == [
                Diagnostic(code: schema, message: "These fields are required: [States, StartAt]", location: "/")
            ])
    }

    @Test("A definition over 1 MiB is refused")
    func tooLong() {
        let text = single(#"{"Type":"Pass","End":true,"Comment":"\#(String(repeating: "x", count: 1_048_576))"}"#)
        #expect(errors(text).first?.message == "Definition exceeds the maximum length of 1048576 characters")
    }

    static let cases: [RuleCase] = [
        RuleCase(
            "StartAt is required", #"{"States":{"S":{"Type":"Succeed"}}}"#, schema,
            "These fields are required: [StartAt]", at: "/"),
        RuleCase(
            "unknown top-level fields are refused", #"{"StartAt":"S","Foo":1,"States":{"S":{"Type":"Succeed"}}}"#,
            schema, "Field 'Foo' is not supported", at: "/"),
        RuleCase(
            "the machine QueryLanguage must be a known name", single(#"{"Type":"Succeed"}"#, language: "JSONPATH"),
            schema, "Value should be one of the following: [JSONPath, JSONata]", at: "/QueryLanguage"),
        RuleCase(
            "TimeoutSeconds must be positive", #"{"StartAt":"S","TimeoutSeconds":0,"States":{"S":{"Type":"Succeed"}}}"#,
            schema, "Value must be greater than or equal to 1", at: "/TimeoutSeconds"),
        RuleCase("States must not be empty", #"{"StartAt":"S","States":{}}"#, schema, "Value cannot be empty", at: "/States"),
        RuleCase("a state needs a Type", single(#"{"End":true}"#), schema, "These fields are required: [Type]", at: "/States/S"),
        RuleCase(
            "Type must be one of the eight", single(#"{"Type":"Sleep","End":true}"#), schema,
            "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
            at: "/States/S/Type"),
        RuleCase("a state must be an object", single("1"), schema, "Expected value of type [OBJECT]", at: "/States/S"),
        RuleCase(
            "state names are at most 80 characters",
            #"{"StartAt":"\#(String(repeating: "n", count: 81))","States":{"\#(String(repeating: "n", count: 81))":{"Type":"Succeed"}}}"#,
            "INVALID_STATE_NAME", "State name '\(String(repeating: "n", count: 81))' exceeds the maximum length of 80",
            at: "/States/\(String(repeating: "n", count: 81))"),
        RuleCase(
            "state names are unique across nested scopes",
            single(#"{"Type":"Parallel","End":true,"Branches":[{"StartAt":"S","States":{"S":{"Type":"Succeed"}}}]}"#),
            "DUPLICATE_STATE_NAME", "Duplicate State name: S", at: "/States/S/Branches[0]/States/S"),
        RuleCase(
            "fields a type does not have are refused", single(#"{"Type":"Pass","End":true,"TimeoutSeconds":3}"#),
            schema, "Field 'TimeoutSeconds' is not supported", at: "/States/S"),
        RuleCase(
            "Retry only on Task, Parallel and Map", single(#"{"Type":"Pass","End":true,"Retry":[]}"#),
            schema, "Field 'Retry' is not supported", at: "/States/S"),
        RuleCase(
            "JSONata fields are refused in JSONPath states", single(#"{"Type":"Pass","End":true,"Output":{}}"#), schema,
            "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
            at: "/States/S"),
        RuleCase(
            "JSONPath fields are refused in JSONata states",
            single(#"{"Type":"Pass","End":true,"QueryLanguage":"JSONata","InputPath":"$"}"#), schema,
            "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage",
            at: "/States/S"),
        RuleCase(
            "a JSONata machine cannot have a JSONPath state",
            single(#"{"Type":"Pass","End":true,"QueryLanguage":"JSONPath"}"#, language: "JSONata"), schema,
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", at: "/States/S"),
        RuleCase(
            "nested states inherit the machine's language, not their Map's",
            single(
                #"{"Type":"Map","QueryLanguage":"JSONata","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":1,"End":true}}}}"#
            ),
            schema,
            "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
            at: "/States/S/ItemProcessor/States/P"),
        RuleCase(
            "Next and End together are refused", single(#"{"Type":"Pass","End":true,"Next":"S"}"#), schema,
            "These fields cannot be used together: [Next, End]", at: "/States/S"),
        RuleCase(
            "one of Next and End is required", machine(#""S":{"Type":"Pass"},"E":{"Type":"Succeed"}"#), schema,
            "Exactly one of these fields is required: [Next, End]", at: "/States/S"),
        RuleCase(
            "End must be true", single(#"{"Type":"Pass","End":false}"#), schema, "The field 'End' must be true",
            at: "/States/S/End"),
        RuleCase(
            "Succeed has no End", single(#"{"Type":"Succeed","End":true}"#), schema, "Field 'End' is not supported",
            at: "/States/S"),
        RuleCase(
            "Next must name a state of the same scope", machine(#""S":{"Type":"Pass","Next":"X"},"E":{"Type":"Succeed"}"#),
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: X", at: "/States/S/Next"),
        RuleCase(
            "Default must name a state",
            machine(#""S":{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"E"}],"Default":"X"},"E":{"Type":"Succeed"}"#),
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: X", at: "/States/S/Default"),
        RuleCase(
            "Choice rule Next must name a state",
            machine(#""S":{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"X"}],"Default":"E"},"E":{"Type":"Succeed"}"#),
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: X", at: "/States/S/Choices[0]/Next"),
        RuleCase(
            "transitions cannot leave a branch",
            machine(#""S":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"S"}}}]}"#),
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: S", at: "/States/S/Branches[0]/States/B/Next"),
        RuleCase(
            "StartAt must name a state", #"{"StartAt":"X","States":{"S":{"Type":"Succeed"}}}"#,
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: X", at: "/StartAt"),
        RuleCase(
            "every state must be reachable", machine(#""S":{"Type":"Succeed"},"U":{"Type":"Succeed"}"#),
            "MISSING_TRANSITION_TARGET", "State \"U\" is not reachable.", at: "/States/U"),
        RuleCase(
            "a machine needs a terminal state", machine(#""S":{"Type":"Pass","Next":"T"},"T":{"Type":"Pass","Next":"S"}"#),
            "MISSING_END_STATE", "Workflow has no terminal state", at: nil),
    ]

    @Test("Structural rules", arguments: cases)
    func rule(_ rule: RuleCase) { rule.verify() }

    @Test("A machine with no terminal state gets no reachability findings on top")
    func noEndOnly() {
        let definition = machine(#""S":{"Type":"Pass","Next":"T"},"T":{"Type":"Pass","Next":"S"},"U":{"Type":"Pass","Next":"S"}"#)
        #expect(errors(definition).map(\.code) == ["MISSING_END_STATE"])
    }

    @Test("All problems are reported at once, in document order, transitions last")
    func allAtOnce() {
        let definition = #"{"StartAt":"pass1","States":{"pass1":{"Type":"Pass","Next":"pass3"},"pass2":{"Type":"Pass","End":true}}}"#
        #expect(
            errors(definition).map(\.description) == [
                "MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next",
                "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2",
            ])
    }

    @Test("The InvalidDefinition message joins the errors the way CreateStateMachine does")
    func invalidDefinitionMessage() {
        let definition = #"{"StartAt":"pass1","States":{"pass1":{"Type":"Pass","Next":"pass3"},"pass2":{"Type":"Pass","End":true}}}"#
        #expect(
            Validator.invalidDefinitionMessage(for: Validator.validate(text: definition))
                == "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, "
                + "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'")
        #expect(
            Validator.invalidDefinitionMessage(for: [Diagnostic(code: "MISSING_END_STATE", message: "Workflow has no terminal state", location: nil)])
                == "Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'")
        #expect(Validator.invalidDefinitionMessage(for: []) == nil)
    }
}
