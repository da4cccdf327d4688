/// Where everything of a ``Graph`` is drawn: a box per node, a frame per nested scope, a route per edge.
///
/// Each scope is laid out on its own (``LayeredLayout``), innermost first, so a Parallel or Map box is sized
/// from its branches' layouts and then takes part in its own scope's layout like any other box.
package struct GraphLayout: Sendable {
    package static let margin = 16.0

    package let graph: Graph
    package private(set) var width = 0.0
    package private(set) var height = 0.0
    /// Each node's box, by node id.
    package private(set) var nodes: [Rect]
    /// Each scope's frame, by scope id: the whole canvas for the top level, a branch's box inside its container.
    package private(set) var frames: [Rect]
    /// Each edge's route, by edge id.
    package private(set) var routes: [EdgeRoute]

    package init(_ graph: Graph) {
        self.graph = graph
        nodes = Array(repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: graph.nodes.count)
        frames = Array(repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: graph.scopes.count)
        routes = Array(repeating: EdgeRoute(points: []), count: graph.edges.count)
        guard !graph.scopes.isEmpty else { return }
        var solved: [Int: ScopeLayout] = [:]
        let root = Self.solve(scope: 0, graph, &solved)
        width = root.layout.width + 2 * Self.margin
        height = root.layout.height + 2 * Self.margin
        frames[0] = Rect(x: 0, y: 0, width: width, height: height)
        place(scope: 0, at: Point(Self.margin, Self.margin), solved)
    }

    /// The display text of an edge's label (shortened), or nil.
    package func labelText(_ edge: Graph.Edge) -> String? { edge.label.map { TextMetrics.shortened($0) } }

    /// A scope's layered layout and the ids of the nodes and edges it placed, in the layout's order.
    struct ScopeLayout {
        var layout: LayeredLayout
        var nodes: [Int]
        var edges: [Int]
    }

    /// Lays out `scope` after its nested scopes (whose sizes fix its containers' sizes).
    static func solve(scope: Int, _ graph: Graph, _ solved: inout [Int: ScopeLayout]) -> ScopeLayout {
        let nodeIds = graph.scopes[scope].nodes
        var local: [Int: Int] = [:]
        for (index, id) in nodeIds.enumerated() { local[id] = index }
        let edges = graph.edges(in: scope)
        var degree = Array(repeating: 0, count: nodeIds.count)
        for edge in edges {
            degree[local[edge.from]!] += 1
            degree[local[edge.to]!] += 1
        }
        let sizes = nodeIds.enumerated().map { index, id -> LayeredLayout.Size in
            let node = graph.nodes[id]
            guard !node.children.isEmpty else { return Metrics.size(of: node, scope: graph.scopes[scope], links: degree[index]) }
            let children = node.children.map { solve(scope: $0, graph, &solved) }
            return Metrics.containerSize(node, children: children.map { LayeredLayout.Size(width: $0.layout.width, height: $0.layout.height) })
        }
        let links = edges.map { edge in
            LayeredLayout.Link(from: local[edge.from]!, to: local[edge.to]!, label: edge.label.map(Metrics.labelSize))
        }
        let start = local[graph.scopes[scope].start]!
        let end = local[graph.scopes[scope].end]!
        let result = ScopeLayout(layout: LayeredLayout(sizes: sizes, links: links, first: start, last: end), nodes: nodeIds, edges: edges.map(\.id))
        solved[scope] = result
        return result
    }

    /// Writes absolute positions for `scope` laid out with its top-left corner at `origin`, then its nested scopes.
    mutating func place(scope: Int, at origin: Point, _ solved: [Int: ScopeLayout]) {
        guard let scopeLayout = solved[scope] else { return }
        let layout = scopeLayout.layout
        for (index, id) in scopeLayout.nodes.enumerated() {
            nodes[id] = layout.frame(index).offset(by: origin.x, origin.y)
        }
        let scopeRoutes = layout.routes()
        for (index, id) in scopeLayout.edges.enumerated() {
            var route = scopeRoutes[index]
            route.points = route.points.map { $0.offset(by: origin.x, origin.y) }
            route.label = route.label?.offset(by: origin.x, origin.y)
            routes[id] = route
        }
        for id in scopeLayout.nodes where !graph.nodes[id].children.isEmpty {
            let children = graph.nodes[id].children
            let boxes = Metrics.childFrames(in: nodes[id], children: children.map { solved[$0]!.layout })
            for (child, frame) in zip(children, boxes) {
                frames[child] = frame
                place(scope: child, at: Point(frame.x + Metrics.framePadding, frame.y + Metrics.frameTitle + Metrics.framePadding), solved)
            }
        }
    }
}

/// An edge's route: points from its source to its target, and its label's box.
package struct EdgeRoute: Sendable {
    package var points: [Point]
    package var label: Rect?
    /// A self-loop beside its box, drawn with straight segments.
    package var isLoop = false
}
