import JSON

/// Diagnostics for text that is not JSON (asl-reference §1.5, "non-JSON").
extension Validator {
    /// INVALID_JSON_DESCRIPTION in the shape AWS's Jackson parser gives: the parser's message followed by
    /// `\n at [Source: (String)"…"; line: L, column: C]`, with that bracket as the location.
    ///
    /// A stray word gets Jackson's own text ("Unrecognized token 'not': …"), located just after the word as
    /// Jackson does; other syntax errors keep our parser's message and position.
    static func jsonDiagnostic(for error: JSONParseError, in text: String) -> Diagnostic {
        var message = error.message
        var column = error.column
        let token = Array(text.utf8.dropFirst(error.offset).prefix { isTokenByte($0) })
        if let first = token.first, isLetter(first) {
            message =
                "Unrecognized token '\(String(decoding: token, as: UTF8.self))': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
            column += token.count
        }
        let location = "[Source: \(sourceDescription(text)); line: \(error.line), column: \(column)]"
        return Diagnostic(code: Code.invalidJSON, message: "\(message)\n at \(location)", location: location)
    }

    /// The source as Jackson quotes it: at most 500 characters, then a note of how many were cut.
    static func sourceDescription(_ text: String) -> String {
        let limit = 500
        guard text.count > limit else { return "(String)\"\(text)\"" }
        return "(String)\"\(text.prefix(limit))\"[truncated \(text.count - limit) chars]"
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
}
