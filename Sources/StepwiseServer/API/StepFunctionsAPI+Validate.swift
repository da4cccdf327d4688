import JSON
import StatesLanguage

extension StepFunctionsAPI {
    /// ValidateStateMachineDefinition: `{result, diagnostics, truncated}`, HTTP 200 even when the result is FAIL.
    ///
    /// `severity` ERROR (the default) reports errors only; WARNING reports errors and warnings. At most
    /// `maxResults` diagnostics (0 means 100); `truncated` says whether some were left out.
    static func validateStateMachineDefinition(_ engine: Engine, _ request: Members) async throws -> JSON {
        guard let definition = try request.string("definition", max: definitionLength) else { throw Members.missing("definition") }
        let type = try request.choice("type", ["STANDARD", "EXPRESS"]).flatMap(Validator.MachineType.init) ?? .standard
        let severity = try request.choice("severity", ["ERROR", "WARNING"]) ?? "ERROR"
        let limit = try request.int("maxResults", 0...100).flatMap { $0 == 0 ? nil : $0 } ?? 100
        let diagnostics = Validator.validate(text: definition, type: type)
            .filter { severity == "WARNING" || $0.severity == .error }
        let failed = diagnostics.contains { $0.severity == .error }
        return [
            "result": failed ? "FAIL" : "OK",
            "diagnostics": .array(diagnostics.prefix(limit).map(json)),
            "truncated": .bool(diagnostics.count > limit),
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
