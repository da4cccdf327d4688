import StatesLanguage

extension SVGRenderer {
    /// A terminal, a state box, or a Parallel/Map box with its scopes inside.
    mutating func node(_ node: Graph.Node) {
        let box = layout.nodes[node.id]
        guard let type = node.stateType else { return terminal(node, box) }
        let status = colouring?.status(of: node.id)
        let colours = status?.colours ?? ("#ffffff", Self.ink, "#212529")
        var classes = "sw-state sw-\(type.rawValue.lowercased())"
        if let status { classes += " sw-\(status.rawValue)" }
        var attributes = "class=\"\(classes)\" data-state=\"\(Escaping.xml(node.name))\""
        if let status { attributes += " data-status=\"\(status.rawValue)\"" }
        lines.append("<g \(attributes)><title>\(Escaping.xml(tooltip(node, status)))</title>")
        lines.append(shape(type, box, fill: colours.0, stroke: colours.1))
        let header = node.children.isEmpty ? box.midY - Metrics.stateHeight / 2 : box.y
        let name = TextMetrics.shortened(node.name)
        lines.append(text(name, x: box.midX, y: header + 19, size: Metrics.nameFont, fill: colours.2, extra: " font-weight=\"600\""))
        lines.append(text(TextMetrics.shortened(node.detail), x: box.midX, y: header + 34, size: Metrics.detailFont, fill: colours.2))
        if !node.retries.isEmpty {
            lines.append(
                text("↻", x: box.maxX - 11, y: box.y + 15, size: 13, fill: "#e67700", extra: " class=\"sw-retry\" font-weight=\"700\""))
        }
        lines.append("</g>")
        for child in node.children { scope(child) }
    }

    /// The tooltip: the full name, the type, the Retry rules, the status.
    func tooltip(_ node: Graph.Node, _ status: StateStatus?) -> String {
        var text = "\(node.name)\n\(node.detail)"
        for retry in node.retries { text += "\nRetry: \(retry)" }
        if let status { text += "\n\(status.title)" }
        return text
    }

    /// Choice: a hexagon; Succeed and Fail: a pill; Parallel and Map: a large box; others: a rounded box.
    func shape(_ type: StateType, _ box: Rect, fill: String, stroke: String) -> String {
        let width = " stroke-width=\"1.5\""
        switch type {
        case .choice:
            let inset = 12.0
            let points = [
                (box.x + inset, box.y), (box.maxX - inset, box.y), (box.maxX, box.midY), (box.maxX - inset, box.maxY), (box.x + inset, box.maxY),
                (box.x, box.midY),
            ]
            let list = points.map { "\(formatted($0.0)),\(formatted($0.1))" }.joined(separator: " ")
            return "<polygon points=\"\(list)\" fill=\"\(fill)\" stroke=\"\(stroke)\"\(width)/>"
        case .succeed, .fail: return rect(box, radius: box.height / 2, fill: fill, stroke: stroke, extra: width)
        case .parallel, .map: return rect(box, radius: 8, fill: fill, stroke: stroke, extra: width + " fill-opacity=\"0.6\"")
        default: return rect(box, radius: 6, fill: fill, stroke: stroke, extra: width)
        }
    }

    /// The top level's Start and End as dark pills; a nested scope's as small dots.
    mutating func terminal(_ node: Graph.Node, _ box: Rect) {
        let kind = node.kind == .start ? "start" : "end"
        guard graph.scopes[node.scope].container == nil else {
            let radius = box.width / 2
            let fill = node.kind == .start ? Self.ink : "#ffffff"
            lines.append(
                "<circle class=\"sw-\(kind)\" cx=\"\(formatted(box.midX))\" cy=\"\(formatted(box.midY))\" r=\"\(formatted(radius - 1))\" "
                    + "fill=\"\(fill)\" stroke=\"\(Self.ink)\" stroke-width=\"2\"/>")
            return
        }
        lines.append(
            "<g class=\"sw-\(kind)\">\(rect(box, radius: box.height / 2, fill: Self.ink, stroke: Self.ink))"
                + text(node.name, x: box.midX, y: box.midY + 4, size: 12, fill: "#ffffff", extra: " font-weight=\"600\"") + "</g>")
    }
}
