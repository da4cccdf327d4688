import Testing

@testable import JSON

@Suite("Strings", .timeLimit(.minutes(3)))
struct StringTests {
    @Test(
        "Every short escape decodes to its character",
        arguments: [
            (#""\"""#, "\""), (#""\\""#, "\\"), (#""\/""#, "/"), (#""\b""#, "\u{08}"), (#""\f""#, "\u{0C}"),
            (#""\n""#, "\n"), (#""\r""#, "\r"), (#""\t""#, "\t"),
        ])
    func shortEscapes(text: String, expected: String) throws {
        #expect(try JSON(parsing: text) == .string(expected))
    }

    @Test("Escapes mix with plain text and multi-byte characters")
    func mixedEscapes() throws {
        #expect(try JSON(parsing: #""a\tb\"c\\d\/e\u00e9f""#) == .string("a\tb\"c\\d/eéf"))
        #expect(try JSON(parsing: #""é\n日本""#) == .string("é\n日本"))
    }

    @Test(
        "\\u escapes decode, in either case",
        arguments: [
            (#""\u0041""#, "A"), (#""\u00e9""#, "é"), (#""\u00E9""#, "é"), (#""\u65e5\u672C""#, "日本"),
            (#""\u0000""#, "\u{0}"), (#""\uFFFF""#, "\u{FFFF}"), (#""\u20AC""#, "€"),
        ])
    func unicodeEscapes(text: String, expected: String) throws {
        #expect(try JSON(parsing: text).stringValue?.unicodeScalars.map(\.value) == expected.unicodeScalars.map(\.value))
    }

    @Test("A surrogate pair decodes to one scalar")
    func surrogatePairs() throws {
        #expect(try JSON(parsing: #""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSON(parsing: #""\uD834\uDD1E""#) == .string("𝄞"))
        #expect(try JSON(parsing: #""x\uDBFF\uDFFFy""#).stringValue?.unicodeScalars.map(\.value) == [0x78, 0x10FFFF, 0x79])
    }

    @Test(
        "A lone surrogate becomes U+FFFD",
        arguments: [
            (#""\ud83d""#, [0xFFFD]), (#""\ude00""#, [0xFFFD]), (#""\ud83dx""#, [0xFFFD, 0x78]),
            (#""\ud83d\u0041""#, [0xFFFD, 0x41]), (#""\ude00\ud83d""#, [0xFFFD, 0xFFFD]),
            (#""\ud83d\ud83d\ude00""#, [0xFFFD, 0x1F600]), (#""\ud83d\n""#, [0xFFFD, 0x0A]),
        ])
    func loneSurrogates(text: String, scalars: [UInt32]) throws {
        #expect(try JSON(parsing: text).stringValue?.unicodeScalars.map(\.value) == scalars)
    }

    @Test("Multi-byte UTF-8 and emoji pass through unchanged", arguments: ["é", "日本語", "😀", "👩‍👩‍👧", "🇫🇷", "a€𝄞z"])
    func multiByteUTF8(text: String) throws {
        let json = "\"\(text)\""
        #expect(try JSON(parsing: json) == .string(text))
        #expect(try JSON(parsing: Array(json.utf8)) == .string(text))
        #expect(JSON.string(text).serialized() == json)
    }

    @Test(
        "Invalid UTF-8 is rejected",
        arguments: [
            [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0x61, 0x80, 0x22], [0x22, 0x5C, 0x6E, 0xFE, 0x22],
        ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(throws: JSONParseError.self) { try JSON(parsing: bytes) }
    }

    @Test("Invalid UTF-8 is reported at the start of the string")
    func invalidUTF8Location() {
        let bytes: [UInt8] = Array(#"{"k": "ab"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(throws: JSONParseError(message: "Invalid UTF-8 in a string", offset: 7, line: 1, column: 8)) {
            try JSON(parsing: bytes)
        }
    }

    @Test("Unescaped control characters are rejected", arguments: Array(UInt8(0)..<0x20))
    func controlCharacters(byte: UInt8) {
        let bytes: [UInt8] = [0x22, 0x61, byte, 0x22]
        #expect(throws: JSONParseError.self) { try JSON(parsing: bytes) }
        let escaped: [UInt8] = [0x22, 0x5C, 0x6E, byte, 0x22]
        #expect(throws: JSONParseError.self) { try JSON(parsing: escaped) }
    }

    @Test("DEL and other non-control ASCII are accepted unescaped")
    func delIsNotControl() throws {
        #expect(try JSON(parsing: [0x22, 0x7F, 0x22]) == .string("\u{7F}"))
    }

    @Test("Invalid escapes are rejected", arguments: [#""\x""#, #""\u12""#, #""\u12G4""#, #""\'""#, #""\U0041""#, #""\"#, #""\u""#])
    func invalidEscapes(text: String) {
        #expect(throws: JSONParseError.self) { try JSON(parsing: text) }
    }

    @Test("The writer escapes quotes, backslashes and control characters, and nothing else")
    func writerEscapes() {
        let value = JSON.string("q\"b\\n\nr\rt\tb\u{08}f\u{0C}z\u{0}u\u{1F}/é😀\u{7F}")
        #expect(value.serialized() == #""q\"b\\n\nr\rt\tb\bf\fz\u0000u\u001f/é😀"# + "\u{7F}\"")
    }

    @Test("Every string survives write then parse", arguments: ["", "plain", "\u{0}\u{1}\u{1F}", "\"\\\"", "é😀\n", "\u{FFFD}"])
    func stringRoundTrip(text: String) throws {
        #expect(try JSON(parsing: JSON.string(text).serialized()) == .string(text))
    }
}
