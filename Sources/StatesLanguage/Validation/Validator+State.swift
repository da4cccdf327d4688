import JSON

/// Rules common to every state (asl-reference §1.2): name, `Type`, query language, the field matrix and
/// `Next`/`End`; then the type's own rules.
extension Validator {
    static let maximumStateNameLength = 80

    mutating func checkState(
        named name: String, _ value: JSON, at location: String, outerVariables: Set<String>, innerVariables: Set<String>
    ) {
        if !stateNames.insert(name).inserted {
            error(Message.duplicateState(name), at: location, code: Code.duplicateStateName)
        }
        if name.count > Self.maximumStateNameLength {
            error(Message.stateNameTooLong(name), at: location, code: Code.invalidStateName)
        }
        guard case .object(let state) = value else { return error(Message.expectedType("OBJECT"), at: location) }
        guard let type = checkType(state, at: location) else { return }
        let language = checkLanguage(state, at: location)
        let fields = allowedFields(of: state, type: type, language: language, at: location)
        let context = StateContext(
            name: name, type: type, fields: fields, location: location, language: language, outerVariables: outerVariables)
        checkRequiredFields(context)
        checkTransition(context)
        checkDataFlow(context)
        checkTypeSpecific(context, innerVariables: innerVariables)
        if language == .jsonata { checkJSONataFields(context) }
    }

    private mutating func checkType(_ state: JSONObject, at location: String) -> ValidatedStateType? {
        guard let value = state["Type"] else {
            error(Message.required(["Type"]), at: location)
            return nil
        }
        guard let name = value.stringValue else {
            error(Message.expectedType("STRING"), at: "\(location)/Type")
            return nil
        }
        guard let type = ValidatedStateType(rawValue: name) else {
            error(Message.stateTypes, at: "\(location)/Type")
            return nil
        }
        return type
    }

    /// The state's effective language; a JSONata machine cannot turn a state back to JSONPath.
    private mutating func checkLanguage(_ state: JSONObject, at location: String) -> ValidatedLanguage {
        let language = ValidatedLanguage.declared(by: state["QueryLanguage"], inheriting: machineLanguage)
        if machineLanguage == .jsonata && state["QueryLanguage"]?.stringValue == "JSONPath" {
            error(Message.downgrade, at: location)
        }
        checkQueryLanguageValue(state["QueryLanguage"], at: "\(location)/QueryLanguage")
        return language
    }

    /// Reports fields the type does not have and fields of the other language; returns the rest.
    private mutating func allowedFields(
        of state: JSONObject, type: ValidatedStateType, language: ValidatedLanguage, at location: String
    ) -> JSONObject {
        let downgraded = machineLanguage == .jsonata && state["QueryLanguage"]?.stringValue == "JSONPath"
        var allowed = JSONObject()
        for (key, value) in state {
            guard let tag = type.fields[key] else {
                error(Message.notSupported(key), at: location)
                continue
            }
            guard tag.allows(language) else {
                // After a refused downgrade AWS names only the downgrade, not the fields it would refuse.
                if !downgraded { error(Message.wrongLanguage(key, set: language), at: location) }
                continue
            }
            allowed[key] = value
        }
        return allowed
    }

    private mutating func checkRequiredFields(_ state: StateContext) {
        let required: [String] =
            switch state.type {
            case .task: ["Resource"]
            case .choice: ["Choices"]
            case .parallel: ["Branches"]
            default: []
            }
        let missing = required.filter { state[$0] == nil }
        if !missing.isEmpty { error(Message.required(missing), at: state.location) }
    }

    /// Task, Pass, Wait, Parallel and Map need exactly one of `Next` or `"End": true` (asl-reference §1.2).
    private mutating func checkTransition(_ state: StateContext) {
        guard state.type.needsTransition else { return }
        let next = checkString(state["Next"], at: state.at("Next"))
        let end = checkBool(state["End"], at: state.at("End"))
        if end == false && next == nil { error(Message.endMustBeTrue, at: state.at("End")) }
        if next != nil && end == true {
            error(Message.mutuallyExclusive(["Next", "End"]), at: state.location)
        } else if state["Next"] == nil && state["End"] == nil {
            error(Message.exactlyOne(["Next", "End"]), at: state.location)
        }
    }

    private mutating func checkTypeSpecific(_ state: StateContext, innerVariables: Set<String>) {
        switch state.type {
        case .task: checkTask(state)
        case .pass: checkPass(state)
        case .choice: checkChoice(state)
        case .wait: checkWait(state)
        case .succeed: break
        case .fail: checkFail(state)
        case .parallel: checkParallel(state, innerVariables: innerVariables)
        case .map: checkMap(state, innerVariables: innerVariables)
        }
        if state["Retry"] != nil { checkRetry(state) }
        if state["Catch"] != nil { checkCatch(state) }
    }
}
