import JSON
import StatesLanguage
import Testing

/// Compiles a rule written as JSON text and evaluates it against `input`.
func evaluateChoice(_ rule: String, input: String, variables: [String: JSON] = [:]) throws -> Bool {
    let compiled = try ChoiceRule(parsing: JSON(parsing: rule))
    let roots = PathRoots(input: try JSON(parsing: input), context: ["Execution": ["Name": "run-1"]], variables: Variables(local: variables))
    return try compiled.evaluate(roots)
}

/// One row of an operator table: a rule, an input, and whether the rule holds.
struct ChoiceCase: CustomTestStringConvertible, Sendable {
    let rule: String
    let input: String
    let expected: Bool

    init(_ rule: String, _ input: String, _ expected: Bool) {
        self.rule = rule
        self.input = input
        self.expected = expected
    }

    var testDescription: String { "\(rule) on \(input) is \(expected)" }
}
