import Foundation
import JSON
import Stepwise

/// Runs TestState on a fresh virtual-clock runtime; `register` adds task handlers first.
func testState(
    _ definition: String, stateName: String? = nil, input: JSON = [:], level: InspectionLevel = .debug, mock: TestStateMock? = nil,
    context: JSON? = nil, variables: JSON? = nil, roleArn: String? = nil, configuration: TestStateConfiguration = TestStateConfiguration(),
    register: (Runtime) -> Void = { _ in }
) async throws(TestStateError) -> TestStateResult {
    let runtime = Runtime(clock: .virtual)
    register(runtime)
    return try await runtime.testState(
        TestStateRequest(
            definition: definition, stateName: stateName, input: input, inspectionLevel: level, mock: mock, context: context, variables: variables,
            roleArn: roleArn, configuration: configuration))
}

/// The refusal TestState answers, as `CODE: message`.
func refusal(_ body: () async throws(TestStateError) -> TestStateResult) async -> String? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error.description
    }
}
