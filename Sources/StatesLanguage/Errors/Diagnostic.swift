/// One problem found in a definition, as ValidateStateMachineDefinition reports it.
package struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    package enum Severity: String, Sendable {
        case error = "ERROR"
        case warning = "WARNING"
    }

    package var severity: Severity
    /// AWS's code: SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET, DUPLICATE_STATE_NAME, …
    package var code: String
    package var message: String
    /// Where, as AWS writes it: `/States/Check/Choices[0]/Next`; nil when AWS gives none.
    package var location: String?

    package init(severity: Severity = .error, code: String, message: String, location: String?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// `CODE: message at /location`, the form AWS joins into InvalidDefinition messages.
    package var description: String {
        location.map { "\(code): \(message) at \($0)" } ?? "\(code): \(message)"
    }
}
