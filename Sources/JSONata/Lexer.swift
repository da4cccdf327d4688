/// One token of a JSONata expression; `position` is the UTF-16 offset just after it, as jsonata-js reports.
struct Token {
    enum Kind { case op, name, variable, string, number, value, regex, end }
    var kind: Kind
    var text: String = ""
    var number: Double = 0
    var literal: LiteralValue = .null
    var regex: RegexLiteral?
    var position: Int
}

/// A literal constant in the syntax tree.
enum LiteralValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
}

/// Splits an expression into tokens on demand (the parser asks whether a `/` may start a regex).
struct Lexer {
    static let operatorChars: Set<UInt16> = Set(".[]{}(),@#;:?+-*/%|=<>^&!~".utf16)
    static let whitespace: Set<UInt16> = Set(" \t\n\r\u{0B}".utf16)

    let source: [UInt16]
    var position = 0

    init(_ text: String) { source = Array(text.utf16) }

    func char(_ at: Int) -> UInt16 { at >= 0 && at < source.count ? source[at] : 0 }
    func text(_ from: Int, _ to: Int) -> String { String(decoding: source[from..<to], as: UTF16.self) }

    mutating func next(infix: Bool) throws(JSONataError) -> Token? {
        while position < source.count, Self.whitespace.contains(source[position]) { position += 1 }
        guard position < source.count else { return nil }
        let c = source[position]
        if c == 0x2F, char(position + 1) == 0x2A {  // /* comment */
            let start = position
            position += 2
            while !(char(position) == 0x2A && char(position + 1) == 0x2F) {
                position += 1
                if position >= source.count { throw JSONataError.make("S0106", position: start) }
            }
            position += 2
            return try next(infix: infix)
        }
        if !infix, c == 0x2F {
            position += 1
            return Token(kind: .regex, regex: try scanRegex(), position: position)
        }
        if let double = doubleOperator() { return double }
        if Self.operatorChars.contains(c) {
            position += 1
            return Token(kind: .op, text: String(decoding: [c], as: UTF16.self), position: position)
        }
        if c == 0x22 || c == 0x27 { return try scanString(quote: c) }
        if let number = try scanNumber() { return number }
        if c == 0x60 {  // `quoted name`
            position += 1
            guard let end = source[position...].firstIndex(of: 0x60) else {
                position = source.count
                throw JSONataError.make("S0105", position: position)
            }
            let name = text(position, end)
            position = end + 1
            return Token(kind: .name, text: name, position: position)
        }
        return scanName()
    }

    private mutating func doubleOperator() -> Token? {
        let pairs: [(UInt16, UInt16, String)] = [
            (0x2E, 0x2E, ".."), (0x3A, 0x3D, ":="), (0x21, 0x3D, "!="), (0x3E, 0x3D, ">="), (0x3C, 0x3D, "<="),
            (0x2A, 0x2A, "**"), (0x7E, 0x3E, "~>"),
        ]
        let c = source[position]
        let d = char(position + 1)
        for (first, second, symbol) in pairs where c == first && d == second {
            position += 2
            return Token(kind: .op, text: symbol, position: position)
        }
        return nil
    }

    private mutating func scanName() -> Token {
        var end = position
        while end < source.count, !Self.whitespace.contains(source[end]), !Self.operatorChars.contains(source[end]) { end += 1 }
        if source[position] == 0x24 {  // $variable
            let name = text(position + 1, end)
            position = end
            return Token(kind: .variable, text: name, position: position)
        }
        let name = text(position, end)
        position = end
        switch name {
        case "or", "in", "and": return Token(kind: .op, text: name, position: position)
        case "true": return Token(kind: .value, literal: .bool(true), position: position)
        case "false": return Token(kind: .value, literal: .bool(false), position: position)
        case "null": return Token(kind: .value, literal: .null, position: position)
        default: return Token(kind: .name, text: name, position: position)
        }
    }

    private mutating func scanNumber() throws(JSONataError) -> Token? {
        let start = position
        var end = position
        func digits() -> Int {
            let from = end
            while end < source.count, source[end] >= 0x30, source[end] <= 0x39 { end += 1 }
            return end - from
        }
        if char(end) == 0x30 { end += 1 } else if digits() == 0 { return nil }
        if char(end) == 0x2E, char(end + 1) >= 0x30, char(end + 1) <= 0x39 {
            end += 1
            _ = digits()
        }
        if char(end) == 0x65 || char(end) == 0x45 {
            var probe = end + 1
            if char(probe) == 0x2B || char(probe) == 0x2D { probe += 1 }
            if char(probe) >= 0x30, char(probe) <= 0x39 {
                end = probe
                _ = digits()
            }
        }
        let literal = text(start, end)
        guard let value = Double(literal), value.isFinite else {
            throw JSONataError.make("S0102", position: start, token: literal)
        }
        position = end
        return Token(kind: .number, number: value, position: position)
    }

    private mutating func scanString(quote: UInt16) throws(JSONataError) -> Token {
        position += 1
        var units: [UInt16] = []
        while position < source.count {
            let c = source[position]
            if c == 0x5C {  // backslash
                position += 1
                let e = char(position)
                switch e {
                case 0x22, 0x5C, 0x2F: units.append(e)
                case 0x62: units.append(0x08)
                case 0x66: units.append(0x0C)
                case 0x6E: units.append(0x0A)
                case 0x72: units.append(0x0D)
                case 0x74: units.append(0x09)
                case 0x75:
                    let hex = position + 5 <= source.count ? text(position + 1, position + 5) : ""
                    guard hex.count == 4, let code = UInt16(hex, radix: 16) else { throw JSONataError.make("S0104", position: position) }
                    units.append(code)
                    position += 4
                default:
                    throw JSONataError.make("S0103", position: position, token: String(decoding: [e], as: UTF16.self))
                }
            } else if c == quote {
                position += 1
                return Token(kind: .string, text: String(decoding: units, as: UTF16.self), position: position)
            } else {
                units.append(c)
            }
            position += 1
        }
        throw JSONataError.make("S0101", position: position)
    }

    private mutating func scanRegex() throws(JSONataError) -> RegexLiteral {
        let start = position
        var depth = 0
        while position < source.count {
            let c = source[position]
            if c == 0x2F, depth == 0 {
                var backslashes = 0
                while char(position - backslashes - 1) == 0x5C { backslashes += 1 }
                if backslashes % 2 == 0 {
                    let pattern = text(start, position)
                    if pattern.isEmpty { throw JSONataError.make("S0301", position: position) }
                    position += 1
                    let flagStart = position
                    while char(position) == 0x69 || char(position) == 0x6D { position += 1 }
                    return try RegexLiteral(pattern: pattern, flags: text(flagStart, position), position: position)
                }
            }
            if (c == 0x28 || c == 0x5B || c == 0x7B) && char(position - 1) != 0x5C { depth += 1 }
            if (c == 0x29 || c == 0x5D || c == 0x7D) && char(position - 1) != 0x5C { depth -= 1 }
            position += 1
        }
        throw JSONataError.make("S0302", position: position)
    }
}
