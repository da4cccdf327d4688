/// Why an activity action was refused, with AWS's error code.
package enum ActivityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No activity with this ARN (`ActivityDoesNotExist`).
    case doesNotExist(arn: String)
    /// An activity name outside AWS's naming rules (`InvalidName`).
    case invalidName(String)
    /// Already 1,000 GetActivityTask calls wait on this activity (`ActivityWorkerLimitExceeded`).
    case workerLimitExceeded(arn: String)

    package var code: String {
        switch self {
        case .doesNotExist: "ActivityDoesNotExist"
        case .invalidName: "InvalidName"
        case .workerLimitExceeded: "ActivityWorkerLimitExceeded"
        }
    }

    package var message: String {
        switch self {
        case .doesNotExist(let arn): "Activity Does Not Exist: '\(arn)'"
        case .invalidName(let name): "Invalid Name: '\(name)'"
        case .workerLimitExceeded(let arn): "Too many workers are polling for tasks of activity '\(arn)'"
        }
    }

    package var description: String { "\(code): \(message)" }
}
