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

    public static func runtime(_ cause: String) -> StatesError { StatesError(Name.runtime, cause) }
    public static func intrinsicFailure(_ cause: String) -> StatesError { StatesError(Name.intrinsicFailure, cause) }

    /// The predefined error names (asl-reference §5.1).
    public enum Name {
        public static let all = "States.ALL"
        public static let runtime = "States.Runtime"
        public static let dataLimitExceeded = "States.DataLimitExceeded"
        public static let timeout = "States.Timeout"
        public static let heartbeatTimeout = "States.HeartbeatTimeout"
        public static let taskFailed = "States.TaskFailed"
        public static let permissions = "States.Permissions"
        public static let resultPathMatchFailure = "States.ResultPathMatchFailure"
        public static let parameterPathFailure = "States.ParameterPathFailure"
        public static let queryEvaluationError = "States.QueryEvaluationError"
        public static let branchFailed = "States.BranchFailed"
        public static let noChoiceMatched = "States.NoChoiceMatched"
        public static let intrinsicFailure = "States.IntrinsicFailure"
        public static let exceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold"
        public static let itemReaderFailed = "States.ItemReaderFailed"
        public static let resultWriterFailed = "States.ResultWriterFailed"
    }
}
