import StatesLanguage
import StepwiseGraph

/// The graphs the console draws: each definition parsed and laid out once, each picture rendered once per
/// state machine revision or per execution and history length (on the worker queue).
struct PictureCache: Sendable {
    private let layouts = LRUCache<String, GraphLayout>(capacity: 16)
    private let pictures = LRUCache<String, String>(capacity: 32)

    /// The layout of `definition`; nil when it does not parse.
    func layout(_ definition: String, type: Validator.MachineType) async -> GraphLayout? {
        if let layout = layouts[definition] { return layout }
        let layout = await Worker.run { () -> GraphLayout? in
            guard let parsed = try? StateMachineDefinition(text: definition, type: type) else { return nil }
            return GraphLayout(Graph(parsed))
        }
        layouts[definition] = layout
        return layout
    }

    /// The SVG of `layout`, coloured by `trace` when given; `key` names the picture (the state machine's
    /// revision, or the execution and how many of its events the trace has read).
    func svg(key: String, layout: GraphLayout?, trace: ExecutionTrace? = nil) async -> String? {
        guard let layout else { return nil }
        if let picture = pictures[key] { return picture }
        let picture = await Worker.run { SVGRenderer.render(layout, colouring: trace?.colouring) }
        pictures[key] = picture
        return picture
    }
}
