import JSON

/// How the tested state ended (AWS's TestState response).
public struct TestStateResult: Sendable {
    public var status: TestStateStatus
    /// The state's output; absent when it failed or is to be retried.
    public var output: JSON?
    public var error: String?
    public var cause: String?
    /// The state that would run next: `Next`, the matched Choice rule's or the catcher's `Next`.
    public var nextState: String?
    /// Each data-flow stage (DEBUG and TRACE).
    public var inspectionData: InspectionData?
}

/// SUCCEEDED, FAILED, RETRIABLE (a retrier would run the state again) or CAUGHT_ERROR (a catcher handled its error).
public enum TestStateStatus: String, Sendable {
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case retriable = "RETRIABLE"
    case caughtError = "CAUGHT_ERROR"
}

/// The tested state's data flow, stage by stage (AWS's `inspectionData`); a stage the state does not have, or
/// did not reach, is nil.
public struct InspectionData: Sendable {
    public var input: JSON?
    public var afterArguments: JSON?
    public var afterInputPath: JSON?
    public var afterParameters: JSON?
    public var result: JSON?
    public var afterResultSelector: JSON?
    public var afterResultPath: JSON?
    /// The HTTP Task's request and response (TRACE): string members as AWS gives them.
    public var request: JSON?
    public var response: JSON?
    /// The variables after the state: those given, with what it assigned.
    public var variables: JSON?
    public var errorDetails: ErrorDetails?
    public var afterItemsPath: JSON?
    public var afterItemSelector: JSON?
    public var afterItemBatcher: JSON?
    public var afterItemsPointer: JSON?
    public var toleratedFailureCount: Int?
    public var toleratedFailurePercentage: Double?
    public var maxConcurrency: Int?

    package init() {}

    /// Which Retry or Catch entry handled the error, and the backoff before the retry.
    public struct ErrorDetails: Sendable, Equatable {
        public var catchIndex: Int?
        public var retryIndex: Int?
        public var retryBackoffIntervalSeconds: Int?

        public init(catchIndex: Int? = nil, retryIndex: Int? = nil, retryBackoffIntervalSeconds: Int? = nil) {
            self.catchIndex = catchIndex
            self.retryIndex = retryIndex
            self.retryBackoffIntervalSeconds = retryBackoffIntervalSeconds
        }
    }
}
