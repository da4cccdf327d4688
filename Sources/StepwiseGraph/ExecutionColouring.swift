import JSON
import StatesLanguage
import Stepwise

/// What happened to every state of a graph in one execution, read from the execution's history.
///
/// Events are attributed to state visits through `previousEventId`, the causal chain AWS records (each event
/// points to the one before it in its own branch or iteration), so concurrent Parallel branches and Map
/// iterations are told apart. After a redrive (`ExecutionRedriven`), a state run again shows its latest run
/// only; the states that succeeded before keep their colour. A Distributed Map's child executions keep their own histories: the states
/// of its item processor show as not reached in the parent's picture.
package struct ExecutionColouring: Sendable {
    /// By node id; terminals are always `.notReached`.
    package private(set) var statuses: [StateStatus]
    /// Whether the history ends the execution (succeeded, failed, aborted or timed out).
    package private(set) var ended: Bool

    /// From the engine's history events (`Execution.history`).
    package init(graph: Graph, events: [HistoryEvent]) {
        self.init(graph: graph, trace: events.map { TraceEvent(id: $0.id, previous: $0.previousEventId, type: $0.type, name: $0.stateName) })
    }

    /// From events in GetExecutionHistory's shape (the store's `allEvents`, the HTTP API); unknown types are skipped.
    package init(graph: Graph, json events: [JSON]) {
        self.init(graph: graph, trace: events.compactMap(TraceEvent.init(json:)))
    }

    init(graph: Graph, trace: [TraceEvent]) {
        var tracker = VisitTracker(graph: graph)
        for event in trace { tracker.read(event) }
        self.init(tracker: tracker)
    }

    /// From a tracker that has read the history so far (the console keeps one per execution and feeds it the
    /// events that follow, instead of reading the whole history again at every refresh).
    package init(tracker: VisitTracker) {
        let graph = tracker.graph
        // After a redrive, a state run again shows only its visits of the latest run.
        var latest = Array(repeating: 0, count: graph.nodes.count)
        for visit in tracker.visits { latest[visit.node] = max(latest[visit.node], visit.redrive) }
        statuses = Array(repeating: .notReached, count: graph.nodes.count)
        for index in tracker.visits.indices where tracker.visits[index].redrive == latest[tracker.visits[index].node] {
            let node = tracker.visits[index].node
            statuses[node] = min(statuses[node], tracker.status(of: index))
        }
        ended = tracker.ended
    }

    package func status(of node: Int) -> StateStatus { statuses[node] }
}

/// The parts of a history event the colouring reads.
package struct TraceEvent: Sendable {
    package var id: Int
    package var previous: Int
    package var type: EventType
    /// The state the event names (entered, exited, Map iteration, evaluation failure), if any.
    package var name: String?

    package init(id: Int, previous: Int, type: EventType, name: String?) {
        self.id = id
        self.previous = previous
        self.type = type
        self.name = name
    }

    /// The event in GetExecutionHistory's shape; nil for a type the engine does not know.
    package init?(json: JSON) {
        guard let type = json["type"]?.stringValue.flatMap(EventType.init(rawValue:)), let id = json["id"]?.intValue else { return nil }
        let details = json.objectValue?.first { $0.key.hasSuffix("EventDetails") }?.value
        self.init(
            id: id, previous: json["previousEventId"]?.intValue ?? 0, type: type,
            name: details?["name"]?.stringValue ?? details?["state"]?.stringValue)
    }
}
