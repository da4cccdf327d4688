import JSON
import Testing

@testable import StatesLanguage

struct ChoiceOperatorTests {
    static let strings: [ChoiceCase] = [
        ChoiceCase(#"{"Variable": "$.v", "StringEquals": "Hello"}"#, #"{"v": "Hello"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "StringEquals": "Hello"}"#, #"{"v": "hello"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringEquals": "1"}"#, #"{"v": 1}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringEquals": "\t\r\n"}"#, #"{"v": "\t\n"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringEquals": "é"}"#, #"{"v": "e\u0301"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringEqualsPath": "$.w"}"#, #"{"v": "a", "w": "a"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "StringEqualsPath": "$.w"}"#, #"{"v": "a", "w": ["a"]}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringLessThan": "AB"}"#, #"{"v": "A"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "StringLessThan": "A"}"#, #"{"v": "AB"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringLessThan": "a"}"#, #"{"v": "Z"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "StringLessThan": "😀"}"#, #"{"v": "\uffff"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "StringLessThanPath": "$.w"}"#, #"{"v": "b", "w": "a"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringGreaterThan": "A"}"#, #"{"v": "A "}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "StringGreaterThan": ""}"#, #"{"v": ""}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringGreaterThanPath": "$.w"}"#, #"{"v": "AB", "w": "ABC"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringLessThanEquals": "A"}"#, #"{"v": "A"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "StringLessThanEqualsPath": "$.w"}"#, #"{"v": "AB", "w": "A"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringGreaterThanEquals": ""}"#, #"{"v": ""}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "StringGreaterThanEquals": "b"}"#, #"{"v": null}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "StringGreaterThanEqualsPath": "$.w"}"#, #"{"v": "b", "w": "a"}"#, true),
    ]

    static let numbers: [ChoiceCase] = [
        ChoiceCase(#"{"Variable": "$.v", "NumericEquals": 1.0}"#, #"{"v": 1}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericEquals": 0}"#, #"{"v": 0.0}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericEquals": 1}"#, #"{"v": 1.1}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "NumericEquals": 1}"#, #"{"v": "1"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "NumericEquals": 1}"#, #"{"v": true}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "NumericEquals": 0}"#, #"{"v": null}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "NumericEquals": 2.22}"#, #"{"v": 2.22}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericEquals": 1e2}"#, #"{"v": 100}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericEqualsPath": "$.w"}"#, #"{"v": 0, "w": 0.0}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericEqualsPath": "$.w"}"#, #"{"v": 0, "w": "0"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "NumericLessThan": 1}"#, #"{"v": 0.5}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericLessThan": 0}"#, #"{"v": 0}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "NumericLessThanPath": "$.w"}"#, #"{"v": -3, "w": -2}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericGreaterThan": 0}"#, #"{"v": 1}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericGreaterThan": 9007199254740992}"#, #"{"v": 9007199254740993}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericGreaterThanPath": "$.w"}"#, #"{"v": 1, "w": 1}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "NumericLessThanEquals": 1}"#, #"{"v": 1}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericLessThanEqualsPath": "$.w"}"#, #"{"v": 2, "w": 1}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "NumericGreaterThanEquals": 0}"#, #"{"v": 0.0}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "NumericGreaterThanEqualsPath": "$.w"}"#, #"{"v": 0, "w": 1}"#, false),
    ]

    static let booleans: [ChoiceCase] = [
        ChoiceCase(#"{"Variable": "$.v", "BooleanEquals": true}"#, #"{"v": true}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "BooleanEquals": false}"#, #"{"v": true}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "BooleanEquals": false}"#, #"{"v": 0}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "BooleanEquals": true}"#, #"{"v": "true"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "BooleanEqualsPath": "$.w"}"#, #"{"v": false, "w": false}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "BooleanEqualsPath": "$.w"}"#, #"{"v": 1, "w": true}"#, false),
    ]

    static let typeTests: [ChoiceCase] = [
        ChoiceCase(#"{"Variable": "$.v", "IsNull": true}"#, #"{"v": null}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsNull": true}"#, #"{"v": ""}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "IsNull": false}"#, #"{"v": 0}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsPresent": true}"#, #"{"v": null}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsPresent": false}"#, #"{"v": false}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "IsPresent": false}"#, #"{}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsPresent": true}"#, #"{}"#, false),
        ChoiceCase(#"{"Variable": "$.v.deep[3]", "IsPresent": true}"#, #"{"v": 1}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "IsNumeric": true}"#, #"{"v": 1.1}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsNumeric": true}"#, #"{"v": "1"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "IsNumeric": false}"#, #"{"v": null}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsString": true}"#, #"{"v": ""}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsString": true}"#, #"{"v": [""]}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "IsString": false}"#, #"{"v": {}}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsBoolean": true}"#, #"{"v": false}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsBoolean": true}"#, #"{"v": 0}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "IsBoolean": false}"#, #"{"v": "true"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsTimestamp": true}"#, #"{"v": "2016-03-14T01:59:00Z"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsTimestamp": true}"#, #"{"v": "2016-03-14T01:59:00.25-07:30"}"#, true),
        ChoiceCase(#"{"Variable": "$.v", "IsTimestamp": true}"#, #"{"v": "2016-03-14"}"#, false),
        ChoiceCase(#"{"Variable": "$.v", "IsTimestamp": false}"#, #"{"v": 1457920740}"#, true),
    ]

    @Test("String operators compare code points and ignore non-strings", arguments: strings)
    func stringOperators(_ row: ChoiceCase) throws { #expect(try evaluateChoice(row.rule, input: row.input) == row.expected) }

    @Test("Numeric operators compare numbers by value and ignore non-numbers", arguments: numbers)
    func numericOperators(_ row: ChoiceCase) throws { #expect(try evaluateChoice(row.rule, input: row.input) == row.expected) }

    @Test("BooleanEquals matches only booleans", arguments: booleans)
    func booleanOperators(_ row: ChoiceCase) throws { #expect(try evaluateChoice(row.rule, input: row.input) == row.expected) }

    @Test("Type tests check the JSON type of the value", arguments: typeTests)
    func typeTestOperators(_ row: ChoiceCase) throws { #expect(try evaluateChoice(row.rule, input: row.input) == row.expected) }

    @Test("Every operator and every Path form is understood")
    func allOperators() {
        let keys = Comparison.Operator.allCases.flatMap { op in op.hasPathForm ? [op.key(path: false), op.key(path: true)] : [op.key(path: false)] }
        #expect(keys.count == 39)
        #expect(keys.allSatisfy { Comparison.Operator.parse(key: $0) != nil })
        #expect(Comparison.Operator.parse(key: "StringMatchesPath") == nil)
        #expect(Comparison.Operator.parse(key: "IsNullPath") == nil)
    }
}
