import JSON
import StepFunctions
import StepwiseGraph
import StepwiseStore

/// One execution's history reduced to what the pages need, built once and extended with the events that follow:
/// the graph's visit tracker (the colouring), the state each event belongs to (the event table's State column),
/// and for each state its latest entered, exited and failure events (what a click on the graph shows).
struct ExecutionTrace: Sendable {
    /// What a state's events were, by event id.
    struct StateEvents: Sendable, Equatable {
        var visits = 0
        var entered: Int?
        var exited: Int?
        var failure: Int?
    }

    /// Nil when the definition could not be drawn: events then belong to the state they name or follow.
    private(set) var tracker: VisitTracker?
    /// The state of each event, by `id - 1` (ids run from 1 without gaps).
    private(set) var owners: [String?] = []
    private(set) var states: [String: StateEvents] = [:]

    init(graph: Graph?) { tracker = graph.map { VisitTracker(graph: $0) } }

    /// The last event read.
    var lastId: Int { owners.count }

    /// What happened to each state so far.
    var colouring: ExecutionColouring? { tracker.map { ExecutionColouring(tracker: $0) } }

    /// The state that event `id` belongs to; nil for the execution's own events and ids not read.
    func owner(of id: Int) -> String? {
        owners.indices.contains(id - 1) ? owners[id - 1] : nil
    }

    /// Reads the next event: an event belongs to the state visit the tracker attributes it to through
    /// `previousEventId` (a Parallel's failure to the Parallel, not to the branch's last state), except the
    /// execution's own events.
    mutating func append(_ row: EventRow) {
        while owners.count < row.id - 1 { owners.append(nil) }
        let event = TraceEvent(json: row.json())
        if let event { tracker?.read(event) }
        let owner = row.type.hasPrefix("Execution") ? nil : ownerName(row.id, named: event?.name, following: row.previousEventId)
        owners.append(owner)
        guard let owner else { return }
        var state = states[owner] ?? StateEvents()
        if row.type.hasSuffix("StateEntered") {
            state.visits += 1
            state.entered = row.id
        } else if row.type.hasSuffix("StateExited") {
            state.exited = row.id
        } else if row.type.hasSuffix("Failed") || row.type.hasSuffix("TimedOut") {
            state.failure = row.id
        }
        states[owner] = state
    }

    private func ownerName(_ id: Int, named name: String?, following previous: Int) -> String? {
        if let tracker, let node = tracker.node(ofEvent: id) { return tracker.graph.nodes[node].name }
        return name ?? owner(of: previous)
    }
}

/// Traces of the executions looked at last, each extended by the events stored since it was read.
struct TraceCache: Sendable {
    private let cache = LRUCache<String, ExecutionTrace>(capacity: 8)

    /// The trace of `arn` through event `eventCount` at least: the cached one and the events after it, read
    /// 1,000 at a time and fed to the trace on the worker queue.
    func trace(_ arn: String, graph: Graph?, through eventCount: Int, service: StepFunctionsService) async throws -> ExecutionTrace {
        var trace = cache[arn] ?? ExecutionTrace(graph: graph)
        while trace.lastId < eventCount {
            let rows = try await service.historyEvents(executionArn: arn, afterId: trace.lastId, limit: 1000)
            guard !rows.isEmpty else { break }
            trace = await Worker.run { [trace] in
                var trace = trace
                for row in rows { trace.append(row) }
                return trace
            }
        }
        cache[arn] = trace
        return trace
    }
}
