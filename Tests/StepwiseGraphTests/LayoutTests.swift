import Foundation
import StepwiseGraph
import Testing

@Suite("Graph layout")
struct LayoutTests {
    /// Every rule the layout must keep, checked on one definition.
    static func checkLayout(_ text: String) throws {
        let graph = try Definitions.graph(text)
        let layout = GraphLayout(graph)
        #expect(Transitions.drawn(graph) == (try Transitions.declared(text)), "every declared transition is drawn once")
        checkNoOverlap(layout)
        checkNesting(layout)
        checkRoutes(layout)
        let canvas = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
        for box in layout.nodes { #expect(canvas.contains(box)) }
    }

    /// No two boxes overlap, except a Parallel or Map box and what it holds; no label covers a box.
    static func checkNoOverlap(_ layout: GraphLayout) {
        let graph = layout.graph
        var overlaps: [String] = []
        for first in graph.nodes.indices {
            for second in graph.nodes.indices where first < second && !holds(graph, first, second) && !holds(graph, second, first) {
                if layout.nodes[first].overlaps(layout.nodes[second]) {
                    overlaps.append("\(graph.nodes[first].name) and \(graph.nodes[second].name)")
                }
            }
        }
        for edge in graph.edges {
            guard let label = layout.routes[edge.id].label else { continue }
            for node in graph.scopes[graph.nodes[edge.from].scope].nodes where label.overlaps(layout.nodes[node]) {
                overlaps.append("the label of \(edge.label ?? "") and \(graph.nodes[node].name)")
            }
        }
        #expect(overlaps.isEmpty, "overlapping: \(overlaps.prefix(10))")
    }

    /// Whether container `outer` holds `inner`, at any depth.
    static func holds(_ graph: Graph, _ outer: Int, _ inner: Int) -> Bool {
        var scope: Int? = graph.nodes[inner].scope
        while let current = scope, let container = graph.scopes[current].container {
            if container == outer { return true }
            scope = graph.nodes[container].scope
        }
        return false
    }

    /// Each nested scope's frame lies inside its container below the header, and holds its nodes; sibling
    /// frames do not overlap.
    static func checkNesting(_ layout: GraphLayout) {
        let graph = layout.graph
        for scope in graph.scopes {
            guard let container = scope.container else { continue }
            let frame = layout.frames[scope.id]
            #expect(layout.nodes[container].contains(frame), "\(graph.nodes[container].name) holds its \(scope.title ?? "")")
            for node in scope.nodes { #expect(frame.contains(layout.nodes[node]), "\(graph.nodes[node].name) is inside its frame") }
            for sibling in graph.nodes[container].children where sibling != scope.id {
                #expect(!frame.overlaps(layout.frames[sibling]))
            }
        }
    }

    /// Routes leave their source's box edge and arrive on their target's.
    static func checkRoutes(_ layout: GraphLayout) {
        for edge in layout.graph.edges {
            let route = layout.routes[edge.id]
            guard let first = route.points.first, let last = route.points.last, route.points.count >= 2 else {
                Issue.record("edge \(edge.id) has no route")
                continue
            }
            #expect(onBorder(first, layout.nodes[edge.from]), "edge \(edge.id) starts on its source")
            #expect(onBorder(last, layout.nodes[edge.to]), "edge \(edge.id) ends on its target")
        }
    }

    static func onBorder(_ point: Point, _ box: Rect) -> Bool {
        let inX = point.x >= box.x && point.x <= box.maxX
        let inY = point.y >= box.y && point.y <= box.maxY
        return (inX && (point.y == box.y || point.y == box.maxY)) || (inY && (point.x == box.x || point.x == box.maxX))
    }

    @Test("Every workflow and fixture lays out without overlaps, with each transition drawn once", arguments: Definitions.files)
    func workflow(_ file: String) throws {
        try Self.checkLayout(try Definitions.text(file))
    }

    @Test("Generated definitions with loops, self-loops and nesting lay out without overlaps", arguments: Definitions.seeds)
    func generated(_ seed: UInt64) throws {
        try Self.checkLayout(Definitions.generated(seed: seed))
    }

    @Test("A large generated definition (300 states, nested twice) lays out and keeps every rule")
    func large() throws {
        try Self.checkLayout(Definitions.generated(seed: 99, count: 300, depth: 2))
    }

    @Test(
        "Thousands of long loops and a 300-way Choice stay within the layout's budget and keep every rule",
        .timeLimit(.minutes(2)))
    func pathological() throws {
        try Self.checkLayout(Definitions.catchLoops(count: 1500))
        try Self.checkLayout(Definitions.wideChoice(count: 300))
    }

    @Test("Maps nested as deep as the JSON parser allows lay out and render on a test's (cooperative pool) thread")
    func deepNesting() throws {
        let text = Definitions.nestedMaps(depth: 165)
        try Self.checkLayout(text)
        let graph = try Definitions.graph(text)
        #expect(graph.scopes.count == 166)
        for format in GraphFormat.allCases { #expect(graph.rendered(as: format).contains("Leaf")) }
    }

    @Test("The same definition gives the same layout and byte-identical output each time", arguments: Definitions.files)
    func stable(_ file: String) throws {
        let text = try Definitions.text(file)
        for format in GraphFormat.allCases {
            #expect(try Definitions.graph(text).rendered(as: format) == (try Definitions.graph(text).rendered(as: format)))
        }
    }

    @Test("Nested boxes are sized from their contents: a wider branch makes a wider Parallel box")
    func nestedSizing() throws {
        func parallel(_ names: [String]) -> String {
            let states = names.enumerated().map { index, name in
                "\"\(name)\": {\"Type\": \"Pass\", \(index + 1 < names.count ? "\"Next\": \"\(names[index + 1])\"" : "\"End\": true")}"
            }
            return """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "\(names[0])", "States": {\(states.joined(separator: ","))}},
                  {"StartAt": "Other", "States": {"Other": {"Type": "Pass", "End": true}}}]}}}
                """
        }
        let narrow = GraphLayout(try Definitions.graph(parallel(["A"])))
        let long = GraphLayout(try Definitions.graph(parallel(["A", "B", "C", "D"])))
        let wide = GraphLayout(try Definitions.graph(parallel(["A state with a much longer name than the others"])))
        let box = { (layout: GraphLayout) in layout.nodes[layout.graph.node(named: "P")!.id] }
        #expect(box(long).height > box(narrow).height)
        #expect(box(long).width == box(narrow).width)
        #expect(box(wide).width > box(narrow).width)
    }
}
