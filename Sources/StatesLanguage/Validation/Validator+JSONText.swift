import JSON

/// Diagnostics for text that is not JSON (asl-reference §1.5, "non-JSON").
extension Validator {
    /// INVALID_JSON_DESCRIPTION in the shape AWS's Jackson parser gives: the parser's message followed by
    /// `\n at [Source: (String)"…"; line: L, column: C]`, with that bracket as the location.
    static func jsonDiagnostic(for error: JSONParseError, in text: String) -> Diagnostic {
        let location = "[Source: \(sourceDescription(text)); line: \(error.line), column: \(error.column)]"
        return Diagnostic(code: Code.invalidJSON, message: "\(error.message)\n at \(location)", location: location)
    }

    /// The source as Jackson quotes it: at most 500 characters, then a note of how many were cut.
    static func sourceDescription(_ text: String) -> String {
        let limit = 500
        guard text.count > limit else { return "(String)\"\(text)\"" }
        return "(String)\"\(text.prefix(limit))\"[truncated \(text.count - limit) chars]"
    }
}
