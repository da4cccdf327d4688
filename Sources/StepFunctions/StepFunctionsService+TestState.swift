import JSON
import Stepwise

/// TestState: one state run once, outside any execution (``Runtime/testState(_:)``), with the server's resolvers
/// for a Task that is not mocked.
extension StepFunctionsService {
    /// - Throws: InvalidDefinition, InvalidExecutionInput and ValidationException with AWS's messages.
    package func testState(_ input: TestStateInput) async throws(StepFunctionsError) -> TestStateResult {
        var request = input.request
        request.input = try Self.parseInput(input.input)
        request.mock = try Self.mock(input.mock)
        request.context = try input.context.map { text throws(StepFunctionsError) in try Self.parse(text, "Invalid Context object provided") }
        request.variables = try input.variables.map { text throws(StepFunctionsError) in try Self.parse(text, "Invalid variables provided") }
        do {
            return try await runtime.testState(request)
        } catch {
            throw StepFunctionsError.service(error.code, error.message)
        }
    }

    /// `mock`: exactly one of `result` (JSON text) and `errorOutput`.
    static func mock(_ mock: TestStateInput.MockInput?) throws(StepFunctionsError) -> TestStateMock? {
        guard let mock else { return nil }
        switch (mock.result, mock.errorOutput) {
        case (let result?, nil): return .result(try parse(result, "Mocked result must be valid JSON"))
        case (nil, let output?): return .error(error: output.error, cause: output.cause)
        default:
            throw StepFunctionsError.service(
                "ValidationException", "A test mock should have only one of the following fields: [result, errorOutput].")
        }
    }

    /// JSON text of a TestState member; a ValidationException starting with `what` otherwise.
    static func parse(_ text: String, _ what: String) throws(StepFunctionsError) -> JSON {
        do { return try JSON(parsing: text) } catch {
            throw StepFunctionsError.service("ValidationException", "\(what): \(error.message)")
        }
    }
}
