import StatesLanguage
import Stepwise

/// What a history event means for the visit it belongs to.
enum EventRole {
    case entered
    case exited
    /// An attempt of a state's work failed (a state of this type; nil: the state the event names).
    case failed(StateType?)
    /// An attempt of the work started: after a failure, a retry.
    case attempt(StateType)
    case aborted(StateType)
    /// Belongs to the state the event names (Map iterations).
    case named
    case executionEnded
    case executionRedriven
    case other

    init(_ type: EventType) {
        let name = type.rawValue
        if name.hasSuffix("StateEntered") {
            self = .entered
        } else if name.hasSuffix("StateExited") {
            self = .exited
        } else if let role = Self.work[type] {
            self = role
        } else if name.hasPrefix("MapIteration") {
            self = .named
        } else {
            self = Self.execution[type] ?? .other
        }
    }

    private static let work: [EventType: EventRole] = {
        var roles: [EventType: EventRole] = [
            .taskScheduled: .attempt(.task), .lambdaFunctionScheduled: .attempt(.task), .activityScheduled: .attempt(.task),
            .mapStateStarted: .attempt(.map), .parallelStateStarted: .attempt(.parallel),
            .mapStateFailed: .failed(.map), .parallelStateFailed: .failed(.parallel), .evaluationFailed: .failed(nil),
            .taskStateAborted: .aborted(.task), .waitStateAborted: .aborted(.wait), .mapStateAborted: .aborted(.map),
            .parallelStateAborted: .aborted(.parallel),
        ]
        let taskFailures: [EventType] = [
            .taskFailed, .taskStartFailed, .taskSubmitFailed, .taskTimedOut, .lambdaFunctionFailed, .lambdaFunctionScheduleFailed,
            .lambdaFunctionStartFailed, .lambdaFunctionTimedOut, .activityFailed, .activityScheduleFailed, .activityTimedOut,
        ]
        for type in taskFailures { roles[type] = .failed(.task) }
        return roles
    }()

    private static let execution: [EventType: EventRole] = [
        .executionSucceeded: .executionEnded, .executionFailed: .executionEnded, .executionAborted: .executionEnded,
        .executionTimedOut: .executionEnded, .executionRedriven: .executionRedriven,
    ]
}
