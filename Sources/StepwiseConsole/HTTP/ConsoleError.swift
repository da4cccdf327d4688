import JSON
import StepFunctions

/// Why a console endpoint did not answer: an HTTP status, a stable name and a message, as
/// `{"error": …, "message": …}`. Service and jobs errors keep their names; anything else is a 500 that reveals
/// nothing.
struct ConsoleError: Error, Equatable, CustomStringConvertible {
    let status: Int
    let name: String
    let message: String

    init(_ status: Int, _ name: String, _ message: String) {
        self.status = status
        self.name = name
        self.message = message
    }

    var description: String { "\(status) \(name): \(message)" }

    var response: ConsoleResponse {
        .json(["error": .string(name), "message": .string(message)], status: status)
    }

    static func badRequest(_ name: String, _ message: String) -> ConsoleError { ConsoleError(400, name, message) }

    static let notFound = ConsoleError(404, "NotFound", "The console has no such page or endpoint")

    static let internalError = ConsoleError(500, "InternalError", "An internal error occurred")

    /// Any failure as a console error, by what it means: missing things are 404, the caller's mistakes 400.
    static func from(_ error: any Error) -> ConsoleError {
        switch error {
        case let error as ConsoleError: error
        case let error as StepFunctionsError: ConsoleError(status(of: error.name), error.name, error.message)
        case let error as JobError: ConsoleError(status(of: error.name), error.name, error.message)
        default: internalError
        }
    }

    private static func status(of name: String) -> Int {
        switch name {
        case "StateMachineDoesNotExist", "ExecutionDoesNotExist", "ResourceNotFound", "JobNotFound": 404
        case "ServiceUnavailableException": 503
        case "InternalFailure": 500
        default: 400
        }
    }
}
