/// One problem found in a definition, as ValidateStateMachineDefinition reports it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error = "ERROR"
        case warning = "WARNING"
    }

    public var severity: Severity
    /// AWS's code: SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET, DUPLICATE_STATE_NAME, …
    public var code: String
    public var message: String
    /// Where, as AWS writes it: `/States/Check/Choices[0]/Next`; nil when AWS gives none.
    public var location: String?

    public init(severity: Severity = .error, code: String, message: String, location: String?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// `CODE: message at /location`, the form AWS joins into InvalidDefinition messages.
    public var description: String {
        location.map { "\(code): \(message) at \($0)" } ?? "\(code): \(message)"
    }
}
