import JSON

/// A compiled JSONPath as ASL uses it (asl-reference §3.2): rooted at `$` (input), `$$` (context object) or
/// `$name` (a variable), with Jayway JsonPath's grammar and semantics after the root.
///
/// Parse once with `init(_:)`, evaluate many times with `value(in:)`: the text is compiled into `segments`
/// and never looked at again. Equality and hashing go by the text, which fully determines the semantics.
package struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// What the path starts from.
    package enum Root: Sendable, Hashable {
        /// `$`: the input being processed.
        case input
        /// `$$`: the context object.
        case context
        /// `$name`: a workflow variable.
        case variable(String)
    }

    package let text: String
    package let root: Root
    /// The compiled steps after the root, in order.
    let segments: [Segment]
    /// A trailing `.length()`-style function, applied to what `segments` select.
    let function: PathFunction?
    /// Whether `segments` select at most one node (Jayway's "definite path").
    let isDefinite: Bool

    package var description: String { text }

    /// Parses a Path; throws with a message naming what is wrong and where.
    package init(_ text: String) throws(PathSyntaxError) {
        var parser = JSONPathParser(text)
        let parsed = try parser.parsePath()
        self.init(text: text, root: parsed.root, segments: parsed.segments, function: parsed.function)
    }

    init(text: String, root: Root, segments: [Segment], function: PathFunction?) {
        self.text = text
        self.root = root
        self.segments = segments
        self.function = function
        self.isDefinite = Segment.isDefinite(segments)
    }

    /// The path `$` (the whole input), whose evaluation is a no-op.
    package static let wholeInput = JSONPath(text: "$", root: .input, segments: [], function: nil)

    /// True for `$` alone: selecting it returns the input unchanged.
    package var isWholeInput: Bool { root == .input && segments.isEmpty && function == nil }

    /// True when the path is a Reference Path (asl-reference §3.2): only member names and single indexes,
    /// so it selects a single node and can be written to.
    package var isReferencePath: Bool {
        function == nil && segments.allSatisfy(\.isReferenceStep)
    }

    /// Whether the result is a single node (`$.a[0]`) rather than a list of matches (`$.a[*]`). A definite path
    /// that matches nothing is a miss (`nil`); an indefinite one gives an empty array.
    package var isSingular: Bool { isDefinite || function != nil }

    package static func == (lhs: JSONPath, rhs: JSONPath) -> Bool { lhs.text == rhs.text }
    package func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
