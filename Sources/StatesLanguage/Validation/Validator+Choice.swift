import JSON

/// Choice states (asl-reference §1.3 "Choice", §3.1): JSONPath rules with one operator each, JSONata rules
/// with a `Condition`.
extension Validator {
    private static let jsonataRuleFields: Set = ["Condition", "Next", "Assign", "Output", "Comment"]

    mutating func checkChoice(_ state: StateContext) {
        let rules = elements(of: state["Choices"], at: state.at("Choices"))
        if state["Choices"]?.arrayValue?.isEmpty == true { error(Message.cannotBeEmpty, at: state.at("Choices")) }
        for (index, rule) in rules.enumerated() {
            let location = Self.indexed(state.at("Choices"), index)
            if state.isJSONata {
                checkJSONataRule(rule, at: location, state)
            } else {
                checkRule(rule, at: location, topLevel: true, state)
            }
        }
        checkString(state["Default"], at: state.at("Default"))
    }

    private mutating func checkJSONataRule(_ value: JSON, at location: String, _ state: StateContext) {
        guard case .object(let rule) = value else { return error(Message.expectedType("OBJECT"), at: location) }
        for key in rule.keys where !Self.jsonataRuleFields.contains(key) {
            let isJSONPath = key == "Variable" || ChoiceOperator.operands[key] != nil || ChoiceOperator.combinators.contains(key)
            error(isJSONPath ? Message.wrongLanguage(key, set: .jsonata) : Message.notSupported(key), at: location)
        }
        let missing = ["Condition", "Next"].filter { rule[$0] == nil }
        if !missing.isEmpty { error(Message.required(missing), at: location) }
        if let condition = rule["Condition"], condition.boolValue == nil, !Self.isJSONata(condition) {
            error(Message.expectedType("BOOLEAN", "STRING"), at: "\(location)/Condition")
        }
        checkString(rule["Next"], at: "\(location)/Next")
        if let assign = rule["Assign"] {
            checkAssign(assign, at: "\(location)/Assign", language: .jsonata, outerVariables: state.outerVariables)
        }
    }

    /// A JSONPath rule: `Variable` with exactly one operator, or one of And/Or/Not; `Next` only at the top.
    private mutating func checkRule(_ value: JSON, at location: String, topLevel: Bool, _ state: StateContext) {
        guard case .object(let rule) = value else { return error(Message.expectedType("OBJECT"), at: location) }
        let operators = rule.keys.filter { ChoiceOperator.operands[$0] != nil }
        let combinators = rule.keys.filter { ChoiceOperator.combinators.contains($0) }
        checkRuleFields(rule, at: location, topLevel: topLevel)
        if topLevel && rule["Next"] == nil { error(Message.required(["Next"]), at: location) }
        if operators.count + combinators.count != 1 { error(Message.noOperator, at: location) }
        if !operators.isEmpty && rule["Variable"] == nil { error(Message.required(["Variable"]), at: location) }
        checkPath(rule["Variable"], field: "Variable", at: "\(location)/Variable", kind: .path)
        for name in operators { checkOperand(rule[name]!, of: name, at: "\(location)/\(name)") }
        for name in combinators { checkCombinator(rule[name]!, name, at: "\(location)/\(name)", state) }
        if topLevel { checkString(rule["Next"], at: "\(location)/Next") }
        if topLevel, let assign = rule["Assign"] {
            checkAssign(assign, at: "\(location)/Assign", language: .jsonPath, outerVariables: state.outerVariables)
        }
    }

    private mutating func checkRuleFields(_ rule: JSONObject, at location: String, topLevel: Bool) {
        for key in rule.keys {
            if ChoiceOperator.operands[key] != nil || ChoiceOperator.combinators.contains(key) { continue }
            if key == "Variable" || key == "Comment" || (topLevel && (key == "Next" || key == "Assign")) { continue }
            let isJSONata = key == "Condition" || key == "Output"
            error(isJSONata ? Message.wrongLanguage(key, set: .jsonPath) : Message.notSupported(key), at: location)
        }
    }

    private mutating func checkCombinator(_ value: JSON, _ name: String, at location: String, _ state: StateContext) {
        guard name != "Not" else { return checkRule(value, at: location, topLevel: false, state) }
        guard let rules = value.arrayValue else { return error(Message.expectedType("ARRAY"), at: location) }
        if rules.isEmpty { error(Message.cannotBeEmpty, at: location) }
        for (index, rule) in rules.enumerated() { checkRule(rule, at: Self.indexed(location, index), topLevel: false, state) }
    }

    private mutating func checkOperand(_ value: JSON, of name: String, at location: String) {
        switch ChoiceOperator.operands[name]! {
        case .string: checkString(value, at: location)
        case .boolean: checkBool(value, at: location)
        case .number: if value.numberValue == nil { error(Message.expectedType("NUMBER"), at: location) }
        case .path: checkPath(value, field: name, at: location, kind: .reference)
        case .timestamp:
            if let text = checkString(value, at: location), !RFC3339.isValid(text) { error(Message.notRFC3339, at: location) }
        }
    }
}
