import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The threads that evaluate: a fixed, small set of threads with large stacks, apart from Swift's cooperative
/// pool (which serves HTTP and drives every other execution, one thread per core). An evaluation that runs long —
/// a catastrophic regex, a sort of a million items, a deep recursion — occupies one of these threads and nothing
/// else: callers await it with a continuation (``run(_:)``), and actors whose work is evaluation (an execution's
/// driver) run on an ``EvaluationStrand`` of this pool, so no cooperative thread ever waits for an evaluation.
///
/// The threads run a little below the process's other threads (nice +5: a third of their share of a busy core),
/// so that a thread that wakes to answer a request goes first; the lowest priority (nice +19, a sixty-eighth)
/// starved every execution whenever anything else kept the cores busy (a build, the test suite).
package final class EvaluationThreads: Sendable {
    /// The pool the runtime uses: two threads per core (at least four) to begin with, each with `stackSize`, one
    /// more for urgent strands (``EvaluationStrand/prioritize()``), and more on demand up to `maxThreads`.
    package static let shared = EvaluationThreads(
        count: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount), stackSize: JSONataLimits().stackSize, maxThreads: 64)

    /// The strands with work, in the order they got it.
    private let queue: WorkQueue

    /// Starts `count` threads and one for urgent strands. When work comes and no thread is free (long evaluations
    /// hold them all), another thread starts, up to `maxThreads` in all: a few long evaluations never hold up the
    /// steps of every other execution (their timers, their callbacks) behind them.
    package init(count: Int, stackSize: Int, maxThreads: Int? = nil) {
        queue = WorkQueue(stackSize: stackSize, maxThreads: max(count + 1, maxThreads ?? count + 1))
        for _ in 0..<count { queue.startThread(urgentOnly: false) }
        queue.startThread(urgentOnly: true)
    }

    /// Runs on each of the pool's threads before it takes work.
    static func prepareCurrentThread() {
        markCurrentThread()
        #if canImport(Glibc)
            // On Linux a nice value belongs to a thread, and `who` 0 is the calling thread.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }

    /// The nice value of the pool's threads (see the type's documentation).
    static let niceness: Int32 = 5

    /// A serial executor on this pool: its jobs run one at a time, in order, on any of the pool's threads.
    package func makeStrand() -> EvaluationStrand { EvaluationStrand(queue) }

    /// Runs `body` on one of the pool's threads and answers its result; the caller's thread is free meanwhile.
    package func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.submit(.closure { continuation.resume(returning: body()) })
        }
    }

    /// Whether the current thread is one of an ``EvaluationThreads`` pool's (it has a large stack).
    package static var isCurrentThreadLarge: Bool {
        #if canImport(Glibc)
            pthread_getspecific(largeStackKey) != nil
        #else
            Thread.current.name?.hasPrefix("stepwise-eval-") == true
        #endif
    }

    #if canImport(Glibc)
        /// Set (to a non-nil marker) on the pool's threads.
        private static let largeStackKey: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key, nil)
            return key
        }()
    #endif

    private static func markCurrentThread() {
        #if canImport(Glibc)
            pthread_setspecific(largeStackKey, UnsafeRawPointer(bitPattern: 1))
        #endif
    }
}

/// A serial executor on this pool: its jobs run one at a time, in order, on any of the pool's threads. An actor
/// that returns it as its `unownedExecutor` runs all its code on the pool's large-stack threads.
///
/// A strand marked ``prioritize()`` (its execution is being stopped or timed out, so each of its evaluations
/// ends at once) goes ahead of the others, and the pool keeps one thread for such strands alone: a stop never
/// waits for other executions' evaluations to end.
package final class EvaluationStrand: SerialExecutor, Sendable {
    private let queue: WorkQueue
    private struct State {
        var jobs: [UnownedJob] = []
        /// In the pool's queue (perhaps twice: once more in the urgent queue after ``prioritize()``).
        var queued = false
        /// Its jobs are running on a thread: no other thread takes it meanwhile.
        var running = false
        var urgent = false
    }
    private let state = Mutex(State())

    init(_ queue: WorkQueue) { self.queue = queue }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let schedule: Bool? = state.withLock { state in
            state.jobs.append(job)
            guard !state.queued, !state.running else { return nil }
            state.queued = true
            return state.urgent
        }
        if let urgent = schedule { queue.submit(.strand(self), urgent: urgent) }
    }

    /// Runs this strand's jobs before other strands', from now on.
    package func prioritize() {
        let requeue = state.withLock { state in
            defer { state.urgent = true }
            return !state.urgent && state.queued && !state.running
        }
        if requeue { queue.submit(.strand(self), urgent: true) }
    }

    package func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    /// Runs the strand's jobs until none is left, or `limit` of them (then it goes to the back of the queue so
    /// other strands get their turn). A second entry of a strand already running or done is skipped.
    func runJobs(limit: Int) {
        let take = state.withLock { state in
            guard !state.running, !state.jobs.isEmpty else { return false }
            state.running = true
            state.queued = false
            return true
        }
        guard take else { return }
        var ran = 0
        while ran < limit {
            let next: UnownedJob? = state.withLock { state in state.jobs.isEmpty ? nil : state.jobs.removeFirst() }
            guard let next else { break }
            next.runSynchronously(on: asUnownedSerialExecutor())
            ran += 1
        }
        let requeue: Bool? = state.withLock { state in
            state.running = false
            guard !state.jobs.isEmpty, !state.queued else { return nil }
            state.queued = true
            return state.urgent
        }
        if let urgent = requeue { queue.submit(.strand(self), urgent: urgent) }
    }
}

/// The pool's queues: strands with jobs and one-off closures, taken by whichever thread is free; urgent strands
/// first, and by the pool's urgent thread only.
///
/// `@unchecked Sendable`: `normal`, `urgent` and their heads are only read or written while holding
/// `condition`'s lock (a `Mutex` cannot be waited on).
final class WorkQueue: @unchecked Sendable {
    enum Item: Sendable {
        case strand(EvaluationStrand)
        case closure(@Sendable () -> Void)
    }

    private let condition = NSCondition()
    private var normal = Queue()
    private var urgent = Queue()
    /// The threads that take normal work and wait for it now, and all threads started.
    private var idle = 0
    private var threads = 0
    private let stackSize: Int
    private let maxThreads: Int

    init(stackSize: Int, maxThreads: Int) {
        self.stackSize = stackSize
        self.maxThreads = maxThreads
    }

    /// Starts one more worker thread (`urgentOnly`: the thread kept for urgent strands).
    func startThread(urgentOnly: Bool) {
        condition.lock()
        threads += 1
        let index = threads
        condition.unlock()
        let thread = Thread { [self] in
            EvaluationThreads.prepareCurrentThread()
            work(urgentOnly: urgentOnly)
        }
        thread.name = "stepwise-eval-\(index)"
        thread.stackSize = stackSize
        thread.start()
    }

    struct Queue {
        var items: [Item] = []
        var head = 0
        var isEmpty: Bool { head == items.count }

        mutating func pop() -> Item {
            defer {
                head += 1
                if head > 1024, head * 2 > items.count {
                    items.removeFirst(head)
                    head = 0
                }
            }
            return items[head]
        }
    }

    func submit(_ item: Item, urgent isUrgent: Bool = false) {
        condition.lock()
        if isUrgent { urgent.items.append(item) } else { normal.items.append(item) }
        // Normal work with no thread free for it: every thread is busy (with long evaluations), so start one more.
        let grow = !isUrgent && idle == 0 && threads < maxThreads
        condition.signal()
        condition.unlock()
        if grow { startThread(urgentOnly: false) }
    }

    /// A worker thread's loop (`urgentOnly`: the thread kept for urgent strands); never returns.
    func work(urgentOnly: Bool) {
        while true {
            condition.lock()
            while urgent.isEmpty && (urgentOnly || normal.isEmpty) {
                // The urgent thread woken for a normal item passes the wake-up on to a thread that can take it.
                if urgentOnly, !normal.isEmpty { condition.signal() }
                if !urgentOnly { idle += 1 }
                condition.wait()
                if !urgentOnly { idle -= 1 }
            }
            let item = urgent.isEmpty ? normal.pop() : urgent.pop()
            condition.unlock()
            switch item {
            case .closure(let body): body()
            case .strand(let strand): strand.runJobs(limit: 64)
            }
        }
    }
}
