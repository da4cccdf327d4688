import Foundation
import JSON

/// Where a driver writes down every step of an execution, in order, so it can be replayed after a crash.
///
/// `record` is called synchronously from the execution's actor for every step: it must not block (queue the
/// write and return). A step's input and the events it produced belong together: a journal persists both or
/// neither.
public protocol ExecutionJournal: Sendable {
    func record(execution: ExecutionInfo, sequence: Int, time: Date, input: StepInput, events: [HistoryEvent])
    /// Records a step that also changed Map Runs or their child executions; both persist with the step, or neither.
    func record(execution: ExecutionInfo, sequence: Int, time: Date, input: StepInput, events: [HistoryEvent], mapRuns: MapRunChanges)
    func finished(execution: ExecutionInfo, result: ExecutionResult)
    /// Returns once every step recorded so far for `execution` (up to `sequence`) is durable: a crash after this
    /// returns replays them. The driver dispatches a task only after the step that decided it is durable, so a
    /// crash can re-run only the tasks that were in flight (write-ahead; see `ExecutionDriver`).
    func durable(execution: ExecutionInfo, sequence: Int) async
}

extension ExecutionJournal {
    /// A journal that does not keep Map Runs records the step alone.
    public func record(execution: ExecutionInfo, sequence: Int, time: Date, input: StepInput, events: [HistoryEvent], mapRuns: MapRunChanges) {
        record(execution: execution, sequence: sequence, time: time, input: input, events: events)
    }

    /// A journal that keeps nothing durable has nothing to wait for.
    public func durable(execution: ExecutionInfo, sequence: Int) async {}
}
