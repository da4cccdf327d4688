/// Why a SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat was refused, with AWS's error code.
package enum CallbackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The token names no task Stepwise knows (`InvalidToken`).
    case invalidToken
    /// The task already ended: it succeeded, failed, or its execution stopped (`TaskDoesNotExist`).
    case taskDoesNotExist
    /// The task timed out (TimeoutSeconds or HeartbeatSeconds) before the callback (`TaskTimedOut`).
    case taskTimedOut
    /// SendTaskSuccess's output is not JSON, or exceeds 256 KiB (`InvalidOutput`).
    case invalidOutput(String)

    /// AWS's error code.
    package var code: String {
        switch self {
        case .invalidToken: "InvalidToken"
        case .taskDoesNotExist: "TaskDoesNotExist"
        case .taskTimedOut: "TaskTimedOut"
        case .invalidOutput: "InvalidOutput"
        }
    }

    /// AWS's message.
    package var message: String {
        switch self {
        case .invalidToken: "Invalid Token: 'Invalid token'"
        case .taskDoesNotExist: "Task Does Not Exist: 'Provided task does not exist anymore'"
        case .taskTimedOut: "Task Timed Out: 'Provided task has timed out'"
        case .invalidOutput(let reason): "Invalid Output: '\(reason)'"
        }
    }

    package var description: String { "\(code): \(message)" }
}
