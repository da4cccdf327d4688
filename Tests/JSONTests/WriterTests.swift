import Testing

@testable import JSON

@Suite("Writing", .timeLimit(.minutes(3)))
struct WriterTests {
    static let sample: JSON = [
        "name": "run", "count": 3, "ratio": 0.5, "ok": true, "none": nil, "list": [1, "two", [], [:]],
        "nested": ["a": ["b": [1, 2]]], "empty": [:],
    ]

    @Test("Compact output has no whitespace at all")
    func compact() {
        #expect(
            Self.sample.serialized()
                == #"{"name":"run","count":3,"ratio":0.5,"ok":true,"none":null,"list":[1,"two",[],{}],"nested":{"a":{"b":[1,2]}},"empty":{}}"#
        )
        #expect(Self.sample.description == Self.sample.serialized(.compact))
    }

    @Test("Pretty output indents by two spaces, puts a space after colons and keeps empty containers inline")
    func pretty() {
        let expected = """
            {
              "name": "run",
              "count": 3,
              "ratio": 0.5,
              "ok": true,
              "none": null,
              "list": [
                1,
                "two",
                [],
                {}
              ],
              "nested": {
                "a": {
                  "b": [
                    1,
                    2
                  ]
                }
              },
              "empty": {}
            }
            """
        #expect(Self.sample.serialized(.pretty) == expected)
    }

    @Test(
        "Scalars at the top level",
        arguments: [(JSON.null, "null"), (true, "true"), (false, "false"), (-7, "-7"), ("s", "\"s\"")] as [(JSON, String)])
    func scalars(value: JSON, text: String) {
        #expect(value.serialized() == text)
        #expect(value.serialized(.pretty) == text)
    }

    @Test("Bytes and size agree with the string")
    func bytesAndSize() {
        let value: JSON = ["é": "😀"]
        #expect(value.serializedBytes() == Array(value.serialized().utf8))
        #expect(value.serializedSize == 13)
        #expect(value.serializedBytes(.pretty) == Array(value.serialized(.pretty).utf8))
    }

    @Test("compactSize is the compact text's length, measured without writing it")
    func compactSize() throws {
        let value = try JSON(parsing: #"{"a\"b": [1, -20, 2.5, 1e300, null, true, false, "\u0001\n😀é"], "": {}, "x": []}"#)
        #expect(value.compactSize == value.serializedSize)
        #expect(JSON.string("\u{1}").compactSize == 8)
    }

    @Test(
        "Parse then write gives back compact input unchanged",
        arguments: [
            #"{"a":[1,2.5,-0.0,1e+300,"x\n",null,true,false,{}],"b":{"c":[]},"big":123456789012345678901234567890}"#,
            #"[[[[[]]]]]"#, #"{"":""}"#, "-1.5e-70",
        ])
    func parseWriteIdentity(text: String) throws {
        #expect(try JSON(parsing: text).serialized() == text)
    }

    @Test("Doubles are written as Swift's shortest round-trip text, which is valid JSON")
    func doubleSpelling() {
        #expect(JSON.double(1e-7).serialized() == "1e-07")
        #expect(JSON.double(1e16).serialized() == "1e+16")
        #expect(JSON.double(100).serialized() == "100.0")
        #expect(JSON.double(-0.0).serialized() == "-0.0")
        #expect(JSON.double(.leastNonzeroMagnitude).serialized() == "5e-324")
    }

    @Test("Parsing pretty output gives back the value")
    func prettyRoundTrip() throws {
        #expect(try JSON(parsing: Self.sample.serialized(.pretty)) == Self.sample)
        #expect(try JSON(parsing: Self.sample.serialized(.pretty)).serialized() == Self.sample.serialized())
    }
}
