import JSON

/// The two query languages a state can use (asl-reference §1.1, §1.2).
enum ValidatedLanguage: Sendable {
    case jsonPath, jsonata

    var name: String { self == .jsonPath ? "JSONPath" : "JSONata" }
    var other: ValidatedLanguage { self == .jsonPath ? .jsonata : .jsonPath }

    /// The language a `ValidatedLanguage` field selects: absent inherits; only the exact string `"JSONPath"` means
    /// JSONPath, any other present value means JSONata (AWS reports the bad value separately).
    static func declared(by value: JSON?, inheriting inherited: ValidatedLanguage) -> ValidatedLanguage {
        guard let value else { return inherited }
        return value.stringValue == "JSONPath" ? .jsonPath : .jsonata
    }
}

/// Which query language a field belongs to in the field matrix (asl-reference §1.3: [P], [A], [PA]).
enum FieldLanguage: Sendable {
    case both, jsonPath, jsonata

    func allows(_ language: ValidatedLanguage) -> Bool {
        switch self {
        case .both: true
        case .jsonPath: language == .jsonPath
        case .jsonata: language == .jsonata
        }
    }
}
