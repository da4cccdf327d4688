extension LayeredLayout {
    /// Marks the links that close a cycle, found by an iterative depth-first search from `first` and then from
    /// every box not reached yet, in input order. Self-loops are not marked: they stay out of the layering.
    func reversedLinks(from first: Int) -> [Bool] {
        var outgoing = Array(repeating: [Int](), count: sizes.count)
        for (index, link) in links.enumerated() where link.from != link.to { outgoing[link.from].append(index) }
        var result = Array(repeating: false, count: links.count)
        // 0: not seen, 1: on the stack, 2: done.
        var state = Array(repeating: 0, count: sizes.count)
        for root in [first] + Array(sizes.indices) where state[root] == 0 {
            var stack: [(vertex: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                guard top.next < outgoing[top.vertex].count else {
                    state[top.vertex] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let link = outgoing[top.vertex][top.next]
                let target = links[link].to
                if state[target] == 1 {
                    result[link] = true
                } else if state[target] == 0 {
                    state[target] = 1
                    stack.append((target, 0))
                }
            }
        }
        return result
    }

    /// The link's ends with cycles broken: upper end first.
    func oriented(_ link: Int) -> (upper: Int, lower: Int) {
        reversed[link] ? (links[link].to, links[link].from) : (links[link].from, links[link].to)
    }

    /// Longest-path layering over the acyclic links (a labelled link spans at least two layers, its label
    /// taking the layer between); `first` on layer 0, `last` alone below everything else.
    mutating func assignLayers(first: Int, last: Int) {
        var outgoing = Array(repeating: [Int](), count: sizes.count)
        var incoming = Array(repeating: 0, count: sizes.count)
        for link in links.indices where links[link].from != links[link].to {
            let (upper, lower) = oriented(link)
            outgoing[upper].append(link)
            incoming[lower] += 1
        }
        var layer = Array(repeating: 0, count: sizes.count)
        var ready = sizes.indices.filter { incoming[$0] == 0 }
        var cursor = 0
        while cursor < ready.count {
            let vertex = ready[cursor]
            cursor += 1
            for link in outgoing[vertex] {
                let lower = oriented(link).lower
                layer[lower] = max(layer[lower], layer[vertex] + (links[link].label == nil ? 1 : 2))
                incoming[lower] -= 1
                if incoming[lower] == 0 { ready.append(lower) }
            }
        }
        let deepest = sizes.indices.filter { $0 != last }.map { layer[$0] }.max() ?? 0
        layer[first] = 0
        layer[last] = max(layer[last], deepest + 1)
        for index in sizes.indices { vertices[index].layer = layer[index] }
    }

    /// Dummy vertices allowed in one scope. Past it, the longest links are drawn straight from end to end
    /// (their labels still get their place), so thousands of long loops in one definition stay fast and small.
    static let dummyBudget = 20_000

    /// Replaces every link spanning several layers by a chain through one dummy per layer crossed, shortest
    /// links first while the budget lasts.
    mutating func insertDummies() {
        let spans = links.indices.map { link in
            links[link].from == links[link].to ? 0 : vertices[oriented(link).lower].layer - vertices[oriented(link).upper].layer
        }
        var budget = Self.dummyBudget
        var full = Array(repeating: false, count: links.count)
        for link in links.indices.sorted(by: { (spans[$0], $0) < (spans[$1], $1) }) where spans[link] > 1 {
            guard spans[link] - 1 <= budget else { break }
            budget -= spans[link] - 1
            full[link] = true
        }
        chains = links.indices.map { chain($0, span: spans[$0], full: full[$0]) }
        for link in links.indices where links[link].from == links[link].to {
            let label = links[link].label?.width ?? 0
            vertices[links[link].from].rightExtra = max(vertices[links[link].from].rightExtra, Self.loopWidth + label + 4)
        }
        let count = (vertices.map(\.layer).max() ?? 0) + 1
        layers = Array(repeating: [], count: count)
        for index in vertices.indices { layers[vertices[index].layer].append(index) }
    }

    /// A link's vertices from its upper end to its lower end: a dummy per layer crossed (`full`), or only its
    /// label's, next to the link's source; empty for a self-loop.
    private mutating func chain(_ link: Int, span: Int, full: Bool) -> [Int] {
        guard links[link].from != links[link].to else { return [] }
        let (upper, lower) = oriented(link)
        let labelStep = links[link].label == nil ? nil : (reversed[link] ? span - 1 : 1)
        var chain = [upper]
        for step in 1..<max(span, 1) where full || step == labelStep {
            let isLabel = step == labelStep
            let size = isLabel ? links[link].label! : Size(width: Self.dummyWidth, height: 0)
            chain.append(vertices.count)
            vertices.append(Vertex(width: size.width, height: size.height, layer: vertices[upper].layer + step, link: link, isLabel: isLabel))
        }
        return chain + [lower]
    }
}
