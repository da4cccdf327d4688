import Foundation
import JSON
import JSONata
import StatesLanguage
import Synchronization

/// Performs what the interpreter asks for — runs handlers, keeps timers, publishes history — and feeds the
/// results back in. One actor per execution: the interpreter is only ever touched from here.
///
/// The driver composes one part per concern: the execution's ``VirtualClock`` (nil when ``ExecutionInfo/clock``
/// is real), its
/// ``WriteAheadJournal`` (steps recorded, tasks held until durable), its ``RunningHandlers``, its
/// ``HistoryFeed`` and its ``MapIOPerformer``.
///
/// Steps run on the actor, on Swift's cooperative pool, with JSONata's small budget
/// (``EvaluationPlace/cooperative``). A step whose evaluation needs more is given up and run again from its
/// start on ``HeavyEvaluations`` (steps are pure; the copy of the interpreter taken before it is the start), and
/// the actor awaits it: meanwhile it takes no other step (their inputs wait in ``pending``) but stays free for
/// queries, stops and other executions. A stop or the execution's time-out requests ``interrupt``, which ends
/// the evaluation in progress; the step is then recorded as `StepInput.interrupted` (see ``interrupted(_:)``).
actor ExecutionDriver {
    private var interpreter: Interpreter
    /// Requested by a stop or the execution's time-out; every evaluation of this execution checks it.
    nonisolated let interrupt = ExecutionInterrupt()
    /// The step running on ``HeavyEvaluations``, with the interpreter as it was before it.
    private var heavy: (id: Int, before: Interpreter, input: StepInput, time: Date)?
    private var heavySteps = 0
    /// Step inputs that came while ``heavy`` ran, in order (with their given times).
    private var pending: [(input: StepInput, time: Date?)] = []
    /// The watch of ``armTimeoutInterrupt()``.
    private var timeoutInterrupt: Task<Void, Never>?
    private let resolvers: ResolverChain
    /// Virtual time; nil on the real clock.
    private var clock: VirtualClock?
    /// Timers on the real clock, by id.
    private var realTimers: [Int: Task<Void, Never>] = [:]
    private var journal: WriteAheadJournal
    private var handlers = RunningHandlers()
    private var feed: HistoryFeed
    private let mapIO: MapIOPerformer
    private var waiters: [CheckedContinuation<ExecutionResult, Never>] = []
    /// Set when the interpreter ends the execution; from then on nothing more is stepped.
    private(set) var result: ExecutionResult?
    /// Set once every cancelled handler has returned as well: only then is the result handed out, so an
    /// execution that reports its end has nothing of its own still running (a command killed, a request aborted).
    private var delivered: ExecutionResult?
    /// The time of the step being handled: every event of one step, and the stop date, share it.
    private var stepTime: Date?
    /// Whether the start step has run. The start runs in a task of its own (``Runtime`` answers a start before
    /// any state runs), so a stop may come first: it waits in ``early`` and is applied right after the start.
    private var started: Bool
    private var early: [StepInput] = []

    init(
        interpreter: Interpreter, resolvers: ResolverChain, journal: (any ExecutionJournal)? = nil,
        history: [HistoryEvent] = [], sequence: Int = 0, now: Date? = nil, mapIO: (any DistributedMapIO)? = nil
    ) {
        self.interpreter = interpreter
        self.interpreter.interrupt = interrupt.evaluation
        self.interpreter.evaluationPlace = .cooperative
        self.resolvers = resolvers
        clock = interpreter.info.clock == .virtual ? VirtualClock(now: now ?? interpreter.info.startTime) : nil
        self.journal = WriteAheadJournal(journal, sequence: sequence)
        feed = HistoryFeed(history)
        self.mapIO = MapIOPerformer(io: mapIO)
        started = sequence > 0
    }

    /// Carries on a replayed execution: re-arms its timers and dispatches its in-flight tasks again.
    func resume() {
        guard interpreter.status == .running else { return finished(interpreter.status) }
        armTimeoutInterrupt()
        for action in interpreter.resumeActions { perform(action) }
        advanceVirtualTime()
    }

    /// Redrives a replayed execution that ended FAILED, TIMED_OUT or ABORTED (RedriveExecution) at `time`.
    func redrive(at time: Date) {
        started = true
        step(.redrive, at: time)
        advanceVirtualTime()
    }

    var now: Date { clock?.now ?? Date() }

    var history: [HistoryEvent] { feed.events }

    func start() {
        guard !started else { return }
        started = true
        armTimeoutInterrupt()
        submit(.start)
        let waiting = early
        early = []
        for input in waiting { submit(input) }
    }

    var mapRuns: [MapRunRecord] { interpreter.mapRunRecords }

    var retries: [RetryInProgress] { interpreter.retriesInProgress }

    func stop(error: String?, cause: String?) {
        interrupt.request(.stop(error: error, cause: cause))
        interruptHeavyStep()
        submit(.stop(error: error, cause: cause))
    }

    /// Steps the interpreter with one input and performs the resulting actions.
    func submit(_ input: StepInput) {
        guard result == nil else { return }  // an ended execution takes no more steps (its log is closed)
        guard started else { return early.append(input) }
        step(input)
        advanceVirtualTime()
    }

    private func step(_ input: StepInput, at given: Date? = nil) {
        guard heavy == nil else { return pending.append((input, given)) }
        // The start step happens at the execution's start time, so ExecutionStarted, `startDate` and
        // `$$.Execution.StartTime` agree to the millisecond on the real clock too (a redrive at its redrive date).
        let time = if case .start = input { interpreter.info.startTime } else { given ?? now }
        // Kept only where a step can evaluate JSONata: a copy costs a copy of each part the step then changes.
        let before = interpreter.definition.usesJSONata ? interpreter : nil
        let actions = interpreter.handle(input, now: time)
        switch (interpreter.abandoned, before) {
        case (.needsHeavy?, let before?):
            interpreter = before
            runHeavy(input, time: time)
        case (.interrupted?, let before?):
            interpreter = before
            interrupted(input, time: time)
        default: completeStep(input, time: time, actions: actions)
        }
    }

    /// Records a step's events and performs its actions.
    private func completeStep(_ input: StepInput, time: Date, actions: [Action]) {
        stepTime = time
        defer { stepTime = nil }
        let events = interpreter.drainEvents()
        journal.record(interpreter.info, time: time, input: input, events: events, mapRuns: interpreter.drainMapRunChanges())
        feed.publish(events)
        for action in actions { perform(action) }
        syncHeldDispatches()
    }

    /// Runs the step again on ``HeavyEvaluations`` from the interpreter as it was before it; the actor awaits it.
    private func runHeavy(_ input: StepInput, time: Date) {
        heavySteps += 1
        let (id, before) = (heavySteps, interpreter)
        heavy = (id, before, input, time)
        Task { [weak self] in
            let (after, actions) = await HeavyEvaluations.shared.run(owner: before.info.arn) {
                var interpreter = before
                interpreter.evaluationPlace = .heavy
                let actions = interpreter.handle(input, now: time)
                interpreter.evaluationPlace = .cooperative
                return (interpreter, actions)
            }
            await self?.heavyStepEnded(id, after, actions)
        }
    }

    private func heavyStepEnded(_ id: Int, _ after: Interpreter, _ actions: [Action]) {
        guard let step = heavy, step.id == id else { return }  // given up for an interrupt (``interruptHeavyStep()``)
        heavy = nil
        if after.abandoned != nil {
            interpreter = step.before
            interrupted(step.input, time: step.time)
        } else {
            interpreter = after
            completeStep(step.input, time: step.time, actions: actions)
        }
        takePending()
    }

    /// A stop or the time-out came while a step runs on ``HeavyEvaluations``: it is not waited for (it ends at
    /// its next check, its result unused); the step is recorded interrupted at once.
    private func interruptHeavyStep() {
        guard let step = heavy, interrupt.evaluation.isRequested else { return }
        heavy = nil
        interpreter = step.before
        interrupted(step.input, time: step.time)
        takePending()
    }

    /// Records `input`, whose evaluation was interrupted, as `StepInput.interrupted`: run again with every
    /// evaluation stopped at once (so a replay takes the same path without evaluating anything), its effects
    /// left undone; then the stop or the time-out ends the execution in a step of its own, at the present time.
    private func interrupted(_ input: StepInput, time: Date) {
        let recorded = StepInput.interrupted(input)
        let actions = interpreter.handle(recorded, now: time)
        let reason = interrupt.reason(interpreter)
        completeStep(recorded, time: time, actions: reason == nil ? actions : [])
        if let reason { step(reason) }
    }

    /// Takes the inputs that waited for a heavy step, until another one goes heavy.
    private func takePending() {
        while heavy == nil, !pending.isEmpty {
            let next = pending.removeFirst()
            guard result == nil else { break }
            step(next.input, at: next.time)
        }
        if result != nil { pending.removeAll() }
        advanceVirtualTime()
    }

    /// Asks the journal to make the steps so far durable, then dispatches what they held back.
    private func syncHeldDispatches() {
        guard result == nil, let wait = journal.beginSync() else { return }
        let info = interpreter.info
        Task { [weak self] in
            await wait.journal.durable(execution: info, sequence: wait.sequence)
            await self?.madeDurable(upTo: wait.sequence)
        }
    }

    private func madeDurable(upTo target: Int) {
        let ready = journal.synced(upTo: target)
        guard result == nil else { return journal.dropAll() }
        for task in ready { dispatch(task) }
        syncHeldDispatches()
        advanceVirtualTime()
    }

    /// Handlers at work or about to be: while any of them is not asleep, virtual time stands still.
    private var working: Int { handlers.count + journal.count + (heavy == nil ? 0 : 1) }

    /// Fires virtual timers in deadline order while nothing else can happen first.
    private func advanceVirtualTime() {
        while result == nil, clock?.isHeld(working: working) == false, clock?.firstTimer != nil {
            if fireFirstTimer() { return }
        }
        armWatchdog()
    }

    /// Fires the earliest virtual timer; true when it woke a sleeping handler (time then stands still again).
    private func fireFirstTimer() -> Bool {
        guard case .timer(let id)? = clock?.fireFirst() else { return true }
        step(.timerFired(timer: id))
        return false
    }

    /// Guards the earliest virtual timer with real time while handlers work (``VirtualClock/armWatchdog(working:fire:)``).
    private func armWatchdog() {
        guard result == nil else { return }
        clock?.armWatchdog(working: working) { [weak self] id in await self?.watchdogFired(id) }
    }

    private func watchdogFired(_ id: Int) {
        guard clock?.watchdogFired(id) == true else { return }
        guard result == nil, clock?.firstTimer == id else { return armWatchdog() }
        _ = fireFirstTimer()
        advanceVirtualTime()
    }

    private func perform(_ action: Action) {
        switch action {
        case .dispatch(let task):
            if let task = journal.admit(task) { dispatch(task) }
        case .cancelTask(let id):
            journal.drop(id)
            handlers.cancel(id)
        case .timeOutTask(let id):
            journal.drop(id)
            handlers.timeOut(id)
        case .schedule(let id, let deadline): schedule(id, deadline)
        case .cancelTimer(let id):
            realTimers.removeValue(forKey: id)?.cancel()
            clock?.cancel(id)
        case .finished(let status): finished(status)
        case .mapIO(let request): performMapIO(request)
        }
    }

    private func schedule(_ id: Int, _ deadline: Date) {
        if clock != nil {
            clock?.schedule(id, at: deadline)
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
        let info = interpreter.info
        let reference = TaskReference(
            resource: task.resource, stateName: task.stateName, stateMachineName: info.stateMachineName, executionArn: info.arn)
        guard let handler = resolvers.handler(for: reference) else {
            submit(.taskFailed(task: task.id, error: StatesError(StatesError.Name.taskFailed, resolvers.missingMessage(reference))))
            return
        }
        let context = TaskContext(
            resource: task.resource, stateName: task.stateName, executionName: info.name,
            executionArn: info.arn, contextObject: task.context, timeoutFlag: handlers.timeoutFlag(task.id),
            reportHeartbeat: { [weak self] in await self?.submit(.taskHeartbeat(task: task.id)) },
            sleeper: { [weak self] seconds in try await self?.sleep(seconds) },
            report: { [weak self] input in await self?.submit(input) }, taskId: task.id, clock: info.clock, dispatchedAt: now)
        launch(task.id) {
            .taskSucceeded(task: task.id, output: try await handler(task.input, context))
        } failure: { error in
            .taskFailed(task: task.id, error: error as? StatesError ?? StatesError(String(describing: type(of: error)), String(describing: error)))
        }
    }

    /// Reads a Distributed Map's items or writes its results; the answer comes back as a step input.
    private func performMapIO(_ request: MapIORequest) {
        guard let work = mapIO.work(request, execution: interpreter.info) else { return submit(MapIOPerformer.unavailable(request)) }
        launch(request.id, work) { MapIOPerformer.failed(request, $0) }
    }

    /// Runs a handler (or a Map I/O request) as a task of its own; its outcome comes back as a step input.
    private func launch(
        _ id: Int, _ body: @escaping @Sendable () async throws -> StepInput, failure: @escaping @Sendable (any Error) -> StepInput
    ) {
        handlers.launch(id, body, failure: failure) { [weak self] id, outcome in await self?.handlerEnded(id, outcome) }
    }

    private func handlerEnded(_ id: Int, _ outcome: StepInput?) {
        guard handlers.ended(id, reported: outcome != nil), let outcome else { return }
        submit(outcome)
    }

    /// A handler's sleep: real time, or a virtual timer that lets time advance meanwhile.
    func sleep(_ seconds: Double) async throws {
        guard let id = clock?.newSleeper() else { return try await Task.sleep(for: .milliseconds(Int64(seconds * 1000))) }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                clock?.sleep(id, seconds, continuation)
                advanceVirtualTime()
            }
        } onCancel: {
            Task { await self.cancelSleep(id) }
        }
    }

    private func cancelSleep(_ id: Int) { clock?.cancelSleep(id) }

    /// On the real clock, interrupts an evaluation still running at the execution's time-out. The time-out's
    /// own timer is armed only once the step that schedules it ends — the first step, which may be the one
    /// evaluating — so this watch runs from the start.
    private func armTimeoutInterrupt() {
        guard clock == nil, let seconds = interpreter.definition.timeoutSeconds, interpreter.definition.usesJSONata else { return }
        let deadline = interpreter.info.startTime.addingTimeInterval(Double(seconds))
        timeoutInterrupt = Task { [weak self, interrupt] in
            let delay = deadline.timeIntervalSinceNow
            if delay > 0 { try? await Task.sleep(for: .milliseconds(Int64((delay * 1000).rounded(.up)))) }
            guard !Task.isCancelled else { return }
            interrupt.request(.timedOut)
            await self?.interruptHeavyStep()
        }
    }

    private func finished(_ status: ExecutionStatus) {
        timeoutInterrupt?.cancel()
        let result = ExecutionResult(
            status: status, output: interpreter.output, error: interpreter.error, cause: interpreter.cause,
            startDate: interpreter.info.startTime, stopDate: stepTime ?? now)
        self.result = result
        journal.finished(interpreter.info, result)
        let cancelled = handlers.cancelAll()
        journal.dropAll()
        for timer in realTimers.values { timer.cancel() }
        realTimers.removeAll()
        clock?.stop()
        feed.finish()
        guard !cancelled.isEmpty else { return deliver(result) }
        Task {
            for handler in cancelled { await handler.value }
            self.deliver(result)
        }
    }

    private func deliver(_ result: ExecutionResult) {
        delivered = result
        for waiter in waiters { waiter.resume(returning: result) }
        waiters.removeAll()
    }

    /// Replays the history so far into `continuation`, then streams new events until the execution ends.
    func subscribe(_ continuation: AsyncStream<HistoryEvent>.Continuation) {
        guard let id = feed.subscribe(continuation, ended: result != nil) else { return }
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(id) } }
    }

    private func unsubscribe(_ id: Int) { feed.unsubscribe(id) }

    /// Waits for the end of the execution and of every handler it cancelled.
    func waitForResult() async -> ExecutionResult {
        if let delivered { return delivered }
        return await withCheckedContinuation { waiters.append($0) }
    }
}

/// Why an execution's evaluations are interrupted: the flag the evaluator checks, and the reason the interrupted
/// step ends the execution with (the first one requested).
final class ExecutionInterrupt: Sendable {
    enum Reason: Sendable {
        case stop(error: String?, cause: String?)
        case timedOut
    }

    let evaluation = EvaluationInterrupt()
    private let requested = Mutex<Reason?>(nil)

    /// Records `reason` (unless one was) and stops the evaluation in progress.
    func request(_ reason: Reason) {
        requested.withLock { if $0 == nil { $0 = reason } }
        evaluation.request()
    }

    /// The step input that ends the execution for the reason requested: the stop, or the time-out's timer.
    func reason(_ interpreter: Interpreter) -> StepInput? {
        switch requested.withLock({ $0 }) {
        case .stop(let error, let cause)?: .stop(error: error, cause: cause)
        case .timedOut?: interpreter.executionTimeoutTimer.map { .timerFired(timer: $0) }
        case nil: nil
        }
    }
}
