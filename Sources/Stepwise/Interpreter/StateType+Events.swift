import StatesLanguage

extension StateType {
    var enteredEvent: EventType {
        switch self {
        case .task: .taskStateEntered
        case .pass: .passStateEntered
        case .choice: .choiceStateEntered
        case .wait: .waitStateEntered
        case .succeed: .succeedStateEntered
        case .fail: .failStateEntered
        case .parallel: .parallelStateEntered
        case .map: .mapStateEntered
        }
    }

    var exitedEvent: EventType {
        switch self {
        case .task: .taskStateExited
        case .pass: .passStateExited
        case .choice: .choiceStateExited
        case .wait: .waitStateExited
        case .succeed: .succeedStateExited
        case .fail: .failStateEntered
        case .parallel: .parallelStateExited
        case .map: .mapStateExited
        }
    }

    /// The event recorded when the state is stopped because a sibling branch or iteration failed.
    var abortedEvent: EventType? {
        switch self {
        case .task: .taskStateAborted
        case .wait: .waitStateAborted
        case .parallel: .parallelStateAborted
        case .map: .mapStateAborted
        default: nil
        }
    }
}
