/// The pictures the graph engine writes.
package enum GraphFormat: String, Sendable, CaseIterable {
    case svg
    case mermaid
    case dot
}

extension Graph {
    /// The graph in `format`, coloured by an execution when `colouring` is given.
    package func rendered(as format: GraphFormat, colouring: ExecutionColouring? = nil) -> String {
        switch format {
        case .svg: SVGRenderer.render(GraphLayout(self), colouring: colouring)
        case .mermaid: MermaidRenderer.render(self, colouring: colouring)
        case .dot: DOTRenderer.render(self, colouring: colouring)
        }
    }
}
