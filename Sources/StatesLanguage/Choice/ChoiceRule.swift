import JSON

/// A JSONPath Choice rule (asl-reference §3.1): a comparison of the value at `Variable` with a literal or
/// with the value at another path, or a boolean combination of rules.
package indirect enum ChoiceRule: Sendable, Hashable {
    case and([ChoiceRule])
    case or([ChoiceRule])
    case not(ChoiceRule)
    case comparison(Comparison)
}

/// `Variable` + one data-test operator.
package struct Comparison: Sendable, Hashable {
    package enum Operator: String, Sendable, Hashable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringLessThan = "StringLessThan"
        case stringGreaterThan = "StringGreaterThan"
        case stringLessThanEquals = "StringLessThanEquals"
        case stringGreaterThanEquals = "StringGreaterThanEquals"
        case stringMatches = "StringMatches"
        case numericEquals = "NumericEquals"
        case numericLessThan = "NumericLessThan"
        case numericGreaterThan = "NumericGreaterThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case booleanEquals = "BooleanEquals"
        case timestampEquals = "TimestampEquals"
        case timestampLessThan = "TimestampLessThan"
        case timestampGreaterThan = "TimestampGreaterThan"
        case timestampLessThanEquals = "TimestampLessThanEquals"
        case timestampGreaterThanEquals = "TimestampGreaterThanEquals"
        case isNull = "IsNull"
        case isPresent = "IsPresent"
        case isNumeric = "IsNumeric"
        case isString = "IsString"
        case isBoolean = "IsBoolean"
        case isTimestamp = "IsTimestamp"
    }

    /// The right-hand side: a literal, or (for the `…Path` forms) a path into the input, `$$` or a variable.
    package enum Operand: Sendable, Hashable {
        case value(JSON)
        case path(JSONPath)
    }

    package var variable: JSONPath
    package var op: Operator
    package var operand: Operand

    package init(variable: JSONPath, op: Operator, operand: Operand) {
        self.variable = variable
        self.op = op
        self.operand = operand
    }
}

extension ChoiceRule {
    /// Whether the rule holds for the given roots (asl-reference §3.1). `And` and `Or` stop at the first rule
    /// that decides them. Operands of the wrong type make a comparison false; a Variable that matches nothing is
    /// States.Runtime except under IsPresent.
    package func evaluate(_ roots: PathRoots) throws(StatesError) -> Bool {
        switch self {
        case .and(let rules):
            for rule in rules where try !rule.evaluate(roots) { return false }
            return true
        case .or(let rules):
            for rule in rules where try rule.evaluate(roots) { return true }
            return false
        case .not(let rule): return try !rule.evaluate(roots)
        case .comparison(let comparison): return try comparison.evaluate(roots)
        }
    }
}
