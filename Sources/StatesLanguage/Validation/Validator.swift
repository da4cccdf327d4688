import JSON

/// Validates ASL definitions the way CreateStateMachine and ValidateStateMachineDefinition do
/// (asl-reference §1): every problem at once, each with AWS's code, message and location.
///
/// PLACEHOLDER: the full rule set replaces it.
public enum Validator {
    public enum MachineType: String, Sendable { case standard = "STANDARD", express = "EXPRESS" }

    /// Validates definition text (which may not even be JSON).
    public static func validate(text: String, type: MachineType = .standard) -> [Diagnostic] {
        guard !text.isEmpty else {
            return [Diagnostic(code: "SCHEMA_VALIDATION_FAILED", message: "Definition must be a valid JSON object", location: nil)]
        }
        do {
            return validate(try JSON(parsing: text), type: type)
        } catch {
            return [Diagnostic(code: "INVALID_JSON_DESCRIPTION", message: error.message, location: "line: \(error.line), column: \(error.column)")]
        }
    }

    /// Validates a parsed definition.
    public static func validate(_ definition: JSON, type: MachineType = .standard) -> [Diagnostic] {
        guard case .object(let object) = definition else {
            return [Diagnostic(code: "SCHEMA_VALIDATION_FAILED", message: "Definition must be a valid JSON object", location: nil)]
        }
        var missing: [String] = []
        if object["States"] == nil { missing.append("States") }
        if object["StartAt"] == nil { missing.append("StartAt") }
        guard missing.isEmpty else {
            return [Diagnostic(code: "SCHEMA_VALIDATION_FAILED", message: "These fields are required: [\(missing.joined(separator: ", "))]", location: "/")]
        }
        return []
    }
}
