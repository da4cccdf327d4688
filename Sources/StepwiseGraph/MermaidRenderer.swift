/// A Mermaid flowchart of a graph: generated ids (`n<node>`, `s<scope>`), so no user text is ever an id; labels
/// double-quoted with everything but letters, digits and a few marks as Mermaid entities; Parallel and Map
/// states as subgraphs holding a subgraph per branch; with a colouring, a `classDef` per status.
package struct MermaidRenderer {
    let graph: Graph
    let colouring: ExecutionColouring?
    var lines = ["flowchart TD"]

    package static func render(_ graph: Graph, colouring: ExecutionColouring? = nil) -> String {
        var renderer = MermaidRenderer(graph: graph, colouring: colouring)
        if !graph.scopes.isEmpty { renderer.scope(0, indent: "    ") }
        renderer.classes()
        return renderer.lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String { "\"\(Escaping.mermaid(text))\"" }

    mutating func scope(_ id: Int, indent: String) {
        for nodeId in graph.scopes[id].nodes { node(graph.nodes[nodeId], indent: indent) }
        for edge in graph.edges(in: id) {
            let arrow = edge.kind == .catch ? "-.->" : "-->"
            let label = edge.label.map { "|\(Self.quoted(TextMetrics.shortened($0)))| " } ?? ""
            lines.append("\(indent)n\(edge.from) \(arrow)\(label.isEmpty ? " " : label)n\(edge.to)")
        }
    }

    mutating func node(_ node: Graph.Node, indent: String) {
        let id = "n\(node.id)"
        guard let type = node.stateType else {
            let root = graph.scopes[node.scope].container == nil
            lines.append(root ? "\(indent)\(id)([\(Self.quoted(node.name))])" : "\(indent)\(id)((\" \"))")
            return
        }
        guard node.children.isEmpty else {
            lines.append("\(indent)subgraph \(id) [\(Self.quoted("\(TextMetrics.shortened(node.name)) (\(node.detail))"))]")
            lines.append("\(indent)    direction TB")
            for child in node.children {
                lines.append("\(indent)    subgraph s\(child) [\(Self.quoted(graph.scopes[child].title ?? ""))]")
                scope(child, indent: indent + "        ")
                lines.append("\(indent)    end")
            }
            lines.append("\(indent)end")
            return
        }
        let retry = node.retries.isEmpty ? "" : " ↻"
        let text = "\"\(Escaping.mermaid(TextMetrics.shortened(node.name)))<br/>\(Escaping.mermaid(TextMetrics.shortened(node.detail) + retry))\""
        switch type {
        case .choice: lines.append("\(indent)\(id){\(text)}")
        case .succeed, .fail: lines.append("\(indent)\(id)([\(text)])")
        default: lines.append("\(indent)\(id)[\(text)]")
        }
    }

    /// `classDef` for each status present, then the states that have it.
    mutating func classes() {
        guard let colouring else { return }
        for status in StateStatus.allCases {
            let members = graph.nodes.filter { !$0.isTerminal && colouring.status(of: $0.id) == status }.map { "n\($0.id)" }
            guard !members.isEmpty else { continue }
            let name = status.rawValue.filter { $0 != "-" }
            let colours = status.colours
            lines.append("    classDef \(name) fill:\(colours.fill),stroke:\(colours.stroke),color:\(colours.text)")
            lines.append("    class \(members.joined(separator: ",")) \(name)")
        }
    }
}
