import JSON

/// Parses the text of an intrinsic call (asl-reference §4): `States.Name(arg, …)` where an argument is a
/// single-quoted string, a number, `true`/`false`/`null`, a path (`$…`, `$$…`, `$name…`) or another call.
struct IntrinsicParser {
    /// AWS allows at most 10 levels of calls, the outermost included.
    static let maxDepth = 10

    private let text: String
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
    }

    /// The one call that must make up the whole text (surrounding whitespace allowed).
    mutating func parse() throws(IntrinsicSyntaxError) -> IntrinsicCall {
        skipWhitespace()
        let call = try parseCall(depth: 1)
        skipWhitespace()
        guard position == scalars.count else { throw failure("unexpected text after the closing ')'") }
        return call
    }

    private mutating func parseCall(depth: Int) throws(IntrinsicSyntaxError) -> IntrinsicCall {
        guard depth <= Self.maxDepth else {
            throw failure("intrinsic functions can be nested at most \(Self.maxDepth) levels deep")
        }
        let word = readWord()
        guard let name = IntrinsicName(rawValue: word) else { throw failure("unknown intrinsic function '\(word)'") }
        skipWhitespace()
        guard take("(") else { throw failure("expected '(' after \(word)") }
        var arguments: [IntrinsicArgument] = []
        skipWhitespace()
        if !take(")") {
            while true {
                skipWhitespace()
                arguments.append(try parseArgument(depth: depth))
                skipWhitespace()
                if take(")") { break }
                guard take(",") else { throw failure("expected ',' or ')' in the arguments of \(word)") }
            }
        }
        let call = IntrinsicCall(name: name, arguments: arguments)
        try check(call)
        return call
    }

    private mutating func parseArgument(depth: Int) throws(IntrinsicSyntaxError) -> IntrinsicArgument {
        guard let first = peek() else { throw failure("missing argument") }
        switch first {
        case "'": return try parseString()
        case "$": return try parsePath()
        case "-", "0"..."9": return try parseNumber()
        default:
            let start = position
            let word = readWord()
            switch word {
            case "true": return .literal(true)
            case "false": return .literal(false)
            case "null": return .literal(.null)
            case "": throw failure("unexpected character '\(first)'")
            default:
                position = start
                return .call(try parseCall(depth: depth + 1))
            }
        }
    }

    /// `'…'`: a backslash makes the next character literal (`\'`, `\{`, `\}`, `\\`).
    private mutating func parseString() throws(IntrinsicSyntaxError) -> IntrinsicArgument {
        position += 1
        var value = String.UnicodeScalarView()
        var raw = String.UnicodeScalarView()
        while let scalar = next() {
            switch scalar {
            case "'": return .string(String(value), raw: String(raw))
            case "\\":
                guard let escaped = next() else { break }
                value.append(escaped)
                raw.append(contentsOf: ["\\", escaped])
            default:
                value.append(scalar)
                raw.append(scalar)
            }
        }
        throw failure("unterminated string literal")
    }
}

extension IntrinsicParser {
    /// A path runs to the first `,` or `)` outside brackets, parentheses and quotes (filters may hold both).
    private mutating func parsePath() throws(IntrinsicSyntaxError) -> IntrinsicArgument {
        let start = position
        var depth = 0
        var quote: Unicode.Scalar?
        scan: while let scalar = peek() {
            if let open = quote {
                if scalar == "\\" { position += 1 } else if scalar == open { quote = nil }
            } else {
                switch scalar {
                case "'", "\"": quote = scalar
                case "[", "(": depth += 1
                case ",", ")", "]":
                    if depth == 0 { break scan }
                    if scalar != "," { depth -= 1 }
                default: break
                }
            }
            position += 1
        }
        var pathText = String(String.UnicodeScalarView(scalars[start..<min(position, scalars.count)]))
        while pathText.last?.isWhitespace == true { pathText.removeLast() }
        do { return .path(try JSONPath(pathText)) } catch { throw failure("invalid path '\(pathText)': \(error.message)") }
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?`, kept as JSON writes it (integer or decimal).
    private mutating func parseNumber() throws(IntrinsicSyntaxError) -> IntrinsicArgument {
        let start = position
        while let scalar = peek(), "0"..."9" ~= scalar || "-+.eE".unicodeScalars.contains(scalar) { position += 1 }
        let number = String(String.UnicodeScalarView(scalars[start..<position]))
        guard let value = try? JSON(parsing: number), case .number = value else {
            throw failure("invalid number '\(number)'")
        }
        return .literal(value)
    }

    /// Letters, digits, `_` and `.`: a function name or a keyword.
    private mutating func readWord() -> String {
        let start = position
        while let scalar = peek(), scalar.properties.isAlphabetic || "0"..."9" ~= scalar || scalar == "." || scalar == "_" {
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private func peek() -> Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func next() -> Unicode.Scalar? {
        defer { position += 1 }
        return peek()
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while let scalar = peek(), scalar.properties.isWhitespace { position += 1 }
    }

    func failure(_ message: String) -> IntrinsicSyntaxError { IntrinsicSyntaxError(text: text, message: message) }
}

extension IntrinsicParser {
    /// Arity and literal-type rules: a literal of the wrong type can never succeed, so it is a definition error.
    private func check(_ call: IntrinsicCall) throws(IntrinsicSyntaxError) {
        let name = call.name.rawValue
        guard call.name.arity.contains(call.arguments.count) else {
            let arity = call.name.arity
            let expected =
                arity.upperBound == Int.max
                ? "at least \(arity.lowerBound)"
                : arity.count == 1 ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw failure("\(name) takes \(expected) argument(s), got \(call.arguments.count)")
        }
        for (position, argument) in call.arguments.enumerated() {
            guard let literal = argument.literalValue, let type = call.name.literalType(at: position) else { continue }
            let matches: Bool =
                switch (type, literal) {
                case (.string, .string), (.number, .number), (.boolean, .bool): true
                default: false
                }
            guard matches else {
                throw failure("argument \(position + 1) of \(name) must be a \(type.rawValue), not \(literal.serialized())")
            }
        }
    }
}
