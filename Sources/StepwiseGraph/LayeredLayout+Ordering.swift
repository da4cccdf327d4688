extension LayeredLayout {
    /// The sweeps tried; the ordering with the fewest crossings seen is kept.
    static let sweeps = 8

    /// Each vertex's neighbours on the layer above and on the layer below, through the chains.
    func neighbours() -> (above: [[Int]], below: [[Int]]) {
        var above = Array(repeating: [Int](), count: vertices.count)
        var below = Array(repeating: [Int](), count: vertices.count)
        for chain in chains where chain.count > 1 {
            for index in 1..<chain.count {
                above[chain[index]].append(chain[index - 1])
                below[chain[index - 1]].append(chain[index])
            }
        }
        return (above, below)
    }

    /// Crossing reduction: alternate downward and upward barycenter sweeps; ties keep the current order.
    mutating func orderLayers() {
        let (above, below) = neighbours()
        var position = Array(repeating: 0, count: vertices.count)
        func record(_ layers: [[Int]]) {
            for layer in layers { for (index, vertex) in layer.enumerated() { position[vertex] = index } }
        }
        record(layers)
        var best = layers
        var fewest = crossings(layers, below: below, position: position)
        var sweep = 0
        while sweep < Self.sweeps, fewest > 0 {
            let downward = sweep % 2 == 0
            let order = downward ? Array(layers.indices.dropFirst()) : Array(layers.indices.dropLast().reversed())
            for layer in order {
                let fixed = downward ? above : below
                layers[layer] = Self.sorted(layers[layer], by: fixed, position: position)
                for (index, vertex) in layers[layer].enumerated() { position[vertex] = index }
            }
            let count = crossings(layers, below: below, position: position)
            if count < fewest {
                fewest = count
                best = layers
            }
            sweep += 1
        }
        layers = best
    }

    /// A layer sorted by the mean position of each vertex's neighbours on the fixed layer; a vertex without
    /// any keeps its own position as its key.
    static func sorted(_ layer: [Int], by fixed: [[Int]], position: [Int]) -> [Int] {
        let keyed = layer.map { vertex -> (key: Double, position: Int, vertex: Int) in
            let neighbours = fixed[vertex]
            let key =
                neighbours.isEmpty
                ? Double(position[vertex]) : Double(neighbours.reduce(0) { $0 + position[$1] }) / Double(neighbours.count)
            return (key, position[vertex], vertex)
        }
        return keyed.sorted { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }.map(\.vertex)
    }

    /// The number of pairs of links that cross between adjacent layers: per layer, the inversions of the
    /// lower ends once the links are sorted by their upper ends, counted with a Fenwick tree (O(e log e)).
    func crossings(_ layers: [[Int]], below: [[Int]], position: [Int]) -> Int {
        var total = 0
        for layer in layers {
            var segments: [(upper: Int, lower: Int)] = []
            for vertex in layer { for lower in below[vertex] { segments.append((position[vertex], position[lower])) } }
            segments.sort { $0.upper != $1.upper ? $0.upper < $1.upper : $0.lower < $1.lower }
            let size = (segments.map(\.lower).max() ?? 0) + 1
            var tree = Array(repeating: 0, count: size + 1)
            for (seen, segment) in segments.enumerated() {
                var index = segment.lower + 1
                var notAbove = 0
                while index > 0 {
                    notAbove += tree[index]
                    index -= index & -index
                }
                total += seen - notAbove
                index = segment.lower + 1
                while index <= size {
                    tree[index] += 1
                    index += index & -index
                }
            }
        }
        return total
    }
}
