/// A layered (Sugiyama-style) layout of one scope: boxes of given sizes and directed links between them.
///
/// The steps are the classic ones: links that close a cycle are reversed (depth-first search from the start),
/// layers are assigned by longest path, links spanning several layers get a dummy vertex per layer (a
/// labelled link's first dummy carries its label, so labels take space like boxes and never cover one),
/// crossings are reduced by barycenter sweeps, and x coordinates come from a few passes that pull every vertex
/// towards its neighbours while keeping the order and the gaps (an isotonic regression per layer). Every step
/// works on arrays in input order, so the same input gives the same coordinates.
struct LayeredLayout {
    struct Size {
        var width: Double
        var height: Double
    }

    /// A directed link; `label` is the size of its label, if it has one.
    struct Link {
        var from: Int
        var to: Int
        var label: Size?
    }

    /// A box or a dummy: what the ordering and placement steps move.
    struct Vertex {
        var width: Double
        var height: Double
        var layer = 0
        /// The link a dummy belongs to; nil for boxes.
        var link: Int?
        var isLabel = false
        /// Extra room on the right (a self-loop and its label).
        var rightExtra = 0.0
    }

    static let layerGap = 30.0
    static let boxGap = 24.0
    static let dummyGap = 10.0
    static let dummyWidth = 2.0
    static let loopWidth = 22.0

    let sizes: [Size]
    let links: [Link]
    var vertices: [Vertex] = []
    /// Each link's vertices from its upper end to its lower end (after reversal); empty for self-loops.
    var chains: [[Int]] = []
    var reversed: [Bool] = []
    var layers: [[Int]] = []
    var x: [Double] = []
    var layerTop: [Double] = []
    var layerHeight: [Double] = []
    private(set) var width = 0.0
    private(set) var height = 0.0

    /// Lays out `sizes` boxes; `first` and `last` (Start and End) are kept on the first and last layers.
    init(sizes: [Size], links: [Link], first: Int, last: Int) {
        self.sizes = sizes
        self.links = links
        vertices = sizes.map { Vertex(width: $0.width, height: $0.height) }
        reversed = reversedLinks(from: first)
        assignLayers(first: first, last: last)
        insertDummies()
        orderLayers()
        placeVertically()
        placeHorizontally()
        (width, height) = normalise()
    }

    /// The centre of box `index`.
    func center(_ index: Int) -> Point { Point(x[index], layerTop[vertices[index].layer] + layerHeight[vertices[index].layer] / 2) }

    /// The box of vertex `index`.
    func frame(_ index: Int) -> Rect { Rect(center: center(index), width: vertices[index].width, height: vertices[index].height) }
}
