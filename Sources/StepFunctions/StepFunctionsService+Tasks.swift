import JSON
import StepwiseIntegrations

/// The task-token actions (asl-reference §8): SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat, for
/// `.waitForTaskToken` tasks and activity tasks alike.
extension StepFunctionsService {
    /// The largest input or output, in bytes (256 KiB, AWS's payload limit).
    package static let payloadLimit = 262_144

    /// SendTaskSuccess. - Throws: InvalidOutput (over the payload limit, or not JSON), InvalidToken, TaskDoesNotExist,
    /// TaskTimedOut.
    package func sendTaskSuccess(_ input: SendTaskSuccessInput) async throws {
        guard input.output.utf8.count <= Self.payloadLimit else {
            throw StepFunctionsError.service("InvalidOutput", "Invalid Output: 'Output exceeds \(Self.payloadLimit) bytes'")
        }
        let output: JSON
        do { output = try JSON(parsing: input.output) } catch {
            throw StepFunctionsError.service("InvalidOutput", "Invalid Output: '\(error.message)'")
        }
        try await callback { try await integrations.tokens.sendTaskSuccess(token: input.taskToken, output: output) }
    }

    /// SendTaskFailure. - Throws: InvalidToken, TaskDoesNotExist, TaskTimedOut.
    package func sendTaskFailure(_ input: SendTaskFailureInput) async throws {
        try await callback {
            try await integrations.tokens.sendTaskFailure(token: input.taskToken, error: input.error, cause: input.cause)
        }
    }

    /// SendTaskHeartbeat. - Throws: InvalidToken, TaskDoesNotExist, TaskTimedOut.
    package func sendTaskHeartbeat(_ input: SendTaskHeartbeatInput) async throws {
        try await callback { try await integrations.tokens.sendTaskHeartbeat(token: input.taskToken) }
    }

    /// Runs a callback, turning its refusal into AWS's error.
    private func callback(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let error as CallbackError { throw StepFunctionsError.service(error.code, error.message) }
    }
}
