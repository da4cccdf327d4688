import Dispatch

/// A serial executor that runs jobs on its own dispatch queue, off Swift's cooperative pool.
///
/// SQLite calls block (disk I/O, fsync, busy waits); running them on the cooperative pool would stall every
/// other task on its few threads. An actor that owns a connection (the store, ``SQLiteDatabase``) is confined
/// to one of these (STYLE.md, practice 8; GRDB's `DispatchQueueActor`).
package final class SerialQueueExecutor: SerialExecutor {
    /// Serial by construction (no `.concurrent` attribute), which is what makes this a *serial* executor.
    package let queue: DispatchQueue

    package init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    package func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Traps in debug builds unless the current thread runs this executor's queue (checks the confinement).
    package func assertCurrent() {
        #if DEBUG
            dispatchPrecondition(condition: .onQueue(queue))
        #endif
    }
}
