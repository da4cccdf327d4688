/// A runtime failure in ASL terms: the error name that Retry and Catch match on (`States.Runtime`,
/// `States.IntrinsicFailure`, or a task's own name) and the cause text AWS reports with it.
public struct StatesError: Error, Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var cause: String

    public init(_ name: String, _ cause: String) {
        self.name = name
        self.cause = cause
    }

    public var description: String { "\(name): \(cause)" }

    package static func runtime(_ cause: String) -> StatesError { StatesError(Name.runtime, cause) }
    static func intrinsicFailure(_ cause: String) -> StatesError { StatesError(Name.intrinsicFailure, cause) }

    /// The predefined error names (asl-reference §5.1).
    package enum Name {
        package static let all = "States.ALL"
        package static let runtime = "States.Runtime"
        package static let dataLimitExceeded = "States.DataLimitExceeded"
        package static let timeout = "States.Timeout"
        package static let heartbeatTimeout = "States.HeartbeatTimeout"
        package static let taskFailed = "States.TaskFailed"
        static let permissions = "States.Permissions"
        package static let resultPathMatchFailure = "States.ResultPathMatchFailure"
        static let parameterPathFailure = "States.ParameterPathFailure"
        package static let queryEvaluationError = "States.QueryEvaluationError"
        static let branchFailed = "States.BranchFailed"
        package static let noChoiceMatched = "States.NoChoiceMatched"
        static let intrinsicFailure = "States.IntrinsicFailure"
        package static let exceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold"
        package static let itemReaderFailed = "States.ItemReaderFailed"
        package static let resultWriterFailed = "States.ResultWriterFailed"
    }
}
