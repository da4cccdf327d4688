import Testing

@testable import JSON

@Suite("Equality and hashing", .timeLimit(.minutes(3)))
struct EqualityTests {
    static let equalPairs: [(String, String)] = [
        ("1", "1.0"), ("0", "-0.0"), ("-0.0", "0.0"), ("100", "1e2"), ("1.5", "15e-1"), ("[1,2]", "[1.0,2e0]"),
        (#"{"a":1,"b":2}"#, #"{"b":2,"a":1}"#), (#"{"a":{"x":1,"y":[true]}}"#, #"{"a":{"y":[true],"x":1.0}}"#),
        ("\"é\"", #""\u00e9""#), ("123456789012345678901234567890", "123456789012345678901234567890"), ("{}", "{ }"),
    ]

    @Test("Equal values are equal and hash alike", arguments: equalPairs)
    func equalValues(lhs: String, rhs: String) throws {
        let a = try JSON(parsing: lhs)
        let b = try JSON(parsing: rhs)
        #expect(a == b)
        #expect(b == a)
        #expect(a.hashValue == b.hashValue)
    }

    static let differentPairs: [(String, String)] = [
        ("1", "2"), ("1", "\"1\""), ("true", "1"), ("false", "0"), ("null", "false"), ("[1,2]", "[2,1]"), ("[1]", "[1,1]"),
        (#"{"a":1}"#, #"{"a":1,"b":2}"#), (#"{"a":1}"#, #"{"A":1}"#), ("{}", "[]"), ("\"\"", "null"), ("1.5", "1"),
        ("9007199254740993", "9007199254740992"),
    ]

    @Test("Different values are not equal", arguments: differentPairs)
    func differentValues(lhs: String, rhs: String) throws {
        #expect(try JSON(parsing: lhs) != JSON(parsing: rhs))
    }

    @Test("A set and a dictionary key treat 1 and 1.0, and reordered objects, as one value")
    func setsAndDictionaries() throws {
        let values = try ["1", "1.0", "1e0", #"{"a":1,"b":[2]}"#, #"{"b":[2.0],"a":1}"#, "2"].map { try JSON(parsing: $0) }
        #expect(Set(values).count == 3)
    }

    @Test("An integer above 2^53 equals only the decimal that has exactly its value, and hashes alike")
    func largeIntegersVersusDoubles() {
        let twoTo53 = 9_007_199_254_740_992
        let int = JSON.int(twoTo53 + 1)
        let double = JSON.double(Double(twoTo53))
        // Double(2^53 + 1) rounds to 2^53, but the values differ; equality must stay transitive.
        #expect(int != double)
        #expect(JSON.int(twoTo53) == double)
        #expect(JSON.int(twoTo53).hashValue == double.hashValue)
        #expect(Set([int, double, JSON.int(twoTo53)]).count == 2)
    }

    @Test("An integer beyond 64 bits never equals Int.max")
    func bigVersusInt() throws {
        let big = try JSON(parsing: "9223372036854775808")  // 2^63, Double(Int.max) is 2^63 too
        #expect(big != .int(Int.max))
        #expect(Set([big, .int(Int.max)]).count == 2)
    }

    @Test("Decimals beyond Double's range compare by their text, not as infinity")
    func hugeDecimals() throws {
        let a = try JSON(parsing: "1e400")
        #expect(a == (try JSON(parsing: "1e400")))
        #expect(a != (try JSON(parsing: "2e400")))
        #expect(a != .double(.infinity))
        #expect(a.hashValue == (try JSON(parsing: "1e400")).hashValue)
    }

    @Test("Equal numbers hash alike across representations", arguments: [0, 1, -1, 42, 1 << 40, -(1 << 52)])
    func numberHashing(value: Int) {
        #expect(JSON.int(value).hashValue == JSON.double(Double(value)).hashValue)
        #expect(JSON.int(value) == JSON.double(Double(value)))
    }
}

@Suite("Equality edge cases", .timeLimit(.minutes(3)))
struct EqualityEdgeTests {
    @Test("Non-finite doubles built in Swift equal only themselves")
    func nonFinite() {
        #expect(JSON.double(.infinity) == .double(.infinity))
        #expect(JSON.double(.infinity) != .double(-.infinity))
        #expect(JSON.double(.nan) == .double(.nan))
        #expect(JSON.double(.nan) != .double(.infinity))
        #expect(JSON.double(.infinity).hashValue == JSON.double(.infinity).hashValue)
    }

    @Test("Strings compare by scalars, so composed and decomposed é are different keys")
    func canonicalEquivalence() throws {
        // JSON (and JavaScript, and AWS) compare strings by code units; Swift's String == uses canonical
        // equivalence, so "\u00e9" == "e\u0301" in Swift. Known issue: reported, not fixed here.
        let value = try JSON(parsing: #"{"\u00e9":1,"e\u0301":2}"#)
        withKnownIssue("JSONObject keys and JSON strings use Swift's canonical-equivalence String ==") {
            #expect(value.objectValue?.count == 2)
            #expect(JSON.string("\u{E9}") != .string("e\u{301}"))
        }
    }
}
