import JSON

/// The top-level object and every nested sub-machine (asl-reference §1.1): required and allowed fields, then
/// each state, then the scope's transitions.
extension Validator {
    private static let topLevelFields: Set = ["StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"]
    static let subMachineFields: Set = ["StartAt", "States", "Comment"]

    mutating func checkDefinition(_ definition: JSON) {
        guard case .object(let root) = definition else {
            error("Definition must be a valid JSON object", at: nil)
            return
        }
        let missing = ["States", "StartAt"].filter { root[$0] == nil }
        if !missing.isEmpty { error(Message.required(missing), at: "/") }
        for key in root.keys where !Self.topLevelFields.contains(key) { error(Message.notSupported(key), at: "/") }
        checkQueryLanguageValue(root["QueryLanguage"], at: "/QueryLanguage")
        machineLanguage = ValidatedLanguage.declared(by: root["QueryLanguage"], inheriting: .jsonPath)
        checkString(root["Comment"], at: "/Comment")
        checkString(root["Version"], at: "/Version")
        checkInteger(root["TimeoutSeconds"], at: "/TimeoutSeconds", in: 1...99_999_999)
        checkScope(root, at: "", outerVariables: [], isTopLevel: true)
    }

    /// Checks a `{StartAt, States}` scope: the top level, a Parallel branch or a Map's ItemProcessor.
    mutating func checkScope(_ scope: JSONObject, at base: String, outerVariables: Set<String>, isTopLevel: Bool = false) {
        let startAt = checkString(scope["StartAt"], at: "\(base)/StartAt")
        guard let statesValue = scope["States"] else { return }
        guard case .object(let states) = statesValue else {
            error(Message.expectedType("OBJECT"), at: "\(base)/States")
            return
        }
        if states.isEmpty { error(Message.cannotBeEmpty, at: "\(base)/States") }
        let inner = outerVariables.union(Self.assignedVariables(in: states))
        for (name, state) in states {
            checkState(named: name, state, at: "\(base)/States/\(name)", outerVariables: outerVariables, innerVariables: inner)
        }
        checkTransitions(states, startAt: startAt, at: base, isTopLevel: isTopLevel)
    }

    /// Checks a sub-machine object (a branch, an ItemProcessor or an Iterator).
    mutating func checkSubMachine(_ value: JSON, at location: String, allowing extra: Set<String> = [], outerVariables: Set<String>) {
        guard case .object(let machine) = value else {
            error(Message.expectedType("OBJECT"), at: location)
            return
        }
        let missing = ["States", "StartAt"].filter { machine[$0] == nil }
        if !missing.isEmpty { error(Message.required(missing), at: location) }
        for key in machine.keys where !Self.subMachineFields.contains(key) && !extra.contains(key) {
            error(Message.notSupported(key), at: location)
        }
        checkString(machine["Comment"], at: "\(location)/Comment")
        checkScope(machine, at: location, outerVariables: outerVariables)
    }

    /// A `ValidatedLanguage` value must be one of the two names (reported at the field itself).
    mutating func checkQueryLanguageValue(_ value: JSON?, at location: String) {
        guard let value else { return }
        guard let name = value.stringValue else { return error(Message.expectedType("STRING"), at: location) }
        if name != "JSONPath" && name != "JSONata" { error(Message.queryLanguages, at: location) }
    }
}
