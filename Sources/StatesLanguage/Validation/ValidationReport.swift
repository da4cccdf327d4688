import JSON

/// ValidateStateMachineDefinition's answer, `{"result", "diagnostics", "truncated"}`, shared by the API
/// action and `stepwise validate --json`.
///
/// As AWS: `severity` ERROR (the default) reports errors only, WARNING errors and warnings; at most
/// `maxResults` diagnostics (AWS's default and maximum, 100) and `truncated` says whether some were left out;
/// the result is FAIL when there is any error, whatever the filter.
package struct ValidationReport: Sendable {
    package static let defaultMaxResults = 100

    package let diagnostics: [Diagnostic]
    package var includeWarnings = false
    package var maxResults = ValidationReport.defaultMaxResults

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    package var failed: Bool { diagnostics.contains { $0.severity == .error } }

    package var json: JSON {
        let shown = diagnostics.filter { includeWarnings || $0.severity == .error }
        return [
            "result": failed ? "FAIL" : "OK",
            "diagnostics": .array(shown.prefix(maxResults).map(Self.json)),
            "truncated": .bool(shown.count > maxResults),
        ]
    }

    static func json(_ diagnostic: Diagnostic) -> JSON {
        var object: JSONObject = [
            "severity": .string(diagnostic.severity.rawValue), "code": .string(diagnostic.code), "message": .string(diagnostic.message),
        ]
        if let location = diagnostic.location { object["location"] = .string(location) }
        return .object(object)
    }
}
