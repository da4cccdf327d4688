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

    private func route(_ link: Int, ports: [Side: [Int: Double]]) -> EdgeRoute {
        let chain = chains[link]
        let upper = frame(chain[0])
        let lower = frame(chain[chain.count - 1])
        var points = [Point(ports[Side(vertex: chain[0], bottom: true)]?[link] ?? upper.midX, upper.maxY)]
        var label: Rect?
        for vertex in chain.dropFirst().dropLast() {
            let box = frame(vertex)
            if vertices[vertex].isLabel {
                // The line runs down the label's left edge; the text sits to its right.
                points.append(Point(box.x + 1, box.midY))
                label = Rect(x: box.x + 6, y: box.y, width: box.width - 6, height: box.height)
            } else {
                points.append(Point(box.midX, box.midY))
            }
        }
        points.append(Point(ports[Side(vertex: chain[chain.count - 1], bottom: false)]?[link] ?? lower.midX, lower.y))
        return EdgeRoute(points: reversed[link] ? points.reversed() : points, label: label)
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
