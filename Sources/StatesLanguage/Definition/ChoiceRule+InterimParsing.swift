import JSON

// INTERIM: replaced by the Choice module's own parser when it lands (delete this file then).
extension ChoiceRule {
    public init(parsing json: JSON) throws(PathSyntaxError) {
        if let rules = json["And"]?.arrayValue {
            var parsed: [ChoiceRule] = []
            for rule in rules { parsed.append(try ChoiceRule(parsing: rule)) }
            self = .and(parsed)
        } else if let rules = json["Or"]?.arrayValue {
            var parsed: [ChoiceRule] = []
            for rule in rules { parsed.append(try ChoiceRule(parsing: rule)) }
            self = .or(parsed)
        } else if let rule = json["Not"] {
            self = .not(try ChoiceRule(parsing: rule))
        } else {
            let variable = try JSONPath(json["Variable"]?.stringValue ?? "$")
            for op in Comparison.Operator.allCases {
                if let value = json[op.rawValue] {
                    self = .comparison(Comparison(variable: variable, op: op, operand: .value(value)))
                    return
                }
                if let path = json[op.rawValue + "Path"]?.stringValue {
                    self = .comparison(Comparison(variable: variable, op: op, operand: .path(try JSONPath(path))))
                    return
                }
            }
            throw PathSyntaxError(path: "", message: "no operator")
        }
    }
}
