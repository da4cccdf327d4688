/// AWS's history event types (botocore HistoryEventType).
public enum EventType: String, Sendable, Hashable, CaseIterable {
    case executionStarted = "ExecutionStarted", executionSucceeded = "ExecutionSucceeded", executionFailed = "ExecutionFailed"
    case executionAborted = "ExecutionAborted", executionTimedOut = "ExecutionTimedOut", executionRedriven = "ExecutionRedriven"
    case passStateEntered = "PassStateEntered", passStateExited = "PassStateExited"
    case choiceStateEntered = "ChoiceStateEntered", choiceStateExited = "ChoiceStateExited"
    case waitStateEntered = "WaitStateEntered", waitStateExited = "WaitStateExited", waitStateAborted = "WaitStateAborted"
    case succeedStateEntered = "SucceedStateEntered", succeedStateExited = "SucceedStateExited"
    case failStateEntered = "FailStateEntered"
    case taskStateEntered = "TaskStateEntered", taskStateExited = "TaskStateExited", taskStateAborted = "TaskStateAborted"
    case taskScheduled = "TaskScheduled", taskStarted = "TaskStarted", taskSubmitted = "TaskSubmitted"
    case taskSucceeded = "TaskSucceeded", taskFailed = "TaskFailed", taskStartFailed = "TaskStartFailed"
    case taskSubmitFailed = "TaskSubmitFailed", taskTimedOut = "TaskTimedOut"
    case lambdaFunctionScheduled = "LambdaFunctionScheduled", lambdaFunctionStarted = "LambdaFunctionStarted"
    case lambdaFunctionSucceeded = "LambdaFunctionSucceeded", lambdaFunctionFailed = "LambdaFunctionFailed"
    case lambdaFunctionScheduleFailed = "LambdaFunctionScheduleFailed", lambdaFunctionStartFailed = "LambdaFunctionStartFailed"
    case lambdaFunctionTimedOut = "LambdaFunctionTimedOut"
    case activityScheduled = "ActivityScheduled", activityStarted = "ActivityStarted", activitySucceeded = "ActivitySucceeded"
    case activityFailed = "ActivityFailed", activityScheduleFailed = "ActivityScheduleFailed", activityTimedOut = "ActivityTimedOut"
    case mapStateEntered = "MapStateEntered", mapStateExited = "MapStateExited", mapStateStarted = "MapStateStarted"
    case mapStateSucceeded = "MapStateSucceeded", mapStateFailed = "MapStateFailed", mapStateAborted = "MapStateAborted"
    case mapIterationStarted = "MapIterationStarted", mapIterationSucceeded = "MapIterationSucceeded"
    case mapIterationFailed = "MapIterationFailed", mapIterationAborted = "MapIterationAborted"
    case mapRunStarted = "MapRunStarted", mapRunSucceeded = "MapRunSucceeded", mapRunFailed = "MapRunFailed"
    case mapRunAborted = "MapRunAborted", mapRunRedriven = "MapRunRedriven"
    case parallelStateEntered = "ParallelStateEntered", parallelStateExited = "ParallelStateExited"
    case parallelStateStarted = "ParallelStateStarted", parallelStateSucceeded = "ParallelStateSucceeded"
    case parallelStateFailed = "ParallelStateFailed", parallelStateAborted = "ParallelStateAborted"
    case evaluationFailed = "EvaluationFailed"
}

extension EventType {
    /// `<type with a lower-case initial>EventDetails`, computed once per type (events are converted on hot paths).
    var detailsKey: String { Self.detailsKeys[self]! }

    private static let detailsKeys: [EventType: String] = Dictionary(uniqueKeysWithValues: allCases.map { type in
        (type, type.rawValue.prefix(1).lowercased() + type.rawValue.dropFirst() + "EventDetails")
    })
}
