import Foundation
import JSON
import StepwiseIntegrations

/// The task-token actions (asl-reference §8): SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat, for
/// `.waitForTaskToken` tasks and activity tasks alike.
extension StepFunctionsAPI {
    static let tokenLength = 2048

    static func sendTaskSuccess(_ engine: Engine, _ request: Members) async throws -> JSON {
        let token = try request.required("taskToken", max: tokenLength)
        let text = try request.required("output", min: 0, max: .max)
        guard text.utf8.count <= inputLength else {
            throw APIError.service("InvalidOutput", "Invalid Output: 'Output exceeds \(inputLength) bytes'")
        }
        let output: JSON
        do { output = try JSON(parsing: text) } catch {
            throw APIError.service("InvalidOutput", "Invalid Output: '\(error.message)'")
        }
        try await callback { try await engine.integrations.tokens.sendTaskSuccess(token: token, output: output) }
        return [:]
    }

    static func sendTaskFailure(_ engine: Engine, _ request: Members) async throws -> JSON {
        let token = try request.required("taskToken", max: tokenLength)
        let error = try request.string("error", max: 256)
        let cause = try request.string("cause", max: 32_768)
        try await callback { try await engine.integrations.tokens.sendTaskFailure(token: token, error: error, cause: cause) }
        return [:]
    }

    static func sendTaskHeartbeat(_ engine: Engine, _ request: Members) async throws -> JSON {
        let token = try request.required("taskToken", max: tokenLength)
        try await callback { try await engine.integrations.tokens.sendTaskHeartbeat(token: token) }
        return [:]
    }

    /// Runs a callback, turning its refusal into AWS's error.
    static func callback(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let error as CallbackError { throw APIError.service(error.code, error.message) }
    }
}
