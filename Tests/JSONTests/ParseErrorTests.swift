import Testing

@testable import JSON

@Suite("Parse errors and limits", .timeLimit(.minutes(3)))
struct ParseErrorTests {
    /// Malformed input → the exact message, byte offset (0-based), line and column (1-based).
    static let cases: [(String, String, Int, Int, Int)] = [
        ("", "Unexpected end of input: expected a JSON value", 0, 1, 1),
        ("   \n ", "Unexpected end of input: expected a JSON value", 5, 2, 2),
        ("[1,2,]", "Unexpected character ']': expected a JSON value", 5, 1, 6),
        ("{\"a\":1,}", "Expected a string key in the object", 7, 1, 8),
        ("{\n  \"a\" 1\n}", "Expected ':' after the object key", 8, 2, 7),
        ("{\"a\": \"abc", "Unterminated string", 10, 1, 11),
        ("[\"ab\\n", "Unterminated string", 6, 1, 7),
        ("01", "Invalid number: leading zeros are not allowed", 0, 1, 1),
        ("[-012]", "Invalid number: leading zeros are not allowed", 2, 1, 3),
        ("tru", "Invalid literal: expected 'true'", 0, 1, 1),
        ("[nul]", "Invalid literal: expected 'null'", 1, 1, 2),
        ("{\"a\": yes}", "Unexpected character 'y': expected a JSON value", 6, 1, 7),
        ("NaN", "Unexpected character 'N': expected a JSON value", 0, 1, 1),
        ("{\"a\":1} x", "Unexpected character 'x' after the JSON value", 8, 1, 9),
        ("[1]\n\n]", "Unexpected character ']' after the JSON value", 5, 3, 1),
        ("truex", "Unexpected character 'x' after the JSON value", 4, 1, 5),
        ("[1 2]", "Unexpected character '2': expected ',' or ']'", 3, 1, 4),
        ("{\"a\":1 \"b\":2}", "Unexpected character '\"': expected ',' or '}'", 7, 1, 8),
        ("[1,", "Unexpected end of input: expected a JSON value", 3, 1, 4),
        ("{", "Unexpected end of input: expected a key", 1, 1, 2),
        ("{\"a\":1", "Unexpected end of input: expected ',' or '}'", 6, 1, 7),
        ("1.", "Invalid number: expected a digit after '.'", 2, 1, 3),
        ("1e+", "Invalid number: expected a digit in the exponent", 3, 1, 4),
        ("-", "Invalid number: expected a digit", 1, 1, 2),
        (".5", "Unexpected character '.': expected a JSON value", 0, 1, 1),
        ("\"\\q\"", "Invalid escape '\\q' in a string", 2, 1, 3),
        ("\"a\u{1}\"", "Unescaped control character in a string", 2, 1, 3),
        ("[\"\\u00G0\"]", "Invalid hex digit 'G' in a \\u escape", 6, 1, 7),
    ]

    @Test("Malformed input reports the message and exact location", arguments: cases)
    func malformed(text: String, message: String, offset: Int, line: Int, column: Int) {
        #expect(throws: JSONParseError(message: message, offset: offset, line: line, column: column)) {
            try JSON(parsing: text)
        }
    }

    @Test("The error describes itself with its location")
    func description() {
        let error = JSONParseError(message: "Unterminated string", offset: 10, line: 2, column: 3)
        #expect(error.description == "Unterminated string at line 2, column 3 (offset 10)")
    }

    @Test("Whitespace around a value is allowed; other space characters are not")
    func whitespace() throws {
        #expect(try JSON(parsing: " \t\r\n[ 1 , { \"a\" : 2 } ]\n ") == [1, ["a": 2]])
        #expect(throws: JSONParseError.self) { try JSON(parsing: "\u{A0}1") }
        #expect(throws: JSONParseError.self) { try JSON(parsing: "\u{FEFF}1") }
    }

    static func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }

    @Test("The default depth limit is 512")
    func defaultDepth() throws {
        #expect(JSON.defaultMaxDepth == 512)
        #expect(try JSON(parsing: Self.nested(512)).serialized() == Self.nested(512))
        #expect(throws: JSONParseError(message: "Nesting deeper than 512 levels", offset: 512, line: 1, column: 513)) {
            try JSON(parsing: Self.nested(513))
        }
        let objects = String(repeating: "{\"a\":", count: 513) + "1" + String(repeating: "}", count: 513)
        #expect(throws: JSONParseError.self) { try JSON(parsing: objects) }
    }

    @Test("A custom depth limit counts arrays and objects alike", arguments: [1, 2, 10])
    func customDepth(limit: Int) throws {
        _ = try JSON(parsing: Self.nested(limit), maxDepth: limit)
        #expect(throws: JSONParseError.self) { try JSON(parsing: Self.nested(limit + 1), maxDepth: limit) }
        let mixed = String(repeating: "[{\"k\":", count: limit) + "0" + String(repeating: "}]", count: limit)
        #expect(throws: JSONParseError.self) { try JSON(parsing: mixed, maxDepth: 2 * limit - 1) }
        _ = try JSON(parsing: mixed, maxDepth: 2 * limit)
    }

    @Test("Scalars need no depth at all")
    func scalarsAtDepthZero() throws {
        #expect(try JSON(parsing: "1", maxDepth: 0) == 1)
        #expect(throws: JSONParseError.self) { try JSON(parsing: "[]", maxDepth: 0) }
    }

    @Test("Bytes from any collection parse like the string")
    func nonContiguousBytes() throws {
        let text = #"{"a":[1,"é"]}"#
        #expect(try JSON(parsing: text.utf8) == JSON(parsing: text))
        #expect(try JSON(parsing: Array(text.utf8)[...]) == JSON(parsing: text))
        #expect(try JSON(parsing: ArraySlice(text.utf8).lazy.map { $0 }) == JSON(parsing: text))
    }
}
