import Foundation
import JSON
import StatesLanguage
import Testing

/// The JSONata functions AWS adds in JSONata states and the one it removes (asl-reference §4; AWS's "Transforming
/// data with JSONata", JSONata functions provided by Step Functions). The error codes and messages are Stepwise's:
/// AWS documents none.
@Suite("AWS's JSONata functions", .timeLimit(.minutes(3)))
struct ASLFunctionTests {
    func evaluate(_ expression: String, seed: UInt64 = 7) throws -> JSON {
        try JSONataTemplate(.string("{% \(expression) %}"), field: "Output").evaluate([:], seed: seed)
    }

    /// `CODE: message` of a failing evaluation, nil when it succeeds.
    func failure(_ expression: String) -> String? {
        do {
            _ = try evaluate(expression)
            return nil
        } catch let failure as JSONataEvaluationFailure {
            guard case .threw(let code, let message) = failure.reason else { return failure.detail }
            return "\(code): \(message)"
        } catch {
            return "\(error)"
        }
    }

    // MARK: $hash

    @Test(
        "$hash gives the published digests of the five algorithms, in lower-case hex",
        arguments: [
            ("abc", "MD5", "900150983cd24fb0d6963f7d28e17f72"),
            ("The quick brown fox jumps over the lazy dog", "MD5", "9e107d9d372bb6826bd81d3542a419d6"),
            ("", "SHA-1", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "SHA-1", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
            ("abc", "SHA-256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "SHA-256",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            ("abc", "SHA-384", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
            ("", "SHA-384", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
            (
                "abc", "SHA-512",
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
            ),
            (
                "", "SHA-512",
                "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
            ),
        ])
    func hash(text: String, algorithm: String, digest: String) throws {
        #expect(try evaluate("$hash('\(text)', '\(algorithm)')") == .string(digest))
    }

    @Test("$hash refuses other algorithms and non-string values")
    func hashErrors() {
        let algorithms = "D3001: $hash requires a string and one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"
        #expect(failure("$hash('abc', 'SHA-3')") == algorithms)
        #expect(failure("$hash('abc', 'sha-256')") == algorithms)
        #expect(failure("$hash(1, 'MD5')") == #"T0410: Argument 1 of function "hash" does not match function signature"#)
        #expect(failure("$hash('abc')") == #"T0410: Argument 2 of function "hash" does not match function signature"#)
    }

    // MARK: $partition and $range

    @Test("$partition cuts an array into chunks of the size, the last one shorter")
    func partition() throws {
        #expect(try evaluate("$partition([1, 2, 3, 4, 5], 2)") == [[1, 2], [3, 4], [5]])
        #expect(try evaluate("$partition(['a', 'b'], 5)") == [["a", "b"]])
        #expect(try evaluate("$partition('solo', 1)") == [["solo"]])
        #expect(try evaluate("$partition([], 3)") == [])
    }

    @Test("$partition needs a positive whole size", arguments: ["0", "-1", "1.5"])
    func partitionErrors(size: String) {
        #expect(failure("$partition([1, 2], \(size))") == "D3001: $partition requires an array and a positive integer size")
    }

    @Test("$range counts from start to end by step, including end when a step lands on it")
    func range() throws {
        #expect(try evaluate("$range(0, 4)") == [0, 1, 2, 3, 4])
        #expect(try evaluate("$range(1, 10, 4)") == [1, 5, 9])
        #expect(try evaluate("$range(3, -3, -3)") == [3, 0, -3])
        #expect(try evaluate("$range(0, 1, 0.5)") == [0, 0.5, 1])
        #expect(try evaluate("$range(5, 5)") == 5)
        #expect(try evaluate("$count($range(5, 1))") == 0)
    }

    @Test("$range refuses a zero step, a non-number and more than a million items")
    func rangeErrors() {
        #expect(failure("$range(0, 9, 0)") == "D3001: $range step must not be 0")
        #expect(failure("$range('0', 9)") == #"T0410: Argument 1 of function "range" does not match function signature"#)
        #expect(failure("$range(1, 1000001)") == "D2014: $range would produce more than 1,000,000 items")
    }

    // MARK: $parse

    @Test(
        "$parse reads JSON text of any type",
        arguments: [
            (#"'{\"a\": [1, 2.5, true, null]}'"#, #"{"a":[1,2.5,true,null]}"#), ("'\"text\"'", #""text""#), ("'-0.5e1'", "-5"),
            ("'null'", "null"),
        ])
    func parse(argument: String, expected: String) throws {
        #expect(try evaluate("$parse(\(argument))") == (try JSON(parsing: expected)))
    }

    @Test("$parse refuses text that is not JSON and values that are not strings")
    func parseErrors() {
        #expect(failure("$parse('{\"a\":')")?.hasPrefix("D3001: $parse could not parse the string as JSON: ") == true)
        #expect(failure("$parse('[1,]')")?.hasPrefix("D3001: $parse could not parse the string as JSON: ") == true)
        #expect(failure("$parse(12)") == #"T0410: Argument 1 of function "parse" does not match function signature"#)
    }

    // MARK: $uuid, $random, $eval

    @Test("$uuid gives version-4 UUIDs in lower case, a new one each call, the same ones for the same seed")
    func uuid() throws {
        let uuids = try #require(try evaluate("[$uuid(), $uuid(), $uuid()]").arrayValue?.compactMap(\.stringValue))
        let v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        #expect(uuids.allSatisfy { $0.wholeMatch(of: v4) != nil })
        #expect(Set(uuids).count == 3)
        #expect(try evaluate("$uuid()", seed: 99) == (try evaluate("$uuid()", seed: 99)))
        #expect(try evaluate("$uuid()", seed: 99) != (try evaluate("$uuid()", seed: 100)))
    }

    @Test("$random() is in [0, 1) and follows the evaluation's seed; $random(seed) depends on the seed alone")
    func random() throws {
        let draws = try #require(try evaluate("[1..20].$random()").arrayValue?.compactMap(\.doubleValue))
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(Set(draws).count == 20)
        #expect(try evaluate("$random()", seed: 1) == (try evaluate("$random()", seed: 1)))
        #expect(try evaluate("$random()", seed: 1) != (try evaluate("$random()", seed: 2)))
        #expect(try evaluate("$random(42)", seed: 1) == (try evaluate("$random(42)", seed: 2)))
        #expect(try evaluate("$random(42) = $random(42)") == true)
        #expect(try evaluate("$random(42) = $random(43)") == false)
        #expect(try evaluate("$random('x') >= 0 and $random('x') < 1") == true)
    }

    @Test("$eval is not there: calling it is T1006, as on AWS")
    func evalRemoved() {
        #expect(failure("$eval('1 + 1')") == "T1006: Attempted to invoke a non-function")
    }
}
