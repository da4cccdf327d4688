extension JSONPathParser {
    /// `[…]`: `*`, quoted names, indexes, a slice or a filter `?(…)`.
    mutating func parseBracket() throws(PathSyntaxError) -> JSONPath.Segment {
        let open = position
        position += 1
        skipSpaces()
        let segment: JSONPath.Segment
        switch current {
        case "*":
            position += 1
            segment = .wildcard
        case "?":
            position += 1
            try expect("(")
            let predicate = try parseFilterOr()
            skipSpaces()
            try expect(")")
            segment = .filter(predicate)
        case "'", "\"":
            segment = try parseQuotedNames()
        case nil:
            throw error("unclosed '['", at: open)
        default:
            segment = try parseIndexesOrSlice()
        }
        skipSpaces()
        guard current == "]" else { throw error(atEnd ? "unclosed '['" : "expected ']' but found '\(current!)'", at: atEnd ? open : nil) }
        position += 1
        return segment
    }

    /// `'a'` or `'a', "b"`: one member or a list.
    mutating func parseQuotedNames() throws(PathSyntaxError) -> JSONPath.Segment {
        var names = [try parseQuotedString()]
        skipSpaces()
        while current == "," {
            position += 1
            skipSpaces()
            guard current == "'" || current == "\"" else { throw error("expected a quoted name after ','") }
            names.append(try parseQuotedString())
            skipSpaces()
        }
        return names.count == 1 ? .member(names[0]) : .members(names)
    }

    /// A string in single or double quotes with JSON-style escapes (`\'` too).
    mutating func parseQuotedString() throws(PathSyntaxError) -> String {
        let open = position
        let quote = scalars[position]
        position += 1
        var value = String.UnicodeScalarView()
        while let scalar = current {
            position += 1
            if scalar == quote { return String(value) }
            if scalar == "\\" {
                value.append(try parseEscape())
            } else {
                value.append(scalar)
            }
        }
        throw error("unterminated string", at: open)
    }

    mutating func parseEscape() throws(PathSyntaxError) -> Unicode.Scalar {
        guard let escaped = current else { throw error("dangling '\\' at the end of the path") }
        position += 1
        switch escaped {
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let digits = scalars.dropFirst(position).prefix(4)
            guard digits.count == 4, let code = UInt32(String(String.UnicodeScalarView(digits)), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw error("invalid \\u escape") }
            position += 4
            return scalar
        default: return escaped
        }
    }

    /// `n`, `n,m,…`, or a slice.
    mutating func parseIndexesOrSlice() throws(PathSyntaxError) -> JSONPath.Segment {
        let start = position
        while let scalar = current, scalar != "]" { position += 1 }
        let content = String(String.UnicodeScalarView(scalars[start..<position])).filter { $0 != " " }
        if content.contains(":") { return try parseSlice(content, at: start) }
        let parts = content.split(separator: ",", omittingEmptySubsequences: false)
        var indexes: [Int] = []
        for part in parts {
            guard let index = Int(part) else {
                throw error(content.isEmpty ? "empty brackets" : "invalid array index '\(part)'", at: start)
            }
            indexes.append(index)
        }
        return indexes.count == 1 ? .index(indexes[0]) : .indexes(indexes)
    }

    /// `start:end` with either bound optional but not both, as Jayway's `ArraySliceOperation` parses it: a
    /// third part (a step) is accepted and ignored, because Jayway, and so AWS, ignores it (`[0:4:2]` selects
    /// four elements).
    mutating func parseSlice(_ content: String, at start: Int) throws(PathSyntaxError) -> JSONPath.Segment {
        let parts = content.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 3 else { throw error("a slice has at most three parts", at: start) }
        var bounds: [Int?] = []
        for part in parts.prefix(2) {
            if part.isEmpty {
                bounds.append(nil)
            } else if let bound = Int(part) {
                bounds.append(bound)
            } else {
                throw error("invalid slice bound '\(part)'", at: start)
            }
        }
        if parts.count == 3, !parts[2].isEmpty, Int(parts[2]) == nil { throw error("invalid slice step '\(parts[2])'", at: start) }
        guard bounds[0] != nil || bounds[1] != nil else { throw error("a slice needs a start or an end", at: start) }
        return .slice(start: bounds[0], end: bounds[1])
    }
}
