/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Works on an unsafe buffer: the hot loop indexes bytes without bounds checks beyond its own `position < end`
/// tests, which is what makes it several times faster than `JSONSerialization` (Benchmarks/README.md).
extension JSON {
    /// The default nesting limit: deep enough for any real document, shallow enough that recursion is safe.
    public static let defaultMaxDepth = 512

    public init(parsing text: String, maxDepth: Int = JSON.defaultMaxDepth) throws(JSONParseError) {
        var text = text
        let result: Result<JSON, JSONParseError> = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try JSON(parsingBytes: buffer, maxDepth: maxDepth) }
        }
        self = try result.get()
    }

    public init(parsing bytes: some Collection<UInt8>, maxDepth: Int = JSON.defaultMaxDepth) throws(JSONParseError) {
        let result: Result<JSON, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try JSON(parsingBytes: buffer, maxDepth: maxDepth) }
        }
        if let result {
            self = try result.get()
        } else {
            let copy = Array(bytes)
            self = try copy.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                try JSON(parsingBytes: buffer, maxDepth: maxDepth)
            }
        }
    }

    init(parsingBytes buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONParseError) {
        var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
        self = try parser.parseDocument()
    }
}

struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0
    var depth = 0
    /// Reused between strings with escapes, so unescaping allocates once per document.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSON {
        skipWhitespace()
        guard position < bytes.count else { throw error("Unexpected end of input: expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count { throw error("Unexpected character '\(printable(bytes[position]))' after the JSON value") }
        return value
    }

    mutating func parseValue() throws(JSONParseError) -> JSON {
        guard position < bytes.count else { throw error("Unexpected end of input: expected a JSON value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case let byte: throw error("Unexpected character '\(printable(byte))': expected a JSON value")
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let start = position
        for index in 0..<word.utf8CodeUnitCount {
            guard position < bytes.count, bytes[position] == word.utf8Start[index] else {
                position = start
                throw error("Invalid literal: expected '\(word)'")
            }
            position += 1
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth { throw error("Nesting deeper than \(maxDepth) levels") }
    }

    mutating func parseArray() throws(JSONParseError) -> JSON {
        try enter()
        position += 1
        var elements: [JSON] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error("Unexpected end of input: expected ',' or ']'") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "]") { break }
            if byte != UInt8(ascii: ",") {
                position -= 1
                throw error("Unexpected character '\(printable(byte))': expected ',' or ']'")
            }
        }
        depth -= 1
        return .array(elements)
    }

    mutating func parseObject() throws(JSONParseError) -> JSON {
        try enter()
        position += 1
        var keys: [String] = []
        var values: [JSON] = []
        var seen: Set<String>? = nil
        var hasDuplicates = false
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error(position < bytes.count ? "Expected a string key in the object" : "Unexpected end of input: expected a key")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("Expected ':' after the object key") }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            // Duplicate detection: linear while small, a set once the object grows.
            if keys.count < 8 {
                if keys.contains(key) { hasDuplicates = true }
            } else {
                if seen == nil { seen = Set(keys) }
                if !seen!.insert(key).inserted { hasDuplicates = true }
            }
            keys.append(key)
            values.append(value)
            skipWhitespace()
            guard position < bytes.count else { throw error("Unexpected end of input: expected ',' or '}'") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "}") { break }
            if byte != UInt8(ascii: ",") {
                position -= 1
                throw error("Unexpected character '\(printable(byte))': expected ',' or '}'")
            }
        }
        depth -= 1
        if hasDuplicates { return .object(JSONObject(zip(keys, values))) }
        return .object(JSONObject(uniqueKeys: keys, values: values))
    }
}
