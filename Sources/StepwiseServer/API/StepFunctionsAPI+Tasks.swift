import JSON
import StepFunctions

/// The task-token actions (asl-reference §8): SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat.
extension StepFunctionsAPI {
    static let tokenLength = 2048

    static func sendTaskSuccess(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = SendTaskSuccessInput(
            taskToken: try request.required("taskToken", max: tokenLength), output: try request.required("output", min: 0, max: .max))
        try await service.sendTaskSuccess(input)
        return [:]
    }

    static func sendTaskFailure(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = SendTaskFailureInput(
            taskToken: try request.required("taskToken", max: tokenLength), error: try request.string("error", max: 256),
            cause: try request.string("cause", max: 32_768))
        try await service.sendTaskFailure(input)
        return [:]
    }

    static func sendTaskHeartbeat(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        try await service.sendTaskHeartbeat(SendTaskHeartbeatInput(taskToken: try request.required("taskToken", max: tokenLength)))
        return [:]
    }
}
