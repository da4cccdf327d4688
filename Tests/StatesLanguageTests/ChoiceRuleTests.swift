import JSON
import Testing

@testable import StatesLanguage

struct ChoiceRuleTests {
    @Test(
        "And, Or and Not combine rules",
        arguments: [
            ChoiceCase(
                #"{"And": [{"Variable": "$.a", "NumericGreaterThan": 1}, {"Variable": "$.b", "IsNull": true}]}"#, #"{"a": 2, "b": null}"#, true),
            ChoiceCase(
                #"{"And": [{"Variable": "$.a", "NumericGreaterThan": 1}, {"Variable": "$.b", "IsNull": false}]}"#, #"{"a": 2, "b": null}"#, false),
            ChoiceCase(#"{"Or": [{"Variable": "$.a", "StringEquals": "x"}, {"Variable": "$.a", "NumericEquals": 2}]}"#, #"{"a": 2}"#, true),
            ChoiceCase(#"{"Or": [{"Variable": "$.a", "StringEquals": "x"}]}"#, #"{"a": 2}"#, false),
            ChoiceCase(#"{"Not": {"Variable": "$.a", "StringEquals": "x"}, "Next": "S"}"#, #"{"a": "y"}"#, true),
            ChoiceCase(#"{"Not": {"Not": {"Variable": "$.a", "IsPresent": true}}}"#, #"{}"#, false),
            ChoiceCase(#"{"And": [{"Variable": "$.a", "IsPresent": false}, {"Variable": "$.a", "NumericEquals": 1}]}"#, #"{"a": 1}"#, false),
            ChoiceCase(#"{"Or": [{"Variable": "$.a", "IsPresent": true}, {"Variable": "$.missing", "NumericEquals": 1}]}"#, #"{"a": 1}"#, true),
        ])
    func combinators(_ row: ChoiceCase) throws {
        #expect(try evaluateChoice(row.rule, input: row.input) == row.expected)
    }

    @Test("Operands and Variables can come from the context and from variables")
    func otherRoots() throws {
        #expect(
            try evaluateChoice(#"{"Variable": "$$.Execution.Name", "StringEqualsPath": "$expected"}"#, input: "{}", variables: ["expected": "run-1"]))
        #expect(try evaluateChoice(#"{"Variable": "$limit", "NumericGreaterThanPath": "$.n"}"#, input: #"{"n": 3}"#, variables: ["limit": 5]))
    }

    @Test(
        "A Variable that matches nothing is States.Runtime with AWS's text",
        arguments: [
            #"{"Variable": "$.missing", "NumericEquals": 1}"#, #"{"Variable": "$.missing", "IsNull": true}"#,
            #"{"Variable": "$.missing", "StringMatches": "*"}"#, #"{"Variable": "$.missing", "IsTimestamp": false}"#,
        ])
    func missingVariable(_ rule: String) {
        #expect(throws: StatesError("States.Runtime", "Invalid path '$.missing': The choice state's condition path references an invalid value.")) {
            try evaluateChoice(rule, input: #"{"a": 1}"#)
        }
    }

    @Test("An operand path that matches nothing is States.Runtime naming that path")
    func missingOperand() {
        #expect(throws: StatesError("States.Runtime", "Invalid path '$.right': The choice state's condition path references an invalid value.")) {
            try evaluateChoice(#"{"Variable": "$.left", "NumericLessThanPath": "$.right"}"#, input: #"{"left": 8}"#)
        }
    }

    @Test("Rules compile to the expected structure")
    func structure() throws {
        let rule = try ChoiceRule(
            parsing: json(
                #"{"Or": [{"Variable": "$.a", "NumericEqualsPath": "$.b"}, {"Not": {"Variable": "$.c", "IsNull": true}}], "Next": "X", "Comment": "c"}"#
            ))
        let equals = Comparison(variable: try JSONPath("$.a"), op: .numericEquals, operand: .path(try JSONPath("$.b")))
        let isNull = Comparison(variable: try JSONPath("$.c"), op: .isNull, operand: .value(true))
        #expect(rule == .or([.comparison(equals), .not(.comparison(isNull))]))
    }

    @Test(
        "Invalid rules are rejected with the location of the problem",
        arguments: [
            (#"[]"#, "a Choice rule must be an object, not array", ""),
            (#"{"Next": "X"}"#, "a Choice rule needs Variable and one comparison operator, or And, Or or Not", ""),
            (#"{"Variable": "$.a"}"#, "the rule on $.a has no comparison operator", ""),
            (
                #"{"Variable": "$.a", "IsNull": true, "IsString": true}"#, "the rule on $.a has more than one comparison operator (IsNull, IsString)",
                ""
            ),
            (#"{"Variable": "$.a", "NumericEqual": 1}"#, "unknown comparison operator 'NumericEqual'", "/NumericEqual"),
            (#"{"Variable": "$.a", "StringMatchesPath": "$.b"}"#, "unknown comparison operator 'StringMatchesPath'", "/StringMatchesPath"),
            (#"{"Variable": "$.a", "NumericEquals": "1"}"#, "NumericEquals takes a number, not string", "/NumericEquals"),
            (#"{"Variable": "$.a", "StringEquals": 1}"#, "StringEquals takes a string, not number", "/StringEquals"),
            (#"{"Variable": "$.a", "IsPresent": "true"}"#, "IsPresent takes a boolean, not string", "/IsPresent"),
            (#"{"Variable": "$.a", "TimestampEquals": 5}"#, "TimestampEquals takes a string, not number", "/TimestampEquals"),
            (#"{"Variable": "$.a", "BooleanEqualsPath": true}"#, "must be a path string, not boolean", "/BooleanEqualsPath"),
            (#"{"Variable": 3, "IsNull": true}"#, "must be a path string, not number", "/Variable"),
            (#"{"Variable": "a", "IsNull": true}"#, "invalid path 'a': a path must start with '$'", "/Variable"),
            (#"{"And": []}"#, "And must be a non-empty array of rules", "/And"),
            (#"{"Or": {"Variable": "$.a", "IsNull": true}}"#, "Or must be a non-empty array of rules", "/Or"),
            (#"{"And": [{"Variable": "$.a", "IsNull": true}, {"Variable": "$.b"}]}"#, "the rule on $.b has no comparison operator", "/And/1"),
            (#"{"Not": {"Variable": "$.a", "IsNull": 1}}"#, "IsNull takes a boolean, not number", "/Not/IsNull"),
            (#"{"Not": {"Variable": "$.a", "IsNull": true}, "Variable": "$.a"}"#, "a rule with Not can have no other test field", ""),
        ])
    func invalid(_ rule: String, _ message: String, _ location: String) {
        #expect(throws: ChoiceRuleError(message, at: location)) { try ChoiceRule(parsing: json(rule)) }
    }
}
