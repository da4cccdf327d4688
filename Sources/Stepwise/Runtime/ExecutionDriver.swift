import Foundation
import JSON
import StatesLanguage

/// Performs what the interpreter asks for — runs handlers, keeps timers, publishes history — and feeds the
/// results back in. One actor per execution: the interpreter is only ever touched from here.
///
/// Under the virtual clock, timers do not sleep: whenever no handler is running, the earliest timer fires at
/// once and `now` jumps to its deadline, so history timestamps advance exactly as in a real run.
///
/// With a journal, a task is dispatched only once the step that decided it is durable (write-ahead): a crash then
/// re-runs at most the tasks that were in flight, never one whose completion was already acknowledged by a later
/// step. Without it, a journal that falls behind under load loses every completion it had not written yet, and
/// resume runs all those tasks again.
actor ExecutionDriver {
    private var interpreter: Interpreter
    private let handlers: ResolverChain
    private let virtual: Bool
    private var virtualNow: Date
    /// Virtual timers sorted by (deadline, id).
    private var timerQueue: [(deadline: Date, id: Int)] = []
    private var realTimers: [Int: Task<Void, Never>] = [:]
    /// Under the virtual clock: the real-time guard of the earliest timer while handlers work (``armWatchdog()``).
    private var watchdog: (timer: Int, task: Task<Void, Never>)?
    private var running: [Int: Task<Void, Never>] = [:]
    /// Dispatches waiting until the step that decided them (`sequence`) is durable, in step order.
    private var held: [(sequence: Int, task: TaskDispatch)] = []
    /// The last step the journal reported durable, and whether a wait for more is under way.
    private var durableSequence: Int
    private var syncing = false
    /// Handlers cancelled by the interpreter (a stop, a time-out, a failed sibling) that have not returned yet.
    private var draining: [Int: Task<Void, Never>] = [:]
    /// Set before a timed-out task is cancelled, so its handler can tell a time-out from a stop.
    private var timeoutFlags: [Int: TimeoutFlag] = [:]
    /// Handlers sleeping on the virtual clock (task id → wake-up); they do not hold virtual time still.
    private var sleepers: [Int: CheckedContinuation<Void, any Error>] = [:]
    private var nextSleeper = -1
    private(set) var history: [HistoryEvent] = []
    private var subscribers: [Int: AsyncStream<HistoryEvent>.Continuation] = [:]
    private var nextSubscriber = 0
    private var waiters: [CheckedContinuation<ExecutionResult, Never>] = []
    /// Set when the interpreter ends the execution; from then on nothing more is stepped.
    private(set) var result: ExecutionResult?
    /// Set once every cancelled handler has returned as well: only then is the result handed out, so an
    /// execution that reports its end has nothing of its own still running (a command killed, a request aborted).
    private var delivered: ExecutionResult?
    /// The time of the step being handled: every event of one step, and the stop date, share it.
    private var stepTime: Date?
    private let journal: (any ExecutionJournal)?
    private let mapIO: (any DistributedMapIO)?
    private var sequence: Int

    init(
        interpreter: Interpreter, handlers: ResolverChain, virtual: Bool, journal: (any ExecutionJournal)? = nil,
        history: [HistoryEvent] = [], sequence: Int = 0, now: Date? = nil, mapIO: (any DistributedMapIO)? = nil
    ) {
        self.mapIO = mapIO
        self.interpreter = interpreter
        self.handlers = handlers
        self.virtual = virtual
        self.virtualNow = now ?? interpreter.info.startTime
        self.journal = journal
        self.history = history
        self.sequence = sequence
        durableSequence = sequence
    }

    /// Carries on a replayed execution: re-arms its timers and dispatches its in-flight tasks again.
    func resume() {
        guard interpreter.status == .running else { return finished(interpreter.status) }
        for action in interpreter.resumeActions { perform(action) }
        if virtual { advanceVirtualTime() }
    }

    var now: Date { virtual ? virtualNow : Date() }

    func start() { submit(.start) }

    var mapRuns: [MapRunRecord] { interpreter.mapRunRecords }

    func stop(error: String?, cause: String?) { submit(.stop(error: error, cause: cause)) }

    /// Steps the interpreter with one input and performs the resulting actions.
    func submit(_ input: StepInput) {
        guard result == nil else { return }  // an ended execution takes no more steps (its log is closed)
        step(input)
        if virtual { advanceVirtualTime() }
    }

    private func step(_ input: StepInput) {
        // The start step happens at the execution's start time, so ExecutionStarted, `startDate` and
        // `$$.Execution.StartTime` agree to the millisecond on the real clock too.
        let time = if case .start = input { interpreter.info.startTime } else { now }
        stepTime = time
        defer { stepTime = nil }
        let actions = interpreter.handle(input, now: time)
        let events = interpreter.drainEvents()
        let mapRuns = interpreter.drainMapRunChanges()
        if let journal {
            sequence += 1
            journal.record(execution: interpreter.info, sequence: sequence, time: time, input: input, events: events, mapRuns: mapRuns)
        }
        publish(events)
        for action in actions { perform(action) }
        syncHeldDispatches()
    }

    /// Asks the journal to make the steps so far durable, then dispatches what they held back.
    private func syncHeldDispatches() {
        guard let journal, !held.isEmpty, !syncing, result == nil else { return }
        syncing = true
        let target = sequence
        let info = interpreter.info
        Task { [weak self] in
            await journal.durable(execution: info, sequence: target)
            await self?.madeDurable(upTo: target)
        }
    }

    private func madeDurable(upTo target: Int) {
        syncing = false
        durableSequence = max(durableSequence, target)
        guard result == nil else { return held.removeAll() }
        let ready = held.prefix { $0.sequence <= target }
        held.removeFirst(ready.count)
        for entry in ready { dispatch(entry.task) }
        syncHeldDispatches()
        if virtual { advanceVirtualTime() }
    }

    /// Fires virtual timers in deadline order while nothing else can happen first.
    private func advanceVirtualTime() {
        while result == nil, running.count + held.count <= sleepers.count, !timerQueue.isEmpty {
            if fireFirstTimer() { return }
        }
        armWatchdog()
    }

    /// Fires the earliest virtual timer; true when it woke a sleeping handler (time then stands still again).
    private func fireFirstTimer() -> Bool {
        let next = timerQueue.removeFirst()
        virtualNow = max(virtualNow, next.deadline)
        if next.id < 0 {
            sleepers.removeValue(forKey: next.id)?.resume()
            return true  // the handler runs again: time stands still until it finishes or sleeps
        }
        step(.timerFired(timer: next.id))
        return false
    }

    /// While a handler works (virtual time standing still), the earliest timer still fires once as much real time
    /// has passed as it had left: a Task whose command hangs past its TimeoutSeconds times out under the virtual
    /// clock too, instead of holding the execution forever. Virtual time never runs slower than real time.
    private func armWatchdog() {
        guard result == nil, running.count + held.count > sleepers.count, let first = timerQueue.first else { return }
        guard watchdog?.timer != first.id else { return }
        watchdog?.task.cancel()
        let delay = max(0, first.deadline.timeIntervalSince(virtualNow))
        let task = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(Int64((delay * 1000).rounded(.up))))
            guard !Task.isCancelled else { return }
            await self?.watchdogFired(first.id)
        }
        watchdog = (first.id, task)
    }

    private func watchdogFired(_ id: Int) {
        guard watchdog?.timer == id else { return }
        watchdog = nil
        guard result == nil, timerQueue.first?.id == id else { return armWatchdog() }
        _ = fireFirstTimer()
        advanceVirtualTime()
    }

    private func perform(_ action: Action) {
        switch action {
        case .dispatch(let task):
            if journal != nil, sequence > durableSequence { held.append((sequence, task)) } else { dispatch(task) }
        case .cancelTask(let id):
            held.removeAll { $0.task.id == id }
            cancelHandler(id)
            timeoutFlags[id] = nil
        case .timeOutTask(let id):
            timeoutFlags.removeValue(forKey: id)?.set()
            held.removeAll { $0.task.id == id }
            cancelHandler(id)
        case .schedule(let id, let deadline): schedule(id, deadline)
        case .cancelTimer(let id):
            realTimers.removeValue(forKey: id)?.cancel()
            timerQueue.removeAll { $0.id == id }
        case .finished(let status): finished(status)
        case .mapIO(let request): performMapIO(request)
        }
    }

    private func schedule(_ id: Int, _ deadline: Date) {
        if virtual {
            let position = timerQueue.firstIndex { $0.deadline > deadline } ?? timerQueue.endIndex
            timerQueue.insert((deadline, id), at: position)
            return
        }
        realTimers[id] = Task { [weak self] in
            let delay = deadline.timeIntervalSinceNow
            if delay > 0 { try? await Task.sleep(for: .milliseconds(Int64((delay * 1000).rounded(.up)))) }
            guard !Task.isCancelled else { return }
            await self?.timerFired(id)
        }
    }

    private func timerFired(_ id: Int) {
        guard realTimers.removeValue(forKey: id) != nil else { return }
        submit(.timerFired(timer: id))
    }

    private func dispatch(_ task: TaskDispatch) {
        let reference = TaskReference(
            resource: task.resource, stateName: task.stateName, stateMachineName: interpreter.info.stateMachineName,
            executionArn: interpreter.info.arn)
        guard let handler = handlers.handler(for: reference) else {
            submit(.taskFailed(task: task.id, error: StatesError(StatesError.Name.taskFailed, handlers.missingMessage(reference))))
            return
        }
        let flag = TimeoutFlag()
        timeoutFlags[task.id] = flag
        let context = TaskContext(
            resource: task.resource, stateName: task.stateName, executionName: interpreter.info.name,
            executionArn: interpreter.info.arn, contextObject: task.context, timeoutFlag: flag,
            reportHeartbeat: { [weak self] in await self?.submit(.taskHeartbeat(task: task.id)) },
            sleeper: { [weak self] seconds in try await self?.sleep(seconds) },
            report: { [weak self] input in await self?.submit(input) }, taskId: task.id)
        launch(task.id) {
            .taskSucceeded(task: task.id, output: try await handler(task.input, context))
        } failure: { error in
            .taskFailed(task: task.id, error: error as? StatesError ?? StatesError(String(describing: type(of: error)), String(describing: error)))
        }
    }

    /// Runs a handler (or a Map I/O request) as a task of its own; its outcome comes back as a step input.
    /// A cancelled one reports nothing, but is kept in ``draining`` until it has returned.
    private func launch(
        _ id: Int, _ body: @escaping @Sendable () async throws -> StepInput, failure: @escaping @Sendable (any Error) -> StepInput
    ) {
        running[id] = Task { [weak self] in
            let outcome: StepInput?
            do {
                outcome = try await body()
            } catch is CancellationError {
                outcome = nil
            } catch {
                outcome = failure(error)
            }
            await self?.handlerEnded(id, outcome)
        }
    }

    private func cancelHandler(_ id: Int) {
        guard let task = running.removeValue(forKey: id) else { return }
        task.cancel()
        draining[id] = task
    }

    private func handlerEnded(_ id: Int, _ outcome: StepInput?) {
        draining[id] = nil
        if let outcome { taskFinished(id, outcome) }
    }

    /// Reads a Distributed Map's items or writes its results; the answer comes back as a step input.
    private func performMapIO(_ request: MapIORequest) {
        guard let mapIO else {
            let (name, what) =
                if case .readItems = request.kind {
                    (StatesError.Name.itemReaderFailed, "read the items")
                } else {
                    (StatesError.Name.resultWriterFailed, "write the results")
                }
            submit(
                .mapIOFailed(
                    request: request.id,
                    error: StatesError(
                        name, "Nothing can \(what) of a Distributed Map: run with local services (--data-dir) or give the runtime a DistributedMapIO."
                    )))
            return
        }
        let info = interpreter.info
        launch(request.id) {
            .mapIOCompleted(request: request.id, output: try await mapIO.perform(request, execution: info))
        } failure: { error in
            .mapIOFailed(request: request.id, error: error as? StatesError ?? StatesError(StatesError.Name.itemReaderFailed, "\(error)"))
        }
    }

    /// A handler's sleep: real time, or a virtual timer that lets time advance meanwhile.
    func sleep(_ seconds: Double) async throws {
        guard virtual else { return try await Task.sleep(for: .milliseconds(Int64(seconds * 1000))) }
        let id = nextSleeper
        nextSleeper -= 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                sleepers[id] = continuation
                schedule(id, virtualNow.addingTimeInterval(seconds))
                advanceVirtualTime()
            }
        } onCancel: {
            Task { await self.cancelSleep(id) }
        }
    }

    private func cancelSleep(_ id: Int) {
        timerQueue.removeAll { $0.id == id }
        sleepers.removeValue(forKey: id)?.resume(throwing: CancellationError())
    }

    private func taskFinished(_ id: Int, _ outcome: StepInput) {
        guard running.removeValue(forKey: id) != nil else { return }
        timeoutFlags[id] = nil
        submit(outcome)
    }

    private func finished(_ status: ExecutionStatus) {
        let result = ExecutionResult(
            status: status, output: interpreter.output, error: interpreter.error, cause: interpreter.cause,
            startDate: interpreter.info.startTime, stopDate: stepTime ?? now)
        self.result = result
        journal?.finished(execution: interpreter.info, result: result)
        for task in running.values { task.cancel() }
        let handlers = Array(running.values) + Array(draining.values)
        running.removeAll()
        draining.removeAll()
        held.removeAll()
        timeoutFlags.removeAll()
        for timer in realTimers.values { timer.cancel() }
        realTimers.removeAll()
        watchdog?.task.cancel()
        watchdog = nil
        timerQueue.removeAll()
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers.removeAll()
        guard !handlers.isEmpty else { return deliver(result) }
        Task {
            for handler in handlers { await handler.value }
            self.deliver(result)
        }
    }

    private func deliver(_ result: ExecutionResult) {
        delivered = result
        for waiter in waiters { waiter.resume(returning: result) }
        waiters.removeAll()
    }

    private func publish(_ events: [HistoryEvent]) {
        guard !events.isEmpty else { return }
        history.append(contentsOf: events)
        for subscriber in subscribers.values {
            for event in events { subscriber.yield(event) }
        }
    }

    /// Replays the history so far into `continuation`, then streams new events until the execution ends.
    func subscribe(_ continuation: AsyncStream<HistoryEvent>.Continuation) {
        for event in history { continuation.yield(event) }
        guard result == nil else { return continuation.finish() }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(id) } }
    }

    private func unsubscribe(_ id: Int) { subscribers[id] = nil }

    /// Waits for the end of the execution and of every handler it cancelled.
    func waitForResult() async -> ExecutionResult {
        if let delivered { return delivered }
        return await withCheckedContinuation { waiters.append($0) }
    }
}
