import JSON

/// Validates ASL definitions the way CreateStateMachine and ValidateStateMachineDefinition do
/// (asl-reference §1): every problem at once, each with AWS's code, message and location.
///
/// The public surface is static; an instance is one validation run that walks the definition once and
/// collects diagnostics in document order (state by state, each scope's transition checks after its states).
package struct Validator: Sendable {
    package enum MachineType: String, Sendable {
        case standard = "STANDARD"
        case express = "EXPRESS"
    }

    /// The largest definition AWS accepts, in characters (asl-reference §9).
    static let maximumDefinitionLength = 1_048_576

    let type: MachineType
    /// The machine-wide query language: nested states default to it, not to their Map/Parallel's.
    var machineLanguage: ValidatedLanguage = .jsonPath
    var diagnostics: [Diagnostic] = []
    /// Every state name seen so far, machine-wide (names are unique across all scopes).
    var stateNames: Set<String> = []
    /// Every Map label seen so far, machine-wide.
    var labels: Set<String> = []

    init(type: MachineType) { self.type = type }

    /// Validates definition text (which may not even be JSON).
    package static func validate(text: String, type: MachineType = .standard) -> [Diagnostic] {
        guard !text.isEmpty else {
            return [Diagnostic(code: Code.schema, message: "Definition must be a valid JSON object", location: nil)]
        }
        guard text.count <= maximumDefinitionLength else {
            return [Diagnostic(code: Code.schema, message: Message.definitionTooLong, location: nil)]
        }
        do {
            return validate(try JSON(parsing: text), type: type)
        } catch {
            return [jsonDiagnostic(for: error, in: text)]
        }
    }

    /// Validates a parsed definition.
    package static func validate(_ definition: JSON, type: MachineType = .standard) -> [Diagnostic] {
        var validator = Validator(type: type)
        validator.checkDefinition(definition)
        return validator.diagnostics
    }

    /// The message CreateStateMachine puts in its `InvalidDefinition` error:
    /// `Invalid State Machine Definition: 'CODE: text at /location, …'`. Warnings are left out; a diagnostic
    /// without a location renders `at null`, as AWS does. Nil when there is no error.
    package static func invalidDefinitionMessage(for diagnostics: [Diagnostic]) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        let parts = errors.map { "\($0.code): \($0.message) at \($0.location ?? "null")" }
        return "Invalid State Machine Definition: '\(parts.joined(separator: ", "))'"
    }
}

// MARK: - Recording

extension Validator {
    mutating func error(_ message: String, at location: String?, code: String = Code.schema) {
        diagnostics.append(Diagnostic(code: code, message: message, location: location))
    }

    mutating func warning(_ code: String, _ message: String, at location: String) {
        diagnostics.append(Diagnostic(severity: .warning, code: code, message: message, location: location))
    }
}
