import JSON

extension JSONPathParser {
    /// A JSON value in a filter: numbers, strings in either quote, `true`/`false`/`null`, arrays, objects.
    mutating func parseLiteral() throws(PathSyntaxError) -> JSON {
        skipSpaces()
        switch current {
        case "'", "\"": return .string(try parseQuotedString())
        case "[": return try parseArrayLiteral()
        case "{": return try parseObjectLiteral()
        case "t" where consumeWord("true"): return .bool(true)
        case "f" where consumeWord("false"): return .bool(false)
        case "n" where consumeWord("null"): return .null
        default: return try parseNumberLiteral()
        }
    }

    mutating func consumeWord(_ word: String) -> Bool {
        let spelled = Array(word.unicodeScalars)
        guard scalars.dropFirst(position).starts(with: spelled) else { return false }
        if let next = peek(spelled.count), next.properties.isAlphabetic { return false }
        position += spelled.count
        return true
    }

    mutating func parseNumberLiteral() throws(PathSyntaxError) -> JSON {
        let start = position
        while let scalar = current, "-+0123456789.eE".unicodeScalars.contains(scalar) { position += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        if let int = Int(text) { return .int(int) }
        if !text.isEmpty, let double = Double(text) { return .double(double) }
        throw error(text.isEmpty ? "unexpected character '\(current.map(String.init) ?? "")'" : "invalid number '\(text)'", at: start)
    }

    mutating func parseArrayLiteral() throws(PathSyntaxError) -> JSON {
        position += 1
        var elements: [JSON] = []
        skipSpaces()
        if current == "]" {
            position += 1
            return .array(elements)
        }
        repeat {
            elements.append(try parseLiteral())
            skipSpaces()
        } while consume(",")
        try expect("]")
        return .array(elements)
    }

    mutating func parseObjectLiteral() throws(PathSyntaxError) -> JSON {
        position += 1
        var object = JSONObject()
        skipSpaces()
        if current == "}" {
            position += 1
            return .object(object)
        }
        repeat {
            skipSpaces()
            guard current == "\"" || current == "'" else { throw error("expected a quoted key") }
            let key = try parseQuotedString()
            skipSpaces()
            try expect(":")
            object[key] = try parseLiteral()
            skipSpaces()
        } while consume(",")
        try expect("}")
        return .object(object)
    }
}
