/// A Graphviz DOT digraph of a graph: generated, quoted ids (`"n<node>"`), labels as escaped quoted strings,
/// Parallel and Map states as clusters (a header node and a cluster per branch); edges into and out of such a
/// state are clipped at its cluster (`compound=true`, `lhead`/`ltail`).
package struct DOTRenderer {
    let graph: Graph
    let colouring: ExecutionColouring?
    var lines = [
        "digraph \"stepwise\" {",
        "    graph [rankdir=TB, compound=true, fontname=\"Helvetica\", fontsize=10, nodesep=0.4, ranksep=0.45];",
        "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#343a40\", fontname=\"Helvetica\", fontsize=11];",
        "    edge [color=\"#868e96\", fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];",
    ]

    package static func render(_ graph: Graph, colouring: ExecutionColouring? = nil) -> String {
        var renderer = DOTRenderer(graph: graph, colouring: colouring)
        if !graph.scopes.isEmpty { renderer.scope(0, indent: "    ") }
        renderer.lines.append("}")
        return renderer.lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String { "\"\(Escaping.dot(text))\"" }

    mutating func scope(_ id: Int, indent: String) {
        for nodeId in graph.scopes[id].nodes { node(graph.nodes[nodeId], indent: indent) }
        for edge in graph.edges(in: id) { self.edge(edge, indent: indent) }
    }

    mutating func node(_ node: Graph.Node, indent: String) {
        let id = "\"n\(node.id)\""
        guard let type = node.stateType else {
            if graph.scopes[node.scope].container == nil {
                lines.append("\(indent)\(id) [label=\(Self.quoted(node.name)), fillcolor=\"#343a40\", fontcolor=\"#ffffff\"];")
            } else {
                let fill = node.kind == .start ? "#343a40" : "#ffffff"
                lines.append("\(indent)\(id) [label=\"\", shape=circle, width=0.15, fixedsize=true, style=filled, fillcolor=\"\(fill)\"];")
            }
            return
        }
        let retry = node.retries.isEmpty ? "" : " ↻"
        let label = Self.quoted("\(TextMetrics.shortened(node.name))\n\(TextMetrics.shortened(node.detail))\(retry)")
        var attributes = "label=\(label)\(colours(node))"
        if type == .choice { attributes += ", shape=hexagon, style=filled" }
        if type == .succeed || type == .fail { attributes += ", style=\"rounded,filled,bold\"" }
        guard !node.children.isEmpty else {
            lines.append("\(indent)\(id) [\(attributes)];")
            return
        }
        lines.append("\(indent)subgraph \"cluster_n\(node.id)\" {")
        lines.append("\(indent)    label=\"\"; style=\"rounded\"; color=\"#343a40\";")
        lines.append("\(indent)    \(id) [\(attributes)];")
        for child in node.children {
            lines.append("\(indent)    subgraph \"cluster_s\(child)\" {")
            lines.append("\(indent)        label=\(Self.quoted(graph.scopes[child].title ?? "")); style=\"dashed\"; color=\"#adb5bd\";")
            scope(child, indent: indent + "        ")
            lines.append("\(indent)    }")
            lines.append("\(indent)    \(id) -> \"n\(graph.scopes[child].start)\" [style=invis];")
        }
        lines.append("\(indent)}")
    }

    /// An edge; one that leaves a Parallel or Map state starts from the end of its first scope, so Graphviz
    /// ranks its target below the whole box.
    mutating func edge(_ edge: Graph.Edge, indent: String) {
        var attributes: [String] = []
        var from = edge.from
        if let first = graph.nodes[edge.from].children.first {
            from = graph.scopes[first].end
            attributes.append("ltail=\"cluster_n\(edge.from)\"")
        }
        if !graph.nodes[edge.to].children.isEmpty { attributes.append("lhead=\"cluster_n\(edge.to)\"") }
        if let label = edge.label { attributes.append("label=\(Self.quoted(TextMetrics.shortened(label)))") }
        if edge.kind == .catch { attributes.append("style=dashed, color=\"#e8590c\", fontcolor=\"#e8590c\"") }
        let list = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
        lines.append("\(indent)\"n\(from)\" -> \"n\(edge.to)\"\(list);")
    }

    /// A status's fill, border and text colours.
    func colours(_ node: Graph.Node) -> String {
        guard let status = colouring?.status(of: node.id) else { return "" }
        let colours = status.colours
        return ", fillcolor=\"\(colours.fill)\", color=\"\(colours.stroke)\", fontcolor=\"\(colours.text)\""
    }
}
