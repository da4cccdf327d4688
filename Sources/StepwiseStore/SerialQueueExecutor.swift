import Dispatch

/// A serial executor that runs jobs on its own dispatch queue, off Swift's cooperative pool.
///
/// SQLite calls block (disk I/O, fsync, busy waits); running them on the cooperative pool would stall every
/// other task on its few threads. The ``Store`` actor is confined to one of these (STYLE.md, practice 8;
/// GRDB's `DispatchQueueActor`).
final class SerialQueueExecutor: SerialExecutor {
    /// Serial by construction (no `.concurrent` attribute), which is what makes this a *serial* executor.
    let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Traps in debug builds unless the current thread runs this executor's queue (checks the confinement).
    func assertCurrent() {
        #if DEBUG
            dispatchPrecondition(condition: .onQueue(queue))
        #endif
    }
}
