import Foundation
import JSON

/// Where a driver writes down every step of an execution, in order, so it can be replayed after a crash.
///
/// `record` is called synchronously from the execution's actor for every step: it must not block (queue the
/// write and return). A step's input and the events it produced belong together: a journal persists both or
/// neither.
public protocol ExecutionJournal: Sendable {
    func record(execution: ExecutionInfo, sequence: Int, time: Date, input: StepInput, events: [HistoryEvent])
    func finished(execution: ExecutionInfo, result: ExecutionResult)
}

/// One logged step: what happened and when.
public struct LoggedStep: Sendable {
    public let time: Date
    public let input: StepInput

    public init(time: Date, input: StepInput) {
        self.time = time
        self.input = input
    }
}
