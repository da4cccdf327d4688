extension SVGRenderer {
    /// One transition: a smooth path along its route, an arrowhead, and its label on a white patch.
    mutating func edge(_ edge: Graph.Edge) {
        let route = layout.routes[edge.id]
        guard let first = route.points.first else { return }
        let isCatch = edge.kind == .catch
        let colour = isCatch ? Self.catchInk : Self.edgeInk
        let from = Escaping.xml(graph.nodes[edge.from].name)
        let to = Escaping.xml(graph.nodes[edge.to].name)
        var parts = ["<g class=\"sw-edge sw-\(edge.kind.rawValue)\" data-from=\"\(from)\" data-to=\"\(to)\">"]
        if let label = edge.label { parts.append("<title>\(Escaping.xml(label))</title>") }
        let dash = isCatch ? " stroke-dasharray=\"5 3\"" : ""
        let marker = isCatch ? "sw-arrow-catch" : "sw-arrow"
        parts.append(
            "<path d=\"\(Self.path(route, from: first))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.4\"\(dash) "
                + "marker-end=\"url(#\(marker))\"/>")
        if let box = route.label, let label = layout.labelText(edge) {
            parts.append(rect(box, radius: 3, fill: "#ffffff", stroke: "none", extra: " fill-opacity=\"0.85\""))
            parts.append(
                text(label, x: box.x + 4, y: box.maxY - 4, size: Metrics.labelFont, fill: isCatch ? Self.catchInk : "#495057", anchor: "start"))
        }
        parts.append("</g>")
        lines.append(parts.joined())
    }

    /// Straight segments for a self-loop; otherwise cubic curves leaving and entering each point vertically.
    static func path(_ route: EdgeRoute, from first: Point) -> String {
        var d = "M\(formatted(first.x)),\(formatted(first.y))"
        var previous = first
        for point in route.points.dropFirst() {
            if route.isLoop {
                d += "L\(formatted(point.x)),\(formatted(point.y))"
            } else {
                let middle = formatted((previous.y + point.y) / 2)
                d += "C\(formatted(previous.x)),\(middle) \(formatted(point.x)),\(middle) \(formatted(point.x)),\(formatted(point.y))"
            }
            previous = point
        }
        return d
    }
}
