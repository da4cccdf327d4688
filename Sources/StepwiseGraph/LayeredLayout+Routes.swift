extension LayeredLayout {
    /// Every link's route from its source's port to its target's port: out of the bottom and into the top
    /// for downward links, the other way round for reversed ones. Links sharing a side of a box get ports
    /// spread over its middle, sorted by where they go, so parallel links stay apart.
    func routes() -> [EdgeRoute] {
        var attachments: [Side: [(link: Int, towards: Double)]] = [:]
        for link in links.indices where !chains[link].isEmpty {
            let chain = chains[link]
            attachments[Side(vertex: chain[0], bottom: true), default: []].append((link, x[chain[1]]))
            attachments[Side(vertex: chain[chain.count - 1], bottom: false), default: []].append((link, x[chain[chain.count - 2]]))
        }
        var ports: [Side: [Int: Double]] = [:]
        for (side, list) in attachments {
            let sorted = list.sorted { $0.towards != $1.towards ? $0.towards < $1.towards : $0.link < $1.link }
            let frame = frame(side.vertex)
            for (index, entry) in sorted.enumerated() {
                let fraction = sorted.count == 1 ? 0.5 : 0.2 + 0.6 * Double(index) / Double(sorted.count - 1)
                ports[side, default: [:]][entry.link] = (frame.x + frame.width * fraction).rounded()
            }
        }
        return links.indices.map { link in
            chains[link].isEmpty ? loop(link) : route(link, ports: ports)
        }
    }

    /// One side of a box where links attach.
    struct Side: Hashable {
        var vertex: Int
        var bottom: Bool
    }

    /// The route bends only between layers: a box shorter than its layer and every dummy get vertical
    /// segments across the layer's full height, so no curve passes through a tall neighbour (a Parallel or Map).
    private func route(_ link: Int, ports: [Side: [Int: Double]]) -> EdgeRoute {
        let chain = chains[link]
        let upper = chain[0]
        let lower = chain[chain.count - 1]
        let start = ports[Side(vertex: upper, bottom: true)]?[link] ?? frame(upper).midX
        var points = [Point(start, frame(upper).maxY), Point(start, layerBottom(upper))]
        var label: Rect?
        for vertex in chain.dropFirst().dropLast() {
            let box = frame(vertex)
            // The line runs down a label's left edge; the text sits to its right.
            let x = vertices[vertex].isLabel ? box.x + 1 : box.midX
            if vertices[vertex].isLabel { label = Rect(x: box.x + 6, y: box.y, width: box.width - 6, height: box.height) }
            points += [Point(x, layerTop[vertices[vertex].layer]), Point(x, layerBottom(vertex))]
        }
        let end = ports[Side(vertex: lower, bottom: false)]?[link] ?? frame(lower).midX
        points += [Point(end, layerTop[vertices[lower].layer]), Point(end, frame(lower).y)]
        points = points.enumerated().filter { $0.offset == 0 || points[$0.offset - 1] != $0.element }.map(\.element)
        return EdgeRoute(points: reversed[link] ? points.reversed() : points, label: label)
    }

    private func layerBottom(_ vertex: Int) -> Double {
        layerTop[vertices[vertex].layer] + layerHeight[vertices[vertex].layer]
    }

    /// A self-loop: out of the right side, round, and back in a little lower.
    private func loop(_ link: Int) -> EdgeRoute {
        let box = frame(links[link].from)
        let outside = box.maxX + Self.loopWidth - 4
        let points = [
            Point(box.maxX, box.midY - 8), Point(outside, box.midY - 8), Point(outside, box.midY + 8), Point(box.maxX, box.midY + 8),
        ]
        let label = links[link].label.map { Rect(x: outside + 4, y: box.midY - $0.height / 2, width: $0.width, height: $0.height) }
        return EdgeRoute(points: points, label: label, isLoop: true)
    }
}
