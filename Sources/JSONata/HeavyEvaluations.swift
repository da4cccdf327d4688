import CSystem
import Foundation
import Synchronization

/// Which thread an evaluation runs on, which decides how far it may go there.
package enum EvaluationPlace: Sendable {
    /// A synchronous caller's thread (the CLI, the library's public API): shallow evaluation right there, a deeper
    /// one on a large-stack thread of its own while the caller waits.
    case blocking
    /// A thread of Swift's cooperative pool, which serves requests and drives every execution: at most 32 levels
    /// deep and `budget` nanoseconds long; beyond either the evaluation fails with
    /// ``JSONataError/needsHeavyCode`` and the caller runs it again on ``HeavyEvaluations`` (nothing waits).
    case inline(budget: UInt64)
    /// A thread of ``HeavyEvaluations`` (a large stack): only the expression's own limits.
    case heavy

    /// The runtime's budget on the cooperative pool: 2 ms. The states of `workflows/` and the benchmarks evaluate
    /// in microseconds (Benchmarks/README.md), so only the expensive ones — a long sort, `$distinct` of a large
    /// range, a catastrophic regex, deep recursion — ever move.
    package static let cooperative = EvaluationPlace.inline(budget: 2_000_000)
}

/// The threads that run heavy evaluations: a few threads with large stacks, apart from Swift's cooperative pool.
/// Only evaluations that went past ``EvaluationPlace/cooperative`` come here, so ordinary steps never queue
/// behind them; callers await a result with a continuation (``run(owner:_:)``), so no cooperative thread waits.
///
/// The threads run at nice 10, below everything else in the process.
/// Work is taken round-robin by owner (an execution), and one owner holds at most all threads but one: however
/// many slow evaluations one owner queues, another owner's work finds a thread. (The driver sends at most one step
/// of an execution at a time, so an execution's Parallel or Map branches share its turn.)
package final class HeavyEvaluations: Sendable {
    /// The runtime's pool: one thread per core (at least 2), each with JSONata's stack size (512 MiB reserved).
    package static let shared = HeavyEvaluations(threads: max(2, ProcessInfo.processInfo.activeProcessorCount), stackSize: JSONataLimits().stackSize)

    private struct Job {
        let owner: AnyHashable
        let body: @Sendable () -> Void
    }

    private struct State {
        /// Waiting jobs per owner, and the owners with waiting jobs in turn order.
        var waiting: [AnyHashable: [Job]] = [:]
        var turns: [AnyHashable] = []
        /// Jobs running per owner.
        var running: [AnyHashable: Int] = [:]
    }

    private let threads: Int
    private let state: Locked

    /// The pool's threads' nice value (the process's threads run at 0).
    static let nice: Int32 = 10

    package init(threads: Int, stackSize: Int) {
        self.threads = max(1, threads)
        state = Locked()
        for index in 0..<self.threads {
            let thread = Thread { [state, threads = self.threads] in
                // Below the threads that serve requests and drive executions: a heavy evaluation takes what CPU
                // they leave, so a few catastrophic expressions cannot slow everything else down.
                _ = csystem_lower_thread_priority(Self.nice)
                state.work(threads: threads)
            }
            thread.name = "stepwise-heavy-\(index + 1)"
            thread.stackSize = stackSize
            thread.start()
        }
    }

    /// Runs `body` on one of the pool's threads, in `owner`'s turn, and answers its result; the caller's thread is
    /// free meanwhile.
    package func run<T: Sendable>(owner: some Hashable & Sendable, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            state.submit(Job(owner: AnyHashable(owner)) { continuation.resume(returning: body()) })
        }
    }

    /// The queue, under a condition's lock.
    ///
    /// `@unchecked Sendable`: `value` is only read or written while holding `condition`'s lock (a `Mutex` cannot
    /// be waited on).
    private final class Locked: @unchecked Sendable {
        private let condition = NSCondition()
        private var value = State()

        func submit(_ job: Job) {
            condition.lock()
            if value.waiting[job.owner, default: []].isEmpty { value.turns.append(job.owner) }
            value.waiting[job.owner, default: []].append(job)
            condition.signal()
            condition.unlock()
        }

        /// The next job: the first owner in turn order that may run one more (all threads but one), which then
        /// goes to the back of the line.
        private func next(threads: Int) -> Job? {
            let cap = max(1, threads - 1)
            guard let index = value.turns.firstIndex(where: { value.running[$0, default: 0] < cap }) else { return nil }
            let owner = value.turns.remove(at: index)
            let job = value.waiting[owner]!.removeFirst()
            if value.waiting[owner]!.isEmpty { value.waiting[owner] = nil } else { value.turns.append(owner) }
            value.running[owner, default: 0] += 1
            return job
        }

        /// A worker thread's loop; never returns.
        func work(threads: Int) {
            while true {
                condition.lock()
                var job = next(threads: threads)
                while job == nil {
                    condition.wait()
                    job = next(threads: threads)
                }
                condition.unlock()
                job!.body()
                condition.lock()
                value.running[job!.owner]! -= 1
                if value.running[job!.owner] == 0 { value.running[job!.owner] = nil }
                // An owner held back by its cap may go now.
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
