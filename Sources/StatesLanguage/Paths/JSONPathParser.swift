/// Compiles JSONPath text into `JSONPath.Segment`s (asl-reference §3.2, Jayway grammar), one Unicode scalar at
/// a time. Paths are short and parsed once per definition, so clarity wins over speed here.
struct JSONPathParser {
    struct Parsed {
        var root: JSONPath.Root
        var segments: [JSONPath.Segment]
        var function: PathFunction?
    }

    let text: String
    let scalars: [Unicode.Scalar]
    var position = 0
    /// How deep the filter being parsed is nested (see ``deepen()``).
    var depth = 0

    /// The deepest filter nesting accepted. Jayway has no limit (its recursion ends in a Java stack overflow);
    /// no path written by hand comes close.
    static let maxDepth = 100

    init(_ text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    var atEnd: Bool { position >= scalars.count }
    var current: Unicode.Scalar? { atEnd ? nil : scalars[position] }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    func error(_ message: String, at offset: Int? = nil) -> PathSyntaxError {
        PathSyntaxError(path: text, message: message, offset: offset ?? position)
    }

    /// `root segment*`, and nothing after.
    mutating func parsePath() throws(PathSyntaxError) -> Parsed {
        let root = try parseRoot()
        let (segments, function) = try parseSegments(inFilter: false)
        if let current { throw error("unexpected character '\(current)'") }
        return Parsed(root: root, segments: segments, function: function)
    }

    /// `$`, `$$` or `$name` (a Unicode identifier: ID_Start or `_`, then ID_Continue).
    mutating func parseRoot() throws(PathSyntaxError) -> JSONPath.Root {
        guard current == "$" else { throw error("a path must start with '$'", at: 0) }
        position += 1
        if current == "$" {
            position += 1
            return .context
        }
        guard let first = current, Self.isIdentifierStart(first) else { return .input }
        let start = position
        while let scalar = current, Self.isIdentifierContinue(scalar) { position += 1 }
        return .variable(String(String.UnicodeScalarView(scalars[start..<position])))
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || scalar.properties.isIDStart }
    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isIDContinue }

    /// Steps until something that is not a step; a function call must be the last step.
    mutating func parseSegments(inFilter: Bool) throws(PathSyntaxError) -> ([JSONPath.Segment], PathFunction?) {
        var segments: [JSONPath.Segment] = []
        while let scalar = current {
            if scalar == ".", peek(1) == "." {
                position += 2
                guard !atEnd else { throw error("a path must not end with '..'") }
                segments.append(.descendant(try parseDescendantTarget(inFilter: inFilter)))
            } else if scalar == "." {
                position += 1
                if current == "*" {
                    position += 1
                    segments.append(.wildcard)
                    continue
                }
                // Jayway's `readDotToken` reads the next token whatever it is, so `$.[0]` is `$[0]`.
                if current == "[" {
                    segments.append(try parseBracket())
                    continue
                }
                let name = try parseName(inFilter: inFilter)
                if current == "(" { return (segments, try parseFunction(named: name)) }
                segments.append(.member(name))
            } else if scalar == "[" {
                segments.append(try parseBracket())
            } else {
                break
            }
        }
        return (segments, nil)
    }

    mutating func parseDescendantTarget(inFilter: Bool) throws(PathSyntaxError) -> JSONPath.Segment {
        if current == "*" {
            position += 1
            return .wildcard
        }
        if current == "[" { return try parseBracket() }
        return .member(try parseName(inFilter: inFilter))
    }

    /// A dot-notation name: up to `.`, `[`, `(` (and, inside a filter, whitespace or an operator); `\` escapes.
    mutating func parseName(inFilter: Bool) throws(PathSyntaxError) -> String {
        var name = String.UnicodeScalarView()
        while let scalar = current, !Self.endsName(scalar, inFilter: inFilter) {
            if scalar == "\\" {
                guard let escaped = peek(1) else { throw error("dangling '\\' at the end of the path") }
                name.append(escaped)
                position += 2
            } else {
                name.append(scalar)
                position += 1
            }
        }
        guard !name.isEmpty else { throw error(atEnd ? "a path must not end with '.'" : "empty member name") }
        return String(name)
    }

    static func endsName(_ scalar: Unicode.Scalar, inFilter: Bool) -> Bool {
        switch scalar {
        case ".", "[", "(", " ", "\t", "\n", "\r": true
        case ")", "]", ",", "=", "!", "<", ">", "&", "|", "~": inFilter
        default: false
        }
    }

    /// `name()` at the end of a path: one of Jayway's functions, without arguments.
    mutating func parseFunction(named name: String) throws(PathSyntaxError) -> PathFunction {
        let start = position - name.unicodeScalars.count
        guard let function = PathFunction(rawValue: name) else { throw error("unknown function '\(name)()'", at: start) }
        position += 1
        guard current == ")" else { throw error("function '\(name)()' takes no arguments") }
        position += 1
        return function
    }

    mutating func skipSpaces() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { position += 1 }
    }

    mutating func expect(_ scalar: Unicode.Scalar) throws(PathSyntaxError) {
        guard current == scalar else {
            throw error(current.map { "expected '\(scalar)' but found '\($0)'" } ?? "expected '\(scalar)' at the end")
        }
        position += 1
    }
}
