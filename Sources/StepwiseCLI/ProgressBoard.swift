import Foundation
import StatesLanguage
import Stepwise

/// What the terminal progress display knows of a run: built from its history events as they arrive and, between
/// events, from the engine's snapshots of its Map Runs and of the states waiting to be retried. Pure: the lines
/// are a function of what it was fed and the time asked for (``lines(now:width:)``, ``summary(_:)``), so tests
/// feed a real run's events and read exact lines.
struct ProgressBoard {
    /// An inline Map state's iterations, over every time it was entered.
    struct MapTally {
        var name: String
        var total = 0
        var started = 0
        var succeeded = 0
        var failed = 0
        var aborted = 0
        /// Times entered and not yet ended (a Map inside a Map iteration runs many times at once).
        var active = 0

        var done: Int { succeeded + failed + aborted }
        var running: Int { max(0, started - done) }
    }

    /// The branches of a Parallel state, as its latest entry runs them.
    struct ParallelTally {
        var name: String
        /// Each branch's latest state, and whether the branch ended.
        var branches: [(current: String?, done: Bool)]
        var active = true
    }

    let machineName: String
    let startDate: Date
    private let scopes: DefinitionScopes
    private(set) var current = "…"
    private(set) var statesEntered = 0
    private(set) var events = 0
    private(set) var maps: [MapTally] = []
    private(set) var parallels: [ParallelTally] = []
    /// The Map state that started each Map Run, by run ARN.
    private(set) var mapRunStates: [String: String] = [:]
    /// The engine's snapshots, replaced at each tick.
    var mapRuns: [MapRunRecord] = []
    var retries: [RetryInProgress] = []
    /// The state each event belongs to, by event id: its own, or (for events without one) its predecessor's.
    private var stateOfEvent: [Int: String] = [:]

    init(machine: StateMachine, startDate: Date) {
        machineName = machine.name
        self.startDate = startDate
        scopes = DefinitionScopes(machine.definition.root)
    }

    mutating func apply(_ event: HistoryEvent) {
        events += 1
        let state = event.stateName ?? stateOfEvent[event.previousEventId]
        if let state { stateOfEvent[event.id] = state }
        switch event.details {
        case .stateEntered(let name, _): entered(name, event.type)
        case .stateExited(let name, _, _): exited(name, event.type)
        case .mapStarted(let length): updateMap(state) { $0.total += length }
        case .mapIteration(let name, _): iteration(name, event.type)
        case .mapRun(let arn): if let state { mapRunStates[arn] = state }
        default: ended(state, event.type)
        }
    }

    private mutating func entered(_ name: String, _ type: EventType) {
        statesEntered += 1
        current = name
        if type == .mapStateEntered { updateMap(name) { $0.active += 1 } }
        if type == .parallelStateEntered, let count = scopes.branchCounts[name] {
            parallels.removeAll { $0.name == name }
            parallels.append(ParallelTally(name: name, branches: Array(repeating: (nil, false), count: count)))
        }
        guard let (parallel, branch) = scopes.branchOf[name], let index = parallels.firstIndex(where: { $0.name == parallel }) else { return }
        parallels[index].branches[branch].current = name
        if type == .failStateEntered { parallels[index].branches[branch].done = true }
    }

    private mutating func exited(_ name: String, _ type: EventType) {
        if type == .mapStateExited { updateMap(name) { $0.active = max(0, $0.active - 1) } }
        if type == .parallelStateExited, let index = parallels.firstIndex(where: { $0.name == name }) { parallels[index].active = false }
        guard scopes.terminal.contains(name), let (parallel, branch) = scopes.branchOf[name],
            let index = parallels.firstIndex(where: { $0.name == parallel })
        else { return }
        parallels[index].branches[branch].done = true
    }

    private mutating func iteration(_ name: String, _ type: EventType) {
        switch type {
        case .mapIterationStarted: updateMap(name) { $0.started += 1 }
        case .mapIterationSucceeded: updateMap(name) { $0.succeeded += 1 }
        case .mapIterationFailed: updateMap(name) { $0.failed += 1 }
        case .mapIterationAborted: updateMap(name) { $0.aborted += 1 }
        default: break
        }
    }

    /// A Map or Parallel that failed or was aborted ends without an exit event.
    private mutating func ended(_ state: String?, _ type: EventType) {
        guard let state else { return }
        switch type {
        case .mapStateFailed, .mapStateAborted: updateMap(state) { $0.active = max(0, $0.active - 1) }
        case .parallelStateFailed, .parallelStateAborted:
            if let index = parallels.firstIndex(where: { $0.name == state }) { parallels[index].active = false }
        default: break
        }
    }

    private mutating func updateMap(_ name: String?, _ change: (inout MapTally) -> Void) {
        guard let name else { return }
        if let index = maps.firstIndex(where: { $0.name == name }) { return change(&maps[index]) }
        var tally = MapTally(name: name)
        change(&tally)
        maps.append(tally)
    }
}

/// Where each state of a definition sits: the Parallel branch it is a direct child of, and whether it ends its
/// scope (End, Succeed, Fail). State names are unique across a state machine, nested scopes included.
struct DefinitionScopes {
    private(set) var branchOf: [String: (parallel: String, branch: Int)] = [:]
    private(set) var branchCounts: [String: Int] = [:]
    private(set) var terminal: Set<String> = []

    init(_ machine: Machine) { add(machine) }

    private mutating func add(_ machine: Machine) {
        for state in machine.states {
            if state.next == nil && state.type != .choice { terminal.insert(state.name) }
            switch state.kind {
            case .parallel(let branches):
                branchCounts[state.name] = branches.count
                for (index, branch) in branches.enumerated() {
                    for child in branch.states { branchOf[child.name] = (state.name, index) }
                    add(branch)
                }
            case .map(let map): add(map.processor)
            default: break
            }
        }
    }
}
