import JSON
import StatesLanguage
import Testing

@Suite("Validator: Choice", .timeLimit(.minutes(3)))
struct ValidatorChoiceTests {
    /// A Choice state `S` with the given rules, defaulting to a Succeed state `E`.
    static func choice(_ rules: String, language: String? = nil) -> String {
        machine(#""S":{"Type":"Choice","Choices":[\#(rules)],"Default":"E"},"E":{"Type":"Succeed"}"#, language: language)
    }

    static let cases: [RuleCase] = [
        RuleCase(
            "Choice needs Choices", machine(#""S":{"Type":"Choice","Default":"E"},"E":{"Type":"Succeed"}"#), schema,
            "These fields are required: [Choices]", at: "/States/S"),
        RuleCase("Choices cannot be empty", choice(""), schema, "Value cannot be empty", at: "/States/S/Choices"),
        RuleCase(
            "a rule needs an operator", choice(#"{"Variable":"$.a","Next":"E"}"#), schema,
            "A Choice rule must contain exactly one comparison operator or one of [And, Or, Not]", at: "/States/S/Choices[0]"),
        RuleCase(
            "a rule has only one operator", choice(#"{"Variable":"$.a","IsNull":true,"IsString":true,"Next":"E"}"#), schema,
            "A Choice rule must contain exactly one comparison operator or one of [And, Or, Not]", at: "/States/S/Choices[0]"),
        RuleCase(
            "a comparison needs a Variable", choice(#"{"IsNull":true,"Next":"E"}"#), schema,
            "These fields are required: [Variable]", at: "/States/S/Choices[0]"),
        RuleCase(
            "Variable is a path", choice(#"{"Variable":"a","IsNull":true,"Next":"E"}"#), schema,
            "The value for the field 'Variable' must be a valid JSONPath", at: "/States/S/Choices[0]/Variable"),
        RuleCase(
            "a top-level rule needs Next", choice(#"{"Variable":"$.a","IsNull":true}"#), schema,
            "These fields are required: [Next]", at: "/States/S/Choices[0]"),
        RuleCase(
            "a nested rule has no Next",
            choice(#"{"Not":{"Variable":"$.a","IsNull":true,"Next":"E"},"Next":"E"}"#), schema,
            "Field 'Next' is not supported", at: "/States/S/Choices[0]/Not"),
        RuleCase(
            "NumericEquals takes a number", choice(#"{"Variable":"$.a","NumericEquals":"1","Next":"E"}"#), schema,
            "Expected value of type [NUMBER]", at: "/States/S/Choices[0]/NumericEquals"),
        RuleCase(
            "StringEquals takes a string", choice(#"{"Variable":"$.a","StringEquals":1,"Next":"E"}"#), schema,
            "Expected value of type [STRING]", at: "/States/S/Choices[0]/StringEquals"),
        RuleCase(
            "BooleanEquals takes a boolean", choice(#"{"Variable":"$.a","BooleanEquals":"true","Next":"E"}"#), schema,
            "Expected value of type [BOOLEAN]", at: "/States/S/Choices[0]/BooleanEquals"),
        RuleCase(
            "type tests take a boolean", choice(#"{"Variable":"$.a","IsPresent":1,"Next":"E"}"#), schema,
            "Expected value of type [BOOLEAN]", at: "/States/S/Choices[0]/IsPresent"),
        RuleCase(
            "TimestampEquals takes an RFC 3339 string",
            choice(#"{"Variable":"$.a","TimestampEquals":"yesterday","Next":"E"}"#), schema,
            "String does not match RFC3339 timestamp", at: "/States/S/Choices[0]/TimestampEquals"),
        RuleCase(
            "…Path operands are paths", choice(#"{"Variable":"$.a","StringEqualsPath":"b","Next":"E"}"#), schema,
            "The value for the field 'StringEqualsPath' must be a valid Reference Path",
            at: "/States/S/Choices[0]/StringEqualsPath"),
        RuleCase(
            "And takes a non-empty array", choice(#"{"And":[],"Next":"E"}"#), schema, "Value cannot be empty",
            at: "/States/S/Choices[0]/And"),
        RuleCase(
            "Or takes an array", choice(#"{"Or":{},"Next":"E"}"#), schema, "Expected value of type [ARRAY]",
            at: "/States/S/Choices[0]/Or"),
        RuleCase(
            "Not takes an object", choice(#"{"Not":[],"Next":"E"}"#), schema, "Expected value of type [OBJECT]",
            at: "/States/S/Choices[0]/Not"),
        RuleCase(
            "nested rules are checked too", choice(#"{"And":[{"Variable":"$.a","NumericLessThan":"x"}],"Next":"E"}"#),
            schema, "Expected value of type [NUMBER]", at: "/States/S/Choices[0]/And[0]/NumericLessThan"),
        RuleCase(
            "unknown operators are refused", choice(#"{"Variable":"$.a","StringContains":"x","Next":"E"}"#), schema,
            "Field 'StringContains' is not supported", at: "/States/S/Choices[0]"),
        RuleCase(
            "Condition is JSONata only", choice(#"{"Condition":true,"Next":"E"}"#), schema,
            "The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage",
            at: "/States/S/Choices[0]"),
        RuleCase(
            "JSONata rules need a Condition", choice(#"{"Next":"E"}"#, language: "JSONata"), schema,
            "These fields are required: [Condition]", at: "/States/S/Choices[0]"),
        RuleCase(
            "JSONata rules have no Variable", choice(#"{"Condition":true,"Variable":"$.a","Next":"E"}"#, language: "JSONata"),
            schema,
            "The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage",
            at: "/States/S/Choices[0]"),
        RuleCase(
            "Condition is a boolean or JSONata", choice(#"{"Condition":"yes","Next":"E"}"#, language: "JSONata"), schema,
            "Expected value of type [BOOLEAN, STRING]", at: "/States/S/Choices[0]/Condition"),
        RuleCase(
            "Choice has no End",
            machine(#""S":{"Type":"Choice","End":true,"Choices":[{"Variable":"$.a","IsNull":true,"Next":"E"}]},"E":{"Type":"Succeed"}"#),
            schema, "Field 'End' is not supported", at: "/States/S"),
    ]

    @Test("Choice rules", arguments: cases)
    func rule(_ rule: RuleCase) { rule.verify() }

    @Test(
        "Every operator with a well-typed operand is accepted",
        arguments: [
            #""StringEquals":"a""#, #""StringMatches":"a*""#, #""StringLessThanEqualsPath":"$.b""#, #""NumericEquals":1.5"#,
            #""NumericGreaterThanPath":"$$.Execution.Input.n""#, #""BooleanEquals":false"#, #""BooleanEqualsPath":"$flag""#,
            #""TimestampLessThan":"2016-03-14T01:59:00Z""#, #""IsTimestamp":true"#, #""IsPresent":false"#,
        ])
    func operators(_ test: String) {
        #expect(errors(Self.choice(#"{"Variable":"$.a",\#(test),"Next":"E"}"#)) == [])
    }

    @Test("Combinators, rule Assign and a JSONata Condition are accepted")
    func combinators() {
        let rules = #"{"And":[{"Variable":"$.a","IsNull":false},{"Not":{"Variable":"$.b","StringEquals":"x"}}],"Assign":{"x":1},"Next":"E"}"#
        #expect(errors(Self.choice(rules)) == [])
        #expect(errors(Self.choice(#"{"Condition":"{% $states.input.a %}","Assign":{"y":2},"Output":1,"Next":"E"}"#, language: "JSONata")) == [])
    }
}
