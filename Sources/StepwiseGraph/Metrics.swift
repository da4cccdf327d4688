/// Sizes of boxes, labels and nested frames; the renderers draw to the same figures.
enum Metrics {
    static let nameFont = 13.0
    static let detailFont = 11.0
    static let labelFont = 11.0
    static let stateHeight = 46.0
    static let minimumStateWidth = 110.0
    static let statePadding = 14.0
    /// Room for the Retry mark in a box's top-right corner.
    static let retryMark = 18.0
    static let terminalSize = LayeredLayout.Size(width: 64, height: 28)
    /// A nested scope's Start and End: small dots.
    static let dotSize = LayeredLayout.Size(width: 14, height: 14)
    static let labelHeight = 16.0
    /// The width a box gives each edge that ends on it, so many edges on one side stay apart.
    static let portSpacing = 12.0
    /// A Parallel or Map box: the header with its name and type, then its scopes' frames side by side.
    static let containerHeader = 42.0
    static let containerPadding = 10.0
    static let frameGap = 12.0
    static let framePadding = 10.0
    static let frameTitle = 16.0

    /// A width rounded up to an even number of pixels, so centres fall on whole pixels.
    static func even(_ width: Double) -> Double { (width / 2).rounded(.up) * 2 }

    /// A box wide enough for its text and for `links` edge ends spread along its sides.
    static func size(of node: Graph.Node, scope: Graph.Scope, links: Int = 0) -> LayeredLayout.Size {
        guard !node.isTerminal else { return scope.container == nil ? terminalSize : dotSize }
        let text = max(
            TextMetrics.width(TextMetrics.shortened(node.name), fontSize: nameFont),
            TextMetrics.width(TextMetrics.shortened(node.detail), fontSize: detailFont))
        let mark = node.retries.isEmpty ? 0 : retryMark
        let ports = Double(links) * portSpacing
        return LayeredLayout.Size(width: even(max(minimumStateWidth, text + 2 * statePadding + mark, ports)), height: stateHeight)
    }

    static func labelSize(_ label: String) -> LayeredLayout.Size {
        LayeredLayout.Size(width: even(TextMetrics.width(TextMetrics.shortened(label), fontSize: labelFont) + 16), height: labelHeight)
    }

    /// A frame around a nested scope whose layout is `size`.
    static func frameSize(_ size: LayeredLayout.Size) -> LayeredLayout.Size {
        LayeredLayout.Size(width: size.width + 2 * framePadding, height: size.height + frameTitle + 2 * framePadding)
    }

    static func containerSize(_ node: Graph.Node, children: [LayeredLayout.Size]) -> LayeredLayout.Size {
        let frames = children.map(frameSize)
        let content = frames.reduce(0) { $0 + $1.width } + frameGap * Double(max(frames.count - 1, 0))
        let header = size(of: node, scope: Graph.Scope(id: 0, container: nil, title: nil)).width
        let tallest = frames.map(\.height).max() ?? 0
        return LayeredLayout.Size(
            width: even(max(header, content + 2 * containerPadding)), height: containerHeader + tallest + containerPadding)
    }

    /// The frames of a container's scopes: side by side under its header, centred, top-aligned.
    static func childFrames(in box: Rect, children: [LayeredLayout]) -> [Rect] {
        let sizes = children.map { frameSize(LayeredLayout.Size(width: $0.width, height: $0.height)) }
        let content = sizes.reduce(0) { $0 + $1.width } + frameGap * Double(max(sizes.count - 1, 0))
        var left = box.x + ((box.width - content) / 2).rounded(.down)
        return sizes.map { size in
            defer { left += size.width + frameGap }
            return Rect(x: left, y: box.y + containerHeader, width: size.width, height: size.height)
        }
    }
}
