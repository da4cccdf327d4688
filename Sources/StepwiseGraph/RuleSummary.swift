import JSON
import StatesLanguage

/// Short, readable text for edge labels: a Choice rule as an expression, a Catch or Retry rule's errors.
enum RuleSummary {
    /// `$.n > 5`, `$.a == "x" && !($.b is present)`; a JSONata condition as written.
    static func text(_ condition: ChoiceState.Branch.Condition) -> String {
        switch condition {
        case .rule(let rule): text(rule, nested: false)
        case .jsonata(let template): template.expressionSource ?? "Condition"
        }
    }

    static func errors(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.joined(separator: ", ")
    }

    private static func text(_ rule: ChoiceRule, nested: Bool) -> String {
        switch rule {
        case .and(let rules): group(rules.map { text($0, nested: true) }.joined(separator: " && "), nested)
        case .or(let rules): group(rules.map { text($0, nested: true) }.joined(separator: " || "), nested)
        case .not(let rule): "!(\(text(rule, nested: false)))"
        case .comparison(let comparison): text(comparison)
        }
    }

    private static func group(_ text: String, _ nested: Bool) -> String { nested ? "(\(text))" : text }

    private static func text(_ comparison: Comparison) -> String {
        let variable = comparison.variable.text
        let operand: String
        switch comparison.operand {
        case .value(let value): operand = value.serialized()
        case .path(let path): operand = path.text
        }
        if let symbol = symbol(comparison.op) { return "\(variable) \(symbol) \(operand)" }
        let negated = comparison.operand == .value(.bool(false))
        switch comparison.op {
        case .stringMatches: return "\(variable) matches \(operand)"
        case .isPresent: return "\(variable) \(negated ? "is absent" : "is present")"
        default:
            let type = String(comparison.op.rawValue.dropFirst(2)).lowercased()
            return "\(variable) is \(negated ? "not " : "")\(type)"
        }
    }

    private static func symbol(_ op: Comparison.Operator) -> String? {
        let name = op.rawValue
        if name.hasSuffix("GreaterThanEquals") { return ">=" }
        if name.hasSuffix("LessThanEquals") { return "<=" }
        if name.hasSuffix("GreaterThan") { return ">" }
        if name.hasSuffix("LessThan") { return "<" }
        if name.hasSuffix("Equals") { return "==" }
        return nil
    }
}
