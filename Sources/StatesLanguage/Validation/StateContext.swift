import JSON

/// One state being validated: the fields its type and query language allow (others were already reported),
/// where it is, and the variables its enclosing scopes assign.
struct StateContext: Sendable {
    let name: String
    let type: ValidatedStateType
    let fields: JSONObject
    let location: String
    let language: ValidatedLanguage
    /// Variable names assigned by enclosing scopes, which this state must not assign (asl-reference §2.3).
    let outerVariables: Set<String>

    subscript(field: String) -> JSON? { fields[field] }

    /// The location of one of the state's fields: `/States/X/Field`.
    func at(_ field: String) -> String { "\(location)/\(field)" }

    var isJSONata: Bool { language == .jsonata }
}
