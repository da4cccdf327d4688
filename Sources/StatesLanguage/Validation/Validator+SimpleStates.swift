import JSON

/// Pass, Wait, Fail and Parallel states (asl-reference §1.3).
extension Validator {
    mutating func checkPass(_ state: StateContext) {
        if let result = state["Result"] { checkStaticResult(result, at: state.at("Result")) }
    }

    /// Exactly one of Seconds, Timestamp, SecondsPath, TimestampPath; literal timestamps must be RFC 3339.
    mutating func checkWait(_ state: StateContext) {
        let all = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"]
        let present = all.filter { state[$0] != nil }
        if present.count != 1 {
            let candidates = all.filter { state.type.fields[$0]!.allows(state.language) }
            error(Message.exactlyOne(candidates), at: state.location)
        }
        checkInteger(state["Seconds"], at: state.at("Seconds"), in: 0...Self.maximumTimeout, jsonata: state.isJSONata)
        if let timestamp = checkString(state["Timestamp"], at: state.at("Timestamp")),
            !(state.isJSONata && Self.isJSONata(timestamp)), !RFC3339.isValid(timestamp)
        {
            error(Message.notRFC3339, at: state.at("Timestamp"))
        }
        for field in ["SecondsPath", "TimestampPath"] {
            checkPath(state[field], field: field, at: state.at(field), kind: .reference)
        }
    }

    /// Not both Error and ErrorPath, nor Cause and CausePath; the `…Path` fields take a path or an intrinsic.
    mutating func checkFail(_ state: StateContext) {
        checkExclusive(state, ["Error", "ErrorPath"])
        checkExclusive(state, ["Cause", "CausePath"])
        for field in ["Error", "Cause"] {
            if let text = checkString(state[field], at: state.at(field)), !state.isJSONata, Self.looksDynamic(text) {
                warning(Code.noPath, Message.noPath(field), at: state.at(field))
            }
        }
        for field in ["ErrorPath", "CausePath"] {
            checkPath(state[field], field: field, at: state.at(field), kind: .referenceOrIntrinsic)
        }
    }

    /// `Branches`: a non-empty array of sub-machines, each its own variable scope.
    mutating func checkParallel(_ state: StateContext, innerVariables: Set<String>) {
        guard let value = state["Branches"] else { return }
        guard let branches = value.arrayValue else { return error(Message.expectedType("ARRAY"), at: state.at("Branches")) }
        if branches.isEmpty { error(Message.cannotBeEmpty, at: state.at("Branches")) }
        for (index, branch) in branches.enumerated() {
            checkSubMachine(branch, at: Self.indexed(state.at("Branches"), index), outerVariables: innerVariables)
        }
    }
}
