import Foundation
import JSON

/// Where a driver writes down every step of an execution, in order, so it can be replayed after a crash.
///
/// `record` is called synchronously from the execution's actor for every step: it must not block (queue the
/// write and return). A step's input, the events it produced and the Map Runs it changed belong together: a
/// journal persists all of them or none.
package protocol ExecutionJournal: Sendable {
    /// Records one step of `execution`: the journal's one way in.
    func record(execution: ExecutionInfo, step: RecordedStep)
    func finished(execution: ExecutionInfo, result: ExecutionResult)
    /// Returns once every step recorded so far for `execution` (up to `sequence`) is durable: a crash after this
    /// returns replays them. The driver dispatches a task only after the step that decided it is durable, so a
    /// crash can re-run only the tasks that were in flight (write-ahead; see `WriteAheadJournal`).
    func durable(execution: ExecutionInfo, sequence: Int) async
}

extension ExecutionJournal {
    /// A journal that keeps nothing durable has nothing to wait for.
    package func durable(execution: ExecutionInfo, sequence: Int) async {}
}
