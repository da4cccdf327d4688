import JSON
import StatesLanguage
import Testing

@Suite("Validator: data flow, variables, Retry and Catch", .timeLimit(.minutes(3)))
struct ValidatorDataFlowTests {
    static let lambda = "arn:aws:lambda:us-east-1:111111111111:function:f"

    static func task(_ fields: String, language: String? = nil) -> String {
        machine(#""S":{"Type":"Task","Resource":"\#(lambda)","End":true,\#(fields)},"H":{"Type":"Succeed"}"#, language: language)
    }

    static let cases: [RuleCase] = [
        RuleCase(
            "a .$ value must be a path or an intrinsic", single(#"{"Type":"Pass","End":true,"Parameters":{"k.$":"k"}}"#),
            schema, "The value for the field 'k.$' must be a valid JSONPath or a valid intrinsic function call",
            at: "/States/S/Parameters"),
        RuleCase(
            "a .$ value must be a string", single(#"{"Type":"Pass","End":true,"Parameters":{"k.$":1}}"#), schema,
            "The value for the field 'k.$' must be a valid JSONPath or a valid intrinsic function call",
            at: "/States/S/Parameters"),
        RuleCase(
            "nested templates are checked where they are",
            single(#"{"Type":"Pass","End":true,"Parameters":{"a":{"b.$":"x"}}}"#), schema,
            "The value for the field 'b.$' must be a valid JSONPath or a valid intrinsic function call",
            at: "/States/S/Parameters/a"),
        RuleCase(
            "keys are unique after stripping .$", single(#"{"Type":"Pass","End":true,"Parameters":{"k":1,"k.$":"$.k"}}"#),
            schema, "The field 'k' is specified more than once", at: "/States/S/Parameters"),
        RuleCase(
            "ResultSelector is a template", task(#""ResultSelector":{"r.$":"r"}"#), schema,
            "The value for the field 'r.$' must be a valid JSONPath or a valid intrinsic function call",
            at: "/States/S/ResultSelector"),
        RuleCase(
            "InputPath is a path", single(#"{"Type":"Pass","End":true,"InputPath":"input"}"#), schema,
            "The value for the field 'InputPath' must be a valid JSONPath", at: "/States/S/InputPath"),
        RuleCase(
            "OutputPath is a path", single(#"{"Type":"Succeed","OutputPath":7}"#), schema,
            "Expected value of type [STRING]", at: "/States/S/OutputPath"),
        RuleCase(
            "ResultPath cannot use the context object", single(#"{"Type":"Pass","End":true,"ResultPath":"$$.Execution"}"#),
            schema, "The value for the field 'ResultPath' must be a valid Reference Path", at: "/States/S/ResultPath"),
        RuleCase(
            "ResultPath cannot use a variable", single(#"{"Type":"Pass","End":true,"ResultPath":"$var.a"}"#), schema,
            "The value for the field 'ResultPath' must be a valid Reference Path", at: "/States/S/ResultPath"),
        RuleCase(
            "Assign keys are bare names", single(#"{"Type":"Pass","End":true,"Assign":{"a.b":1}}"#), schema,
            "Invalid variable name: 'a.b'", at: "/States/S/Assign"),
        RuleCase(
            "Assign keys are at most 80 characters",
            single(#"{"Type":"Pass","End":true,"Assign":{"\#(String(repeating: "v", count: 81))":1}}"#), schema,
            "Invalid variable name: '\(String(repeating: "v", count: 81))'", at: "/States/S/Assign"),
        RuleCase(
            "states is reserved", single(#"{"Type":"Pass","End":true,"Assign":{"states":1}}"#), schema,
            "The variable name 'states' is reserved", at: "/States/S/Assign"),
        RuleCase(
            "JSONPath Assign values are templates", single(#"{"Type":"Pass","End":true,"Assign":{"x.$":"x"}}"#), schema,
            "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call",
            at: "/States/S/Assign"),
        RuleCase(
            "Succeed has no Assign", single(#"{"Type":"Succeed","Assign":{"x":1}}"#), schema,
            "Field 'Assign' is not supported", at: "/States/S"),
        RuleCase(
            "an inner scope cannot assign an outer variable",
            machine(
                #""S":{"Type":"Pass","Assign":{"x":1},"Next":"P"},"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Assign":{"x":2},"End":true}}}]}"#
            ),
            schema, "The variable 'x' is already assigned in an outer scope and cannot be reassigned in an inner scope",
            at: "/States/P/Branches[0]/States/B/Assign"),
        RuleCase(
            "a Map's Catcher Assign is in the outer scope",
            machine(
                #""S":{"Type":"Map","End":true,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H","Assign":{"failed":true}}],"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","Assign":{"failed":false},"End":true}}}},"H":{"Type":"Succeed"}"#
            ),
            schema, "The variable 'failed' is already assigned in an outer scope and cannot be reassigned in an inner scope",
            at: "/States/S/ItemProcessor/States/B/Assign"),
        RuleCase(
            "ErrorEquals is required", task(#""Retry":[{"MaxAttempts":1}]"#), schema,
            "These fields are required: [ErrorEquals]", at: "/States/S/Retry[0]"),
        RuleCase(
            "ErrorEquals cannot be empty", task(#""Retry":[{"ErrorEquals":[]}]"#), schema, "Value cannot be empty",
            at: "/States/S/Retry[0]/ErrorEquals"),
        RuleCase(
            "States.ALL stands alone", task(#""Retry":[{"ErrorEquals":["States.ALL","X"]}]"#), schema,
            "'States.ALL' must be the only element in 'ErrorEquals'", at: "/States/S/Retry[0]/ErrorEquals"),
        RuleCase(
            "States.ALL is in the last retrier", task(#""Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}]"#),
            schema, "'States.ALL' must appear in the last element of the array", at: "/States/S/Retry[0]/ErrorEquals"),
        RuleCase(
            "States.ALL is in the last catcher",
            task(#""Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"},{"ErrorEquals":["X"],"Next":"H"}]"#), schema,
            "'States.ALL' must appear in the last element of the array", at: "/States/S/Catch[0]/ErrorEquals"),
        RuleCase(
            "IntervalSeconds is positive", task(#""Retry":[{"ErrorEquals":["X"],"IntervalSeconds":0}]"#), schema,
            "Value must be greater than or equal to 1", at: "/States/S/Retry[0]/IntervalSeconds"),
        RuleCase(
            "MaxAttempts is non-negative", task(#""Retry":[{"ErrorEquals":["X"],"MaxAttempts":-1}]"#), schema,
            "Value must be greater than or equal to 0", at: "/States/S/Retry[0]/MaxAttempts"),
        RuleCase(
            "BackoffRate is at least 1", task(#""Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5}]"#), schema,
            "Value must be greater than or equal to 1", at: "/States/S/Retry[0]/BackoffRate"),
        RuleCase(
            "MaxDelaySeconds is at most 31,622,401", task(#""Retry":[{"ErrorEquals":["X"],"MaxDelaySeconds":31622402}]"#),
            schema, "Value must be less than or equal to 31622401", at: "/States/S/Retry[0]/MaxDelaySeconds"),
        RuleCase(
            "JitterStrategy is FULL or NONE", task(#""Retry":[{"ErrorEquals":["X"],"JitterStrategy":"HALF"}]"#), schema,
            "The field 'JitterStrategy' should have one of these values: [FULL, NONE]",
            at: "/States/S/Retry[0]/JitterStrategy"),
        RuleCase(
            "retriers have known fields only", task(#""Retry":[{"ErrorEquals":["X"],"Next":"H"}]"#), schema,
            "Field 'Next' is not supported", at: "/States/S/Retry[0]"),
        RuleCase(
            "a catcher needs Next", task(#""Catch":[{"ErrorEquals":["X"]}]"#), schema, "These fields are required: [Next]",
            at: "/States/S/Catch[0]"),
        RuleCase(
            "a catcher's Next must exist", task(#""Catch":[{"ErrorEquals":["X"],"Next":"Nowhere"}]"#),
            "MISSING_TRANSITION_TARGET", "Missing 'Next' target: Nowhere", at: "/States/S/Catch[0]/Next"),
        RuleCase(
            "a JSONata catcher has no ResultPath",
            task(#""Catch":[{"ErrorEquals":["X"],"Next":"H","ResultPath":"$.e"}]"#, language: "JSONata"), schema,
            "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage",
            at: "/States/S/Catch[0]"),
    ]

    @Test("Data-flow, variable and error-handling rules", arguments: cases)
    func rule(_ rule: RuleCase) { rule.verify() }

    @Test("Warnings: NO_DOLLAR, NO_PATH and PASS_RESULT_IS_STATIC")
    func warnings() {
        let diagnostics = Validator.validate(
            text: machine(
                #"""
                "S":{"Type":"Pass","Parameters":{"a":"$.a"},"Result":{"b.$":"$.b"},"Next":"F"},
                "F":{"Type":"Fail","Error":"$.error"}
                """#))
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.map(\.code) == ["NO_DOLLAR", "PASS_RESULT_IS_STATIC", "NO_PATH"])
        #expect(diagnostics.map(\.location) == ["/States/S/Parameters", "/States/S/Result", "/States/F/Error"])
        #expect(Validator.invalidDefinitionMessage(for: diagnostics) == nil)
    }

    @Test("Templates with paths, context paths, variables and intrinsics are accepted")
    func templates() {
        let parameters = #"{"a.$":"$.a","b.$":"$$.Execution.Id","c.$":"$var.x","d.$":"States.Format('{}', $.a)","e":[{"f.$":"$"}]}"#
        #expect(
            errors(single(#"{"Type":"Pass","End":true,"InputPath":null,"OutputPath":"$.o","ResultPath":null,"Parameters":\#(parameters)}"#)) == [])
    }

    @Test("Sibling branches may assign the same name")
    func siblings() {
        let branch = #"{"StartAt":"B%","States":{"B%":{"Type":"Pass","Assign":{"x":1},"End":true}}}"#
        let branches = [branch.replacingOccurrences(of: "%", with: "1"), branch.replacingOccurrences(of: "%", with: "2")]
        #expect(errors(single(#"{"Type":"Parallel","End":true,"Branches":[\#(branches.joined(separator: ","))]}"#)) == [])
    }
}
