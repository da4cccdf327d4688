/// A self-contained SVG document of a laid-out graph: presentation attributes inline (no stylesheet, script or
/// external reference), every user text XML-escaped, classes and `data-` attributes for a page to style and
/// script it (`sw-state`, `sw-<status>`, `data-state`). With a colouring, states are filled by status and a
/// legend is drawn below the graph.
package struct SVGRenderer {
    static let legendHeight = 34.0
    static let ink = "#343a40"
    static let edgeInk = "#868e96"
    static let catchInk = "#e8590c"
    static let fontFamily = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"

    let layout: GraphLayout
    let colouring: ExecutionColouring?
    var lines: [String] = []

    package static func render(_ layout: GraphLayout, colouring: ExecutionColouring? = nil) -> String {
        var renderer = SVGRenderer(layout: layout, colouring: colouring)
        renderer.document()
        return renderer.lines.joined(separator: "\n") + "\n"
    }

    var graph: Graph { layout.graph }

    mutating func document() {
        let legend = colouring.map { _ in Self.legendWidth() }
        let width = max(layout.width, (legend ?? 0) + 2 * GraphLayout.margin)
        let height = layout.height + (legend == nil ? 0 : Self.legendHeight)
        let size = "width=\"\(formatted(width))\" height=\"\(formatted(height))\" viewBox=\"0 0 \(formatted(width)) \(formatted(height))\""
        lines.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stepwise-graph\" \(size) font-family=\"\(Self.fontFamily)\" role=\"img\">")
        lines.append("<defs>")
        for (id, colour) in [("sw-arrow", Self.edgeInk), ("sw-arrow-catch", Self.catchInk)] {
            lines.append(
                "<marker id=\"\(id)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                    + "<path d=\"M0,0L10,5L0,10z\" fill=\"\(colour)\"/></marker>")
        }
        lines.append("</defs>")
        lines.append("<rect class=\"sw-canvas\" x=\"0\" y=\"0\" width=\"\(formatted(width))\" height=\"\(formatted(height))\" fill=\"#ffffff\"/>")
        if !graph.scopes.isEmpty { scope(0) }
        if colouring != nil { legendRow(top: layout.height) }
        lines.append("</svg>")
    }

    /// A scope: its frame (nested scopes), its edges, then its nodes (containers draw their scopes inside).
    mutating func scope(_ id: Int) {
        let scope = graph.scopes[id]
        if let title = scope.title {
            let frame = layout.frames[id]
            lines.append(
                "<g class=\"sw-scope\">\(rect(frame, radius: 6, fill: "#ffffff", stroke: "#ced4da", extra: " stroke-dasharray=\"4 3\""))"
                    + text(title, x: frame.x + 8, y: frame.y + 13, size: 10, fill: "#868e96", anchor: "start") + "</g>")
        }
        for edge in graph.edges(in: id) { self.edge(edge) }
        for node in scope.nodes { self.node(graph.nodes[node]) }
    }

    /// `<rect>` with presentation attributes.
    func rect(_ box: Rect, radius: Double, fill: String, stroke: String, extra: String = "") -> String {
        "<rect x=\"\(formatted(box.x))\" y=\"\(formatted(box.y))\" width=\"\(formatted(box.width))\" height=\"\(formatted(box.height))\" "
            + "rx=\"\(formatted(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\"\(extra)/>"
    }

    /// `<text>` of user data, escaped.
    func text(_ content: String, x: Double, y: Double, size: Double, fill: String, anchor: String = "middle", extra: String = "") -> String {
        "<text x=\"\(formatted(x))\" y=\"\(formatted(y))\" font-size=\"\(formatted(size))\" fill=\"\(fill)\" text-anchor=\"\(anchor)\"\(extra)>"
            + "\(Escaping.xml(content))</text>"
    }

    static func legendWidth() -> Double {
        StateStatus.allCases.reduce(0) { $0 + legendItemWidth($1) }
    }

    static func legendItemWidth(_ status: StateStatus) -> Double {
        20 + TextMetrics.width(status.title, fontSize: 11) + 16
    }

    /// The colours' meanings, one swatch each, under the graph.
    mutating func legendRow(top: Double) {
        var x = GraphLayout.margin
        var items: [String] = []
        for status in StateStatus.allCases {
            let colours = status.colours
            let swatch = Rect(x: x, y: top + 6, width: 14, height: 14)
            items.append(rect(swatch, radius: 3, fill: colours.fill, stroke: colours.stroke))
            items.append(text(status.title, x: x + 20, y: top + 17, size: 11, fill: Self.ink, anchor: "start"))
            x += Self.legendItemWidth(status)
        }
        lines.append("<g class=\"sw-legend\">" + items.joined() + "</g>")
    }
}
