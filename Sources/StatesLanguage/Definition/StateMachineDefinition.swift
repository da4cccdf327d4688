import JSON

/// The query language of a state (asl-reference §1.1): JSONPath (the default) or JSONata.
package enum QueryLanguage: String, Sendable, Hashable {
    case jsonPath = "JSONPath"
    case jsonata = "JSONata"
}

/// A parsed, validated ASL document: the typed states the interpreter runs.
///
/// Construction validates first (`Validator`), then compiles every path, template and expression once, so
/// nothing is parsed again while executions run.
package struct StateMachineDefinition: Sendable {
    package let source: JSON
    package let comment: String?
    package let timeoutSeconds: Int?
    let queryLanguage: QueryLanguage
    package let root: Machine
    /// Whether any state, at any depth, uses JSONata (so a step may evaluate an expression).
    package let usesJSONata: Bool

    /// Parses and validates definition text; throws every problem at once.
    package init(text: String, type: Validator.MachineType = .standard) throws(DefinitionError) {
        let diagnostics = Validator.validate(text: text, type: type).filter { $0.severity == .error }
        guard diagnostics.isEmpty else { throw DefinitionError(diagnostics: diagnostics) }
        do {
            try self.init(validated: try JSON(parsing: text))
        } catch let error as DefinitionError {
            throw error
        } catch {
            throw DefinitionError(diagnostics: [Diagnostic(code: "INVALID_JSON_DESCRIPTION", message: "\(error)", location: nil)])
        }
    }

    /// Parses and validates a definition given as JSON.
    package init(json: JSON, type: Validator.MachineType = .standard) throws(DefinitionError) {
        let diagnostics = Validator.validate(json, type: type).filter { $0.severity == .error }
        guard diagnostics.isEmpty else { throw DefinitionError(diagnostics: diagnostics) }
        try self.init(validated: json)
    }

    /// Compiles a definition that passed validation.
    init(validated json: JSON) throws(DefinitionError) {
        var reader = FieldReader(json, location: "")
        source = json
        comment = reader.optionalString("Comment")
        timeoutSeconds = reader.optionalInt("TimeoutSeconds")
        let language = QueryLanguage(rawValue: reader.optionalString("QueryLanguage") ?? "JSONPath") ?? .jsonPath
        queryLanguage = language
        root = try Machine(parsing: json, location: "", defaultLanguage: language)
        usesJSONata = root.usesJSONata
        if let error = reader.errors.first { throw DefinitionError(diagnostics: [error]) }
    }
}

/// A definition AWS would reject: every diagnostic found.
public struct DefinitionError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    static func schema(_ message: String, at location: String) -> DefinitionError {
        DefinitionError(diagnostics: [Diagnostic(code: "SCHEMA_VALIDATION_FAILED", message: message, location: location)])
    }

    /// AWS's InvalidDefinition message: `Invalid State Machine Definition: 'CODE: text at /loc, …'`.
    public var description: String {
        "Invalid State Machine Definition: '\(diagnostics.map(\.description).joined(separator: ", "))'"
    }
}

/// One `States` scope: the top level, a Parallel branch or a Map processor. States are addressed by index so
/// transitions cost no lookups at run time.
package final class Machine: Sendable {
    package let startAt: Int
    package let states: [State]
    let indexByName: [String: Int]

    package func index(of name: String) -> Int? { indexByName[name] }
    var startState: State { states[startAt] }

    /// Whether any of its states, or of the states of its branches and Map processors, uses JSONata.
    var usesJSONata: Bool {
        states.contains { state in
            if state.isJSONata { return true }
            switch state.kind {
            case .parallel(let branches): return branches.contains { $0.usesJSONata }
            case .map(let map): return map.processor.usesJSONata
            default: return false
            }
        }
    }

    init(parsing json: JSON, location: String, defaultLanguage: QueryLanguage) throws(DefinitionError) {
        guard case .object(let statesObject)? = json["States"], let startName = json["StartAt"]?.stringValue else {
            throw .schema("These fields are required: [States, StartAt]", at: location.isEmpty ? "/" : location)
        }
        var index: [String: Int] = [:]
        for (position, name) in statesObject.keys.enumerated() { index[name] = position }
        guard let start = index[startName] else {
            throw DefinitionError(diagnostics: [
                Diagnostic(code: "MISSING_TRANSITION_TARGET", message: "Missing 'Next' target: \(startName)", location: location + "/StartAt")
            ])
        }
        indexByName = index
        startAt = start
        var states: [State] = []
        for (name, value) in statesObject {
            states.append(
                try State.parse(name: name, json: value, location: "\(location)/States/\(name)", scope: index, defaultLanguage: defaultLanguage))
        }
        self.states = states
    }
}
