import JSON
import StepFunctions

/// An error of the REST jobs API: a status, a stable code and a message, as `{"error": …, "message": …}`.
struct JobsError: HTTPResponseError, Equatable, CustomStringConvertible {
    package let status: HTTPStatus
    /// A stable, machine-readable name: `JobNotFound`, `JobFinished`, `InvalidInput`, …
    package let code: String
    package let message: String

    package init(_ status: HTTPStatus, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    package var description: String { "\(status.code) \(code): \(message)" }

    package var httpResponse: HTTPResponse {
        .json(["error": .string(code), "message": .string(message)], status: status)
    }

    static func badRequest(_ message: String) -> JobsError { JobsError(.badRequest, "BadRequest", message) }

    /// The REST form of a service error: its name kept, its status chosen by what it means.
    init(_ error: StepFunctionsError) {
        let status: HTTPStatus =
            switch error.name {
            case "StateMachineDoesNotExist", "ExecutionDoesNotExist": .notFound
            case "ExecutionAlreadyExists": .conflict
            case "InternalFailure": .internalServerError
            case "ServiceUnavailableException": .serviceUnavailable
            default: .badRequest
            }
        self.init(status, error.name, error.message)
    }

    /// The REST form of a jobs error: its name kept, its status chosen by what it means.
    init(_ error: JobError) {
        let status: HTTPStatus =
            switch error.name {
            case "JobNotFound": .notFound
            case "JobFinished", "JobStarting", "JobAlreadyExists", "JobNotRetryable": .conflict
            default: .badRequest
            }
        self.init(status, error.name, error.message)
    }

    /// Any failure as a REST error: service and jobs errors translated, others a 500 that reveals nothing.
    static func from(_ error: any Error) -> JobsError {
        switch error {
        case let error as JobsError: error
        case let error as JobError: JobsError(error)
        case let error as StepFunctionsError: JobsError(error)
        default: JobsError(.internalServerError, "InternalError", "An internal error occurred")
        }
    }
}
