import JSON

/// Variables (asl-reference §2.3): Assign keys are bare variable names, `states` is reserved, and an inner
/// scope (a branch or an iteration) must not assign a name an enclosing scope assigns.
extension Validator {
    static let maximumVariableNameLength = 80

    /// Checks an `Assign` object of a state, a Choice rule or a Catcher.
    mutating func checkAssign(_ value: JSON, at location: String, language: ValidatedLanguage, outerVariables: Set<String>) {
        guard case .object(let assign) = value else { return error(Message.expectedType("OBJECT"), at: location) }
        for key in assign.keys {
            let name = Self.variableName(ofAssignKey: key, language: language)
            if !Self.isVariableName(name) {
                error(Message.invalidVariable(name), at: location)
            } else if name == "states" {
                error(Message.reservedVariable, at: location)
            } else if outerVariables.contains(name) {
                error(Message.outerVariable(name), at: location)
            }
        }
        if language == .jsonPath { checkPayload(value, at: location) }
    }

    /// The variable an Assign key names: in JSONPath a trailing `.$` only marks the value as dynamic.
    static func variableName(ofAssignKey key: String, language: ValidatedLanguage) -> String {
        language == .jsonPath && key.hasSuffix(".$") ? String(key.dropLast(2)) : key
    }

    /// A Unicode identifier (ID_Start or `_`, then ID_Continue) of at most 80 characters.
    static func isVariableName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard let first = scalars.first, name.count <= maximumVariableNameLength else { return false }
        guard first.properties.isXIDStart || first == "_" else { return false }
        return scalars.dropFirst().allSatisfy { $0.properties.isXIDContinue }
    }

    /// Every variable name the states of one scope assign: state, Choice rule and Catcher `Assign` keys.
    static func assignedVariables(in states: JSONObject) -> Set<String> {
        var names: Set<String> = []
        for (_, state) in states {
            let language = ValidatedLanguage.declared(by: state["QueryLanguage"], inheriting: .jsonPath)
            var assigns = [state["Assign"]]
            for field in ["Choices", "Catch"] { assigns += (state[field]?.arrayValue ?? []).map { $0["Assign"] } }
            for case .object(let assign)? in assigns {
                for key in assign.keys { names.insert(variableName(ofAssignKey: key, language: language)) }
            }
        }
        return names
    }
}
