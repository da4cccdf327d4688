import StatesLanguage

extension Graph {
    /// The graph of a parsed definition. Nesting is as deep as the definition's (the JSON parser bounds it).
    package init(_ definition: StateMachineDefinition) {
        addScope(definition.root, container: nil, title: nil)
    }

    /// Adds a scope: Start, its states (and, depth first, their nested scopes), End, then its transitions.
    @discardableResult
    private mutating func addScope(_ machine: Machine, container: Int?, title: String?) -> Int {
        let scopeId = scopes.count
        scopes.append(Scope(id: scopeId, container: container, title: title))
        let start = addNode(name: "Start", kind: .start, scope: scopeId)
        let first = nodes.count
        for state in machine.states {
            addNode(name: state.name, kind: .state(state.type), scope: scopeId, detail: Self.detail(state), retries: state.retriers.map(Self.retry))
        }
        for (offset, state) in machine.states.enumerated() {
            let id = first + offset
            switch state.kind {
            case .parallel(let branches):
                for (index, branch) in branches.enumerated() {
                    nodes[id].children.append(addScope(branch, container: id, title: "Branch \(index + 1)"))
                }
            case .map(let map):
                nodes[id].children.append(addScope(map.processor, container: id, title: "Item processor"))
            default: break
            }
        }
        let end = addNode(name: "End", kind: .end, scope: scopeId)
        scopes[scopeId].start = start
        scopes[scopeId].end = end
        addEdge(start, first + machine.startAt, .start)
        for (offset, state) in machine.states.enumerated() {
            addTransitions(of: state, id: first + offset, first: first, end: end)
        }
        return scopeId
    }

    @discardableResult
    private mutating func addNode(name: String, kind: NodeKind, scope: Int, detail: String = "", retries: [String] = []) -> Int {
        let id = nodes.count
        nodes.append(Node(id: id, name: name, kind: kind, scope: scope, detail: detail, retries: retries))
        scopes[scope].nodes.append(id)
        return id
    }

    private mutating func addEdge(_ from: Int, _ to: Int, _ kind: EdgeKind, label: String? = nil) {
        scopes[nodes[from].scope].edges.append(edges.count)
        edges.append(Edge(id: edges.count, from: from, to: to, kind: kind, label: label))
    }

    /// Choice rules and Default, Next, Catch rules, and the edge to End, in that order.
    private mutating func addTransitions(of state: State, id: Int, first: Int, end: Int) {
        if case .choice(let choice) = state.kind {
            for branch in choice.choices {
                addEdge(id, first + branch.next, .choice, label: RuleSummary.text(branch.condition))
            }
            if let defaultNext = choice.defaultNext { addEdge(id, first + defaultNext, .default, label: "Default") }
        }
        if let next = state.next { addEdge(id, first + next, .next) }
        for catcher in state.catchers {
            addEdge(id, first + catcher.next, .catch, label: RuleSummary.errors(catcher.errorEquals))
        }
        switch state.type {
        case .succeed, .fail: addEdge(id, end, .end)
        case .choice: break
        default: if state.next == nil { addEdge(id, end, .end) }
        }
    }

    /// The box's second line: the type, and for a Task what it calls.
    static func detail(_ state: State) -> String {
        switch state.kind {
        case .task(let task): "Task · \(resourceSummary(task.resource))"
        case .map(let map) where map.mode == .distributed: "Map · distributed"
        default: state.type.rawValue
        }
    }

    /// `arn:aws:states:::lambda:invoke` → `lambda:invoke`; a Lambda or activity ARN → its kind and name.
    static func resourceSummary(_ resource: String) -> String {
        if let range = resource.range(of: ":::") { return String(resource[range.upperBound...]) }
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 7, parts[2] == "lambda" { return "lambda:\(parts[6])" }
        if parts.count >= 7, parts[5] == "activity" { return "activity:\(parts[6])" }
        return resource
    }

    static func retry(_ retrier: Retrier) -> String {
        "\(RuleSummary.errors(retrier.errorEquals)) ×\(retrier.maxAttempts)"
    }
}
