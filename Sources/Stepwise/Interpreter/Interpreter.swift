import Foundation
import JSON
import JSONata
import StatesLanguage

/// The pure heart of Stepwise: given the execution's state and one input (start, a task result, a timer,
/// a stop), it advances every state it can synchronously, records history events, and returns the effects
/// the driver must perform (STYLE.md, practice 11). No I/O, no clock, no concurrency: time comes in as `now`,
/// randomness from a seeded generator in the state, so a replay of the same inputs gives the same history.
package struct Interpreter: Sendable {
    package let definition: StateMachineDefinition
    package let info: ExecutionInfo
    package internal(set) var status: ExecutionStatus = .running
    package internal(set) var output: JSON?
    package internal(set) var error: String?
    package internal(set) var cause: String?
    /// Events recorded since the driver last drained them.
    package internal(set) var newEvents: [HistoryEvent] = []
    package internal(set) var eventCount = 0

    /// Every frame of the execution by id (its index); ended frames stay as released tombstones.
    var frames = FrameTable()
    var nextTaskId = 1
    var nextTimerId = 1
    var timers = IntTable<TimerPurpose>()
    /// Deadlines of pending timers and the dispatches of tasks in flight, kept so a resumed execution can re-arm them.
    var timerDeadlines = IntTable<Date>()
    var inFlight: [Int: TaskDispatch] = [:]
    /// Distributed Map reads and writes under way, by request id (the task ids' counter).
    var pendingMapIO: [Int: (frame: Int, request: MapIORequest)] = [:]
    var tasks: [Int: Int] = [:]
    var actions: [Action] = []
    /// Distributed Map runs, their frames while they run, their recorded children, and what changed this step.
    var mapRuns: [MapRunState] = []
    var mapRunOfFrame: [Int: Int] = [:]
    var children: [Int: ChildExecutionState] = [:]
    var nextChildId = 0
    var mapRunChanges = PendingMapRunChanges()
    /// Set when the history is full; the step stops advancing and the execution fails.
    var overHistoryLimit = false
    var now: Date
    /// Seeded from the execution (retry jitter), kept in the state so a replay draws the same values.
    var random: AnyRandom
    let seedBase: UInt64
    var executionContext: JSON
    let stateMachineContext: JSON
    /// The root scope's frame (a redrive starts a new one).
    var rootFrame = 0
    /// How many times the execution was redriven, and when last (`$$.Execution.RedriveCount`, `RedriveTime`).
    package internal(set) var redriveCount = 0
    package internal(set) var redriveTime: Date?
    /// Where each scope that ended unsuccessfully stood, by frame id: what a redrive restarts (Interpreter+Redrive).
    var redrivable: [Int: RedrivePoint] = [:]
    /// Set to record each data-flow stage of the states run (TestState's inspection data).
    package var inspector: Inspection?
    /// The context object every state sees instead of the execution's (TestState's `context`); a task token or a
    /// Map item is added to it where the state has one.
    package var contextOverride: JSON?
    /// Stops a JSONata evaluation in progress (the driver requests it for StopExecution and the execution's
    /// time-out).
    package var interrupt: EvaluationInterrupt?
    /// Which thread this step's JSONata evaluations run on (``EvaluationPlace``): the driver steps on the
    /// cooperative pool with a small budget and, when an evaluation needs more, runs the step again on
    /// ``HeavyEvaluations`` with `.heavy`.
    package var evaluationPlace: EvaluationPlace = .blocking
    /// Set when the step in progress was given up mid-way: an evaluation needs a large-stack thread, or it was
    /// interrupted. The step advances no further, and the driver throws its effects away (see ``Abandon``).
    package internal(set) var abandoned: Abandon?

    package enum Abandon: Sendable {
        /// An evaluation went past `.inline`'s depth or time: run the step again, from its start, on a heavy thread.
        case needsHeavy
        /// An evaluation was interrupted: run the step again as `StepInput.interrupted` (every evaluation stops at once).
        case interrupted
    }

    enum TimerPurpose {
        case wait(frame: Int)
        case retry(frame: Int)
        case taskTimeout(frame: Int, task: Int)
        case heartbeat(frame: Int, task: Int)
        case executionTimeout
    }

    /// The history limit of a Standard execution (asl-reference §9).
    package static let maxHistoryEvents = 25_000
    /// The payload limit for inputs, outputs and results (asl-reference §9).
    package static let maxPayloadBytes = 262_144
    /// The limit on all of an execution's variables together (asl-reference §9).
    package static let maxVariableBytes = 10_485_760

    package init(definition: StateMachineDefinition, info: ExecutionInfo) {
        let seed = info.seed
        self.definition = definition
        self.info = info
        self.now = info.startTime
        self.random = AnyRandom(seed: seed)
        self.seedBase = seed
        executionContext = [
            "Id": .string(info.arn), "Input": info.input, "StartTime": .string(ISOTimestamp.format(info.startTime)),
            "Name": .string(info.name), "RoleArn": .string(info.roleArn), "RedriveCount": 0,
        ]
        stateMachineContext = ["Id": .string(info.stateMachineArn), "Name": .string(info.stateMachineName)]
    }

    /// Handles one input at time `now` and returns the effects to perform. New history events are in `newEvents`.
    package mutating func handle(_ input: StepInput, now: Date) -> [Action] {
        if case .interrupted(let step) = input {
            // Every evaluation of `step` stops at once, so a replay gives the same events.
            let own = interrupt
            interrupt = .requested
            defer { interrupt = own }
            return handle(step, now: now)
        }
        abandoned = nil
        self.now = max(now, self.now)
        let redriving = if case .redrive = input { true } else { false }
        guard status == .running || redriving else { return [] }
        switch input {
        case .redrive: redrive()
        case .start: start()
        case .taskSucceeded(let task, let output): taskSucceeded(task, output)
        case .taskFailed(let task, let error): taskFailed(task, error)
        case .taskHeartbeat(let task): heartbeat(task)
        case .taskSubmitted(let task, let output): taskSubmitted(task, output)
        case .activityStarted(let task, let worker): activityStarted(task, worker)
        case .mapIOCompleted(let request, let output): mapIOFinished(request, .success(output))
        case .mapIOFailed(let request, let error): mapIOFinished(request, .failure(error))
        case .timerFired(let timer): timerFired(timer)
        case .updateMapRun(let arn, let maxConcurrency, let count, let percentage):
            updateMapRun(arn, maxConcurrency: maxConcurrency, toleratedFailureCount: count, toleratedFailurePercentage: percentage)
        case .stop(let error, let cause): finish(.aborted, type: .executionAborted, details: .failure(error: error, cause: cause), previous: 0)
        case .interrupted: break  // handled above
        }
        if overHistoryLimit, status == .running {
            finish(
                .failed, type: .executionFailed,
                details: .failure(
                    error: StatesError.Name.runtime,
                    cause: "The execution reached the maximum number of history events (\(Self.maxHistoryEvents))."), previous: eventCount)
        }
        defer { actions.removeAll(keepingCapacity: true) }
        return actions
    }

    /// Hands over the events recorded so far.
    package mutating func drainEvents() -> [HistoryEvent] {
        defer { newEvents.removeAll(keepingCapacity: true) }
        return newEvents
    }

    mutating func start() {
        let id = record(.executionStarted, .executionStarted(input: info.input, roleArn: info.roleArn), previous: 0)
        if let timeout = definition.timeoutSeconds {
            _ = schedule(.executionTimeout, after: Double(timeout))
        }
        let frameId = newFrame(definition.root, parent: nil, slot: 0, variables: Variables())
        rootFrame = frameId
        frames[frameId].lastEventId = id == 1 ? 0 : id
        proceed(frameId, .next(definition.root.startAt, info.input))
    }

    /// Runs a frame from an outcome until it blocks or ends: the step loop.
    mutating func proceed(_ frameId: Int, _ outcome: Outcome) {
        var outcome = outcome
        while status == .running, !overHistoryLimit, abandoned == nil {
            switch outcome {
            case .next(let index, let input):
                enter(frameId, index, input)
                outcome = execute(frameId, retry: false)
            case .end(let output):
                frameSucceeded(frameId, output)
                return
            case .blocked:
                return
            case .failed(let error):
                outcome = handleError(frameId, error)
            case .frameFailed(let error):
                frameFailed(frameId, error)
                return
            }
        }
    }

    mutating func newFrame(_ machine: Machine, parent: Int?, slot: Int, variables: Variables) -> Int {
        var frame = Frame(machine: machine, parent: parent, slot: slot, variables: variables)
        frame.childExecution = parent.flatMap { frames[$0].childExecution }  // a scope inside a child records in its history
        frames.append(frame)
        return frames.count - 1
    }

    /// Ends the execution with a terminal event; cancels whatever is still in flight.
    mutating func finish(_ status: ExecutionStatus, type: EventType, details: HistoryEvent.Details, previous: Int) {
        self.status = status
        record(type, details, previous: previous)
        switch details {
        case .executionSucceeded(let output): self.output = output
        case .failure(let error, let cause):
            self.error = error
            self.cause = cause
        default: break
        }
        for task in tasks.keys.sorted() { actions.append(.cancelTask(task)) }
        for timer in timers.keys.sorted() { actions.append(.cancelTimer(timer)) }
        tasks.removeAll()
        timers.removeAll()
        timerDeadlines.removeAll()
        inFlight.removeAll()
        pendingMapIO.removeAll()
        abortOpenMapRuns()
        for index in frames.indices where frames[index].alive {
            if status != .succeeded { keepForRedrive(index) }
            frames[index].release()
        }
        actions.append(.finished(status: status))
    }
}
