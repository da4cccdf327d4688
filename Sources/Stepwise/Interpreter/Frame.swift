import Foundation
import JSON
import StatesLanguage

/// One running `States` scope: the top level, a Parallel branch or a Map iteration.
struct Frame {
    let machine: Machine
    /// The enclosing frame and this frame's position in its fan-out (branch or item index).
    let parent: Int?
    let slot: Int
    var variables: Variables
    var stateIndex: Int
    /// The current state's input as it arrived (before InputPath).
    var rawInput: JSON = .null
    var enteredEventId = 0
    /// The previousEventId of the current state's entered event (an EvaluationFailed right after it shares it).
    var enteredPreviousEventId = 0
    var enteredTime = Date(timeIntervalSince1970: 0)
    /// The id of the last event this frame recorded: the next event's previousEventId.
    var lastEventId = 0
    /// Attempts used per retrier of the current state, and in total (`$$.State.RetryCount`).
    var retryCounts: [Int] = []
    var retryCount = 0
    /// While the state waits to be tried again: the retrier that matched and the error it matched.
    var retry: (retrier: Int, error: String)?
    var phase: Phase = .idle
    /// Map/ParallelStateFailed, recorded only once no retrier runs the state again.
    var failedEvent: EventType?
    /// Children of a Distributed Map run as separate executions: their events stay out of this history.
    var detached = false
    /// The root scope of a Distributed Map child: its end ends the child execution.
    var childRoot = false
    /// The recorded child execution (STANDARD children) whose history this frame's events go to.
    var childExecution: Int?
    /// The fan-out of the current Parallel or Map state once it ended, until the state exits or is retried: a
    /// redrive keeps the children that succeeded in it.
    var lastFanOut: FanOut?

    enum Phase {
        case idle
        case task(id: Int, timers: [Int], heartbeat: Int?)
        case waiting(timer: Int)
        case retrying(timer: Int)
        case fanOut(FanOut)
        /// Waiting for a Distributed Map's items to be read or its results written.
        case mapIO(request: Int, fanOut: FanOut?)
    }

    /// False once the scope ended; its id stays taken so ids are never reused within an execution.
    private(set) var alive = true

    /// Ends the frame and lets go of its data.
    mutating func release() {
        alive = false
        rawInput = .null
        variables = Variables()
        phase = .idle
    }

    init(machine: Machine, parent: Int?, slot: Int, variables: Variables) {
        self.machine = machine
        self.parent = parent
        self.slot = slot
        self.variables = variables
        self.stateIndex = machine.startAt
    }

    var state: State { machine.states[stateIndex] }
}

/// A Parallel or Map state's children in flight.
struct FanOut {
    enum Kind { case parallel, map }
    let kind: Kind
    /// Each child's input (branch input, or the item after ItemSelector).
    let inputs: [JSON]
    /// Chunked, like ``running`` and ``childIds``: a step changes one slot without copying the others (see
    /// ``ChunkedArray``).
    var results: ChunkedArray<JSON?>
    var running = IntTable<Int>()
    var nextToStart = 0
    var completed = 0
    /// As the state sets it; UpdateMapRun changes it while a Distributed Map runs.
    var maxConcurrency: Int
    /// True while the parent is starting children synchronously: completions are then only recorded.
    var starting = false
    var failure: StatesError?
    var distributed = false
    /// Distributed Map tolerance (nil: not set) and the children that failed within it.
    var toleratedCount: Int?
    var toleratedPercentage: Double?
    var childErrors: [Int: StatesError] = [:]
    /// The last MapIterationSucceeded recorded, and the latest last event of a finished branch: what
    /// Map/ParallelStateSucceeded point back to (see ``Interpreter/fanOutSucceeded(_:_:)``).
    var lastIterationEvent: Int?
    var lastChildEvent = 0
    /// Each slot's child frame (the latest started), so a redrive finds where a failed child stood.
    var childIds = IntTable<Int>()
    /// After a redrive: the slots still to run, in order (nil: every slot), and the old frames they restart from.
    var order: [Int]?
    var restoreFrom: [Int: Int] = [:]

    init(kind: Kind, inputs: [JSON], maxConcurrency: Int) {
        self.kind = kind
        self.inputs = inputs
        self.results = ChunkedArray(repeating: nil, count: inputs.count)
        self.maxConcurrency = maxConcurrency
    }

    var canStartMore: Bool {
        nextToStart < (order?.count ?? inputs.count) && (maxConcurrency == 0 || running.count < maxConcurrency) && failure == nil
    }
    var isComplete: Bool { completed == inputs.count }
}

/// What a state's processing leads to.
enum Outcome {
    /// Go to the state at this index of the same scope with this input.
    case next(Int, JSON)
    /// The scope ends with this output (End: true, Succeed).
    case end(JSON)
    /// Waiting for a task, a timer or children.
    case blocked
    /// The state failed: Retry and Catch decide what follows.
    case failed(StatesError)
    /// The scope fails with this error (nothing caught it).
    case frameFailed(StatesError)
}
