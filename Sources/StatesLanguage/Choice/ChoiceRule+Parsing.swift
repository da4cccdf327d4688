import JSON

extension ChoiceRule {
    /// Fields a rule may carry besides its test: `Next` (top-level rules), `Comment`, and `Assign`.
    static let nonTestKeys: Set<String> = ["Next", "Comment", "Assign"]

    /// Compiles a JSONPath Choice rule object (asl-reference §3.1): `Variable` plus exactly one comparison
    /// operator, or one of `And`/`Or` (a non-empty array of rules) and `Not` (one rule).
    /// Throws with the offending field's location relative to the rule (`/And/1/NumericEquals`).
    package init(parsing json: JSON) throws(ChoiceRuleError) {
        self = try Self.parse(json, at: "")
    }

    static func parse(_ json: JSON, at location: String) throws(ChoiceRuleError) -> ChoiceRule {
        guard case .object(let object) = json else {
            throw ChoiceRuleError("a Choice rule must be an object, not \(json.typeName)", at: location)
        }
        let keys = object.keys.filter { !nonTestKeys.contains($0) }
        if let combinator = keys.first(where: { ["And", "Or", "Not"].contains($0) }) {
            guard keys.count == 1 else {
                throw ChoiceRuleError("a rule with \(combinator) can have no other test field", at: location)
            }
            return try parseCombinator(combinator, object[combinator]!, at: "\(location)/\(combinator)")
        }
        return .comparison(try parseComparison(object, keys: keys, at: location))
    }

    private static func parseCombinator(_ name: String, _ value: JSON, at location: String) throws(ChoiceRuleError) -> ChoiceRule {
        if name == "Not" { return .not(try parse(value, at: location)) }
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw ChoiceRuleError("\(name) must be a non-empty array of rules", at: location)
        }
        var rules: [ChoiceRule] = []
        for (index, element) in elements.enumerated() { rules.append(try parse(element, at: "\(location)/\(index)")) }
        return name == "And" ? .and(rules) : .or(rules)
    }

    private static func parseComparison(_ object: JSONObject, keys: [String], at location: String) throws(ChoiceRuleError) -> Comparison {
        guard let variableValue = object["Variable"] else {
            throw ChoiceRuleError("a Choice rule needs Variable and one comparison operator, or And, Or or Not", at: location)
        }
        let variable = try path(variableValue, at: "\(location)/Variable")
        let operators = keys.filter { $0 != "Variable" }
        guard operators.count == 1, let key = operators.first else {
            let message =
                operators.isEmpty ? "has no comparison operator" : "has more than one comparison operator (\(operators.joined(separator: ", ")))"
            throw ChoiceRuleError("the rule on \(variable.text) \(message)", at: location)
        }
        guard let (op, isPath) = Comparison.Operator.parse(key: key) else {
            throw ChoiceRuleError("unknown comparison operator '\(key)'", at: "\(location)/\(key)")
        }
        let value = object[key]!
        if isPath { return Comparison(variable: variable, op: op, operand: .path(try path(value, at: "\(location)/\(key)"))) }
        try checkLiteral(value, for: op, at: "\(location)/\(key)")
        return Comparison(variable: variable, op: op, operand: .value(value))
    }

    private static func path(_ value: JSON, at location: String) throws(ChoiceRuleError) -> JSONPath {
        guard case .string(let text) = value else { throw ChoiceRuleError("must be a path string, not \(value.typeName)", at: location) }
        do { return try JSONPath(text) } catch { throw ChoiceRuleError("invalid path '\(text)': \(error.message)", at: location) }
    }

    private static func checkLiteral(_ value: JSON, for op: Comparison.Operator, at location: String) throws(ChoiceRuleError) {
        let expected: String
        switch (op.family, value) {
        case (.string, .string), (.pattern, .string), (.timestamp, .string), (.numeric, .number), (.boolean, .bool),
            (.typeTest, .bool):
            return
        case (.string, _), (.pattern, _), (.timestamp, _): expected = "string"
        case (.numeric, _): expected = "number"
        case (.boolean, _), (.typeTest, _): expected = "boolean"
        }
        throw ChoiceRuleError("\(op.rawValue) takes a \(expected), not \(value.typeName)", at: location)
    }
}

/// A Choice rule that cannot be compiled: what is wrong, and where inside the rule (a JSON pointer such as
/// `/And/0/Variable`, empty for the rule itself).
package struct ChoiceRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String
    package var location: String

    package init(_ message: String, at location: String) {
        self.message = message
        self.location = location
    }

    package var description: String { location.isEmpty ? message : "\(message) at \(location)" }
}
