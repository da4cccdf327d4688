import Dispatch

/// A serial executor that runs jobs on its own dispatch queue, off Swift's cooperative pool.
///
/// SQLite calls block (disk I/O, busy waits); an actor confined to one of these keeps them from stalling the
/// few threads of the cooperative pool.
final class SerialQueueExecutor: SerialExecutor {
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
}
