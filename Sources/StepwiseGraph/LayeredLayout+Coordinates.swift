extension LayeredLayout {
    /// Passes of neighbour pulling; enough for the chains of dummies to straighten.
    static let placementPasses = 8

    /// Layer tops and heights: each layer as tall as its tallest vertex, boxes centred on the layer's middle.
    mutating func placeVertically() {
        layerHeight = layers.map { layer in layer.map { vertices[$0].height }.max() ?? 0 }
        layerTop = []
        var top = 0.0
        for height in layerHeight {
            layerTop.append(top)
            top += height + Self.layerGap
        }
    }

    /// x coordinates: packed first, then pulled towards the neighbours above (downward passes), below (upward
    /// passes) and finally both, each layer solved exactly under its order and gaps.
    mutating func placeHorizontally() {
        x = Array(repeating: 0, count: vertices.count)
        for layer in layers {
            let offsets = offsets(layer)
            for (index, vertex) in layer.enumerated() { x[vertex] = offsets[index] }
        }
        let (above, below) = neighbours()
        let both = vertices.indices.map { above[$0] + below[$0] }
        for pass in 0..<Self.placementPasses {
            let downward = pass % 2 == 0
            let order = downward ? Array(layers.indices) : Array(layers.indices.reversed())
            for layer in order { place(layer, towards: downward ? above : below) }
        }
        for layer in layers.indices { place(layer, towards: both) }
    }

    /// The left-to-right distance each vertex of a layer must keep from the first one.
    func offsets(_ layer: [Int]) -> [Double] {
        var offsets: [Double] = []
        var last = 0.0
        for (index, vertex) in layer.enumerated() {
            if index > 0 {
                let previous = layer[index - 1]
                let gap = vertices[previous].link != nil && vertices[vertex].link != nil ? Self.dummyGap : Self.boxGap
                last += vertices[previous].width / 2 + vertices[previous].rightExtra + gap + vertices[vertex].width / 2
            }
            offsets.append(last)
        }
        return offsets
    }

    /// Moves a layer's vertices as close as possible (least squares) to the mean x of their neighbours, keeping
    /// their order and gaps: with `x = z + offset`, that is an isotonic regression of `z`, solved by pooling
    /// adjacent violators. Dummies weigh more, so long links stay straight.
    mutating func place(_ layer: Int, towards neighbours: [[Int]]) {
        let members = layers[layer]
        guard !members.isEmpty else { return }
        let offsets = offsets(members)
        var blocks: [(sum: Double, weight: Double, count: Int)] = []
        for (index, vertex) in members.enumerated() {
            let targets = neighbours[vertex]
            let desired = targets.isEmpty ? x[vertex] : targets.reduce(0) { $0 + x[$1] } / Double(targets.count)
            let weight = (vertices[vertex].link != nil ? 2.0 : 1.0) * (targets.isEmpty ? 0.25 : 1)
            blocks.append((weight * (desired - offsets[index]), weight, 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1]
                let previous = blocks[blocks.count - 2]
                guard previous.sum / previous.weight > last.sum / last.weight else { break }
                blocks.removeLast(2)
                blocks.append((previous.sum + last.sum, previous.weight + last.weight, previous.count + last.count))
            }
        }
        var index = 0
        for block in blocks {
            for _ in 0..<block.count {
                x[members[index]] = block.sum / block.weight + offsets[index]
                index += 1
            }
        }
    }

    /// Shifts everything so the leftmost extent is 0 and rounds x to whole pixels; answers the size.
    mutating func normalise() -> (Double, Double) {
        let left = vertices.indices.map { x[$0] - vertices[$0].width / 2 }.min() ?? 0
        for index in x.indices { x[index] = (x[index] - left).rounded() }
        let right = vertices.indices.map { x[$0] + vertices[$0].width / 2 + vertices[$0].rightExtra }.max() ?? 0
        let bottom = (layerTop.last ?? 0) + (layerHeight.last ?? 0)
        return (right.rounded(.up), bottom)
    }
}
