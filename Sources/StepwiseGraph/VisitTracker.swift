import StatesLanguage
import Stepwise

/// Replays a history into state visits: one per `…StateEntered`, with its failures, retries, exit or abort.
package struct VisitTracker: Sendable {
    struct Visit: Sendable {
        let node: Int
        /// The visit of the Parallel or Map state whose branch or iteration this visit runs in.
        let parent: Int?
        /// How many times the execution had been redriven when the visit began.
        let redrive: Int
        var exited = false
        var failures = 0
        /// The latest attempt failed and nothing (a retry, a catch) has followed yet.
        var lastFailed = false
        var retried = false
        var aborted = false

        mutating func fail() {
            failures += 1
            lastFailed = true
        }

        /// A new attempt of the work: after a failure, that is a retry.
        mutating func attempt() {
            guard lastFailed else { return }
            retried = true
            lastFailed = false
        }
    }

    package let graph: Graph
    private let nodeByName: [String: Int]
    private(set) var visits: [Visit] = []
    private(set) var ended = false
    private var redrives = 0
    private var visitOfEvent: [Int: Int] = [:]
    /// Visits by node, oldest first, exited ones dropped from the end when looked up: the fallback when an
    /// event's chain is not in the history.
    private var open: [Int: [Int]] = [:]

    package init(graph: Graph) {
        self.graph = graph
        var names: [String: Int] = [:]
        for node in graph.nodes where !node.isTerminal { names[node.name] = node.id }
        nodeByName = names
    }

    /// The node of the state whose visit event `id` belongs to (through `previousEventId`); nil when none does.
    package func node(ofEvent id: Int) -> Int? {
        visitOfEvent[id].map { visits[$0].node }
    }

    package mutating func read(_ event: TraceEvent) {
        let chain = visitOfEvent[event.previous]
        var visit: Int?
        switch EventRole(event.type) {
        case .entered: visit = enter(event, chain: chain)
        case .exited: visit = change(named(event.name, from: chain)) { $0.exited = true }
        case .failed(let type): visit = change(owner(type, event.name, from: chain)) { $0.fail() }
        case .attempt(let type): visit = change(owner(type, nil, from: chain)) { $0.attempt() }
        case .aborted(let type): visit = change(owner(type, nil, from: chain)) { $0.aborted = true }
        case .named: visit = named(event.name, from: chain)
        case .executionEnded: ended = true
        case .executionRedriven:
            ended = false
            redrives += 1
        case .other: break
        }
        if let visit = visit ?? chain { visitOfEvent[event.id] = visit }
    }

    /// Applies `body` to a visit (closing it in `open` once exited); answers the visit.
    private mutating func change(_ index: Int?, _ body: (inout Visit) -> Void) -> Int? {
        guard let index else { return nil }
        body(&visits[index])
        return index
    }

    /// The status one visit earned.
    func status(of index: Int) -> StateStatus {
        let visit = visits[index]
        if visit.exited { return visit.lastFailed ? .caught : (visit.failures > 0 ? .retried : .succeeded) }
        let parentDone = visit.parent.map { finished(visits[$0]) } ?? false
        if visit.lastFailed {
            return !ended && !parentDone && !graph.nodes[visit.node].retries.isEmpty ? .running : .failed
        }
        return visit.aborted || ended || parentDone ? .aborted : .running
    }

    private func finished(_ visit: Visit) -> Bool { visit.exited || visit.lastFailed || visit.aborted }

    private mutating func enter(_ event: TraceEvent, chain: Int?) -> Int? {
        guard let name = event.name, let node = nodeByName[name] else { return nil }
        let container = graph.scopes[graph.nodes[node].scope].container
        var parent: Int?
        if let container { parent = up(from: chain) { $0.node == container } ?? latestOpen(container) }
        visits.append(Visit(node: node, parent: parent, redrive: redrives))
        let index = visits.count - 1
        open[node, default: []].append(index)
        if event.type == .failStateEntered { visits[index].fail() }
        return index
    }

    /// The visit of the state named `name`: up the chain, else its latest open visit.
    private mutating func named(_ name: String?, from chain: Int?) -> Int? {
        guard let name, let node = nodeByName[name] else { return nil }
        return up(from: chain) { $0.node == node } ?? latestOpen(node)
    }

    /// The visit an event of a `type` state belongs to (by name when the event has one).
    private mutating func owner(_ type: StateType?, _ name: String?, from chain: Int?) -> Int? {
        if let name { return named(name, from: chain) }
        return up(from: chain) { graph.nodes[$0.node].stateType == type }
    }

    /// The latest visit of `node` not exited yet (exited ones are dropped from the end of the list on the way).
    private mutating func latestOpen(_ node: Int) -> Int? {
        while let last = open[node]?.last, visits[last].exited { open[node]?.removeLast() }
        return open[node]?.last
    }

    /// The first visit from `start` up through the enclosing visits that satisfies `test`.
    private func up(from start: Int?, where test: (Visit) -> Bool) -> Int? {
        var current = start
        while let index = current {
            if test(visits[index]) { return index }
            current = visits[index].parent
        }
        return nil
    }
}
