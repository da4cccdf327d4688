import JSON

/// Input/output fields shared by several state types (asl-reference §2.1, §2.2).
extension Validator {
    mutating func checkDataFlow(_ state: StateContext) {
        checkPath(state["InputPath"], field: "InputPath", at: state.at("InputPath"), kind: .path, nullable: true)
        checkPath(state["OutputPath"], field: "OutputPath", at: state.at("OutputPath"), kind: .path, nullable: true)
        checkPath(state["ResultPath"], field: "ResultPath", at: state.at("ResultPath"), kind: .resultPath, nullable: true)
        for field in ["Parameters", "ResultSelector"] {
            if let template = state[field] { checkPayload(template, at: state.at(field)) }
        }
        checkObject(state["Arguments"], at: state.at("Arguments"), jsonata: true)
        if let assign = state["Assign"] {
            checkAssign(assign, at: state.at("Assign"), language: state.language, outerVariables: state.outerVariables)
        }
    }

    /// Keeps the fields of a nested object (Credentials, a Catcher, ItemReader, …) that `table` allows in
    /// `language`, reporting the others as unsupported or as belonging to the other language.
    mutating func allowedFields(
        of object: JSONObject, _ table: [String: FieldLanguage], language: ValidatedLanguage, at location: String
    ) -> JSONObject {
        var allowed = JSONObject()
        for (key, value) in object {
            guard let tag = table[key] else {
                error(Message.notSupported(key), at: location)
                continue
            }
            guard tag.allows(language) else {
                error(Message.wrongLanguage(key, set: language), at: location)
                continue
            }
            allowed[key] = value
        }
        return allowed
    }
}
