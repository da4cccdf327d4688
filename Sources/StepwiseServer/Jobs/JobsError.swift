import JSON

/// An error of the REST jobs API: a status, a stable code and a message, as `{"error": …, "message": …}`.
public struct JobsError: HTTPResponseError, Equatable, CustomStringConvertible {
    public let status: HTTPStatus
    /// A stable, machine-readable name: `JobNotFound`, `JobFinished`, `InvalidInput`, …
    public let code: String
    public let message: String

    public init(_ status: HTTPStatus, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public var httpResponse: HTTPResponse {
        .json(["error": .string(code), "message": .string(message)], status: status)
    }

    static func notFound(job id: String) -> JobsError { JobsError(.notFound, "JobNotFound", "Job '\(id)' does not exist") }

    static func badRequest(_ message: String) -> JobsError { JobsError(.badRequest, "BadRequest", message) }

    /// The REST form of a service error: its code kept, its status chosen by what it means.
    init(_ error: APIError) {
        let status: HTTPStatus =
            switch error.code {
            case "StateMachineDoesNotExist", "ExecutionDoesNotExist": .notFound
            case "ExecutionAlreadyExists": .conflict
            case "InternalFailure": .internalServerError
            case "ServiceUnavailableException": .serviceUnavailable
            default: .badRequest
            }
        self.init(status, error.code, error.message)
    }

    /// Any failure as a REST error: API errors translated, others a 500 that reveals nothing.
    static func from(_ error: any Error) -> JobsError {
        switch error {
        case let error as JobsError: error
        case let error as APIError: JobsError(error)
        default: JobsError(.internalServerError, "InternalError", "An internal error occurred")
        }
    }
}
