import Foundation
import Stepwise

extension DurableRuntime {
    /// Stops an execution the store has as RUNNING that this runtime does not drive (one that could not be
    /// resumed, or whose recording stopped after a failed write), as StopExecution does on AWS: ExecutionAborted
    /// follows its last recorded event (previousEventId 0, as for a live stop) and it ends ABORTED.
    ///
    /// - Returns: false when there was nothing to stop: the execution runs here (stop that `Execution`), or it
    ///   is no longer RUNNING once everything recorded so far has been written.
    /// - Throws: the store's failure (then nothing changed).
    package func stopUnattended(arn: String, error: String?, cause: String?, date: Date = Date()) async throws -> Bool {
        await journal.barrier()  // an execution that just ended here has its end written first
        guard execution(arn: arn) == nil, try await store.execution(arn: arn)?.status == .running else { return false }
        try await recovery.reattach(arn)
        let event = HistoryEvent(id: 0, previousEventId: 0, timestamp: date, type: .executionAborted, details: .failure(error: error, cause: cause))
        try await store.abortExecution(
            arn: arn, stopInput: StepInput.stop(error: error, cause: cause).json.serialized(), abortedEvent: EventRow(event), error: error,
            cause: cause, stopDate: date)
        return true
    }
}
