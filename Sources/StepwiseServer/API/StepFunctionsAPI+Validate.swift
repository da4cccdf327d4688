import JSON
import StatesLanguage
import StepFunctions

extension StepFunctionsAPI {
    /// ValidateStateMachineDefinition: `{result, diagnostics, truncated}`, HTTP 200 even when the result is FAIL.
    ///
    /// `severity` ERROR (the default) reports errors only; WARNING reports errors and warnings. At most
    /// `maxResults` diagnostics (0 means 100); `truncated` says whether some were left out.
    static func validateStateMachineDefinition(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        guard let definition = try request.string("definition", max: definitionLength) else { throw Members.missing("definition") }
        let type = try request.choice("type", ["STANDARD", "EXPRESS"]).flatMap(Validator.MachineType.init) ?? .standard
        let includeWarnings = try request.choice("severity", ["ERROR", "WARNING"]) == "WARNING"
        let maxResults = try request.int("maxResults", 0...100).flatMap { $0 == 0 ? nil : $0 } ?? ValidationReport.defaultMaxResults
        let input = ValidateStateMachineDefinitionInput(definition: definition, type: type, includeWarnings: includeWarnings, maxResults: maxResults)
        return StepFunctionsService.validateStateMachineDefinition(input).json
    }
}
