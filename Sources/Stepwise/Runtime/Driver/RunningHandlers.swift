/// The handlers (and Distributed Map I/O requests) an execution has under way, from launch to return.
///
/// Each runs as a task of its own and reports its outcome as a step input. One the interpreter cancels (a stop,
/// a time-out, a failed sibling) reports nothing, but is kept draining until it has returned, so an execution
/// that reports its end has nothing of its own still running (a command killed, a request aborted).
struct RunningHandlers {
    private var running: [Int: Task<Void, Never>] = [:]
    /// Handlers cancelled by the interpreter that have not returned yet.
    private var draining: [Int: Task<Void, Never>] = [:]
    /// Set before a timed-out task is cancelled, so its handler can tell a time-out from a stop.
    private var timeoutFlags: [Int: TimeoutFlag] = [:]

    /// Handlers running (not cancelled).
    var count: Int { running.count }

    /// A new time-out flag for task `id`, for its ``TaskContext``.
    mutating func timeoutFlag(_ id: Int) -> TimeoutFlag {
        let flag = TimeoutFlag()
        timeoutFlags[id] = flag
        return flag
    }

    /// Runs `body` as handler `id`; `ended` gets its outcome (nil once cancelled) when it returns.
    mutating func launch(
        _ id: Int, _ body: @escaping @Sendable () async throws -> StepInput, failure: @escaping @Sendable (any Error) -> StepInput,
        ended: @escaping @Sendable (Int, StepInput?) async -> Void
    ) {
        running[id] = Task {
            let outcome: StepInput?
            do {
                outcome = try await body()
            } catch is CancellationError {
                outcome = nil
            } catch {
                outcome = failure(error)
            }
            await ended(id, outcome)
        }
    }

    /// Cancels handler `id` (the interpreter no longer waits for it); it drains until it returns.
    mutating func cancel(_ id: Int) {
        timeoutFlags[id] = nil
        guard let task = running.removeValue(forKey: id) else { return }
        task.cancel()
        draining[id] = task
    }

    /// Cancels task `id` as timed out: its handler sees `TaskContext.timedOut`.
    mutating func timeOut(_ id: Int) {
        timeoutFlags.removeValue(forKey: id)?.set()
        cancel(id)
    }

    /// Handler `id` returned; true when its outcome counts (it was not cancelled meanwhile).
    mutating func ended(_ id: Int, reported: Bool) -> Bool {
        draining[id] = nil
        guard reported, running.removeValue(forKey: id) != nil else { return false }
        timeoutFlags[id] = nil
        return true
    }

    /// Cancels every handler: the execution ended. Answers all of them, the draining ones too, to wait for.
    mutating func cancelAll() -> [Task<Void, Never>] {
        for task in running.values { task.cancel() }
        let all = Array(running.values) + Array(draining.values)
        running.removeAll()
        draining.removeAll()
        timeoutFlags.removeAll()
        return all
    }
}
