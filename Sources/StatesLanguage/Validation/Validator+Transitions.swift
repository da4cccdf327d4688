import JSON

/// Transitions within one scope (asl-reference §1.2): every target exists in the same `States`, every state is
/// reachable from `StartAt`, and the machine can end.
extension Validator {
    /// One outgoing transition of a state, with where it is written.
    struct Transition {
        let target: String
        let location: String
    }

    mutating func checkTransitions(_ states: JSONObject, startAt: String?, at base: String, isTopLevel: Bool) {
        var edges: [String: [Transition]] = [:]
        for (name, state) in states {
            let transitions = Self.transitions(of: state, at: "\(base)/States/\(name)")
            edges[name] = transitions
            for transition in transitions where states[transition.target] == nil {
                error(Message.missingTarget(transition.target), at: transition.location, code: Code.missingTarget)
            }
        }
        if let startAt, !states.isEmpty, states[startAt] == nil {
            error(Message.missingTarget(startAt), at: "\(base)/StartAt", code: Code.missingTarget)
        }
        guard states.contains(where: { Self.isTerminal($0.value) }) || states.isEmpty else {
            // AWS reports only this when nothing can end: no reachability findings on top of it.
            error(Message.noTerminalState, at: isTopLevel ? nil : base, code: Code.missingEndState)
            return
        }
        let reachable = Self.reachable(from: startAt, edges: edges)
        for name in states.keys where !reachable.contains(name) {
            error(Message.unreachable(name), at: "\(base)/States/\(name)", code: Code.missingTarget)
        }
    }

    /// The `Next`, `Default`, Choice rule `Next` and Catcher `Next` of a state, in that order.
    static func transitions(of state: JSON, at location: String) -> [Transition] {
        var result: [Transition] = []
        if let next = state["Next"]?.stringValue { result.append(Transition(target: next, location: "\(location)/Next")) }
        if let next = state["Default"]?.stringValue { result.append(Transition(target: next, location: "\(location)/Default")) }
        for field in ["Choices", "Catch"] {
            for (index, rule) in (state[field]?.arrayValue ?? []).enumerated() {
                if let next = rule["Next"]?.stringValue {
                    result.append(Transition(target: next, location: "\(Self.indexed("\(location)/\(field)", index))/Next"))
                }
            }
        }
        return result
    }

    /// A terminal state: `"End": true`, Succeed or Fail.
    static func isTerminal(_ state: JSON) -> Bool {
        if state["End"]?.boolValue == true { return true }
        let type = state["Type"]?.stringValue
        return type == "Succeed" || type == "Fail"
    }

    static func reachable(from start: String?, edges: [String: [Transition]]) -> Set<String> {
        guard let start, edges[start] != nil else { return [] }
        var seen: Set = [start]
        var pending = [start]
        while let name = pending.popLast() {
            for transition in edges[name] ?? [] where edges[transition.target] != nil && seen.insert(transition.target).inserted {
                pending.append(transition.target)
            }
        }
        return seen
    }
}
