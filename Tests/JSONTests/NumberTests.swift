import Testing

@testable import JSON

/// Numbers keep how they were written: integers as `Int`, decimals as bit-exact `Double`, anything larger as text.
@Suite("Numbers", .timeLimit(.minutes(3)))
struct NumberTests {
    @Test(
        "Integers parse to Int and write back unchanged",
        arguments: ["0", "1", "-1", "42", "123456789012345678", "9223372036854775807", "-9223372036854775808", "-42"])
    func integersRoundTrip(text: String) throws {
        let value = try JSON(parsing: text)
        #expect(value == .number(.int(Int(text)!)))
        guard case .number(.int) = value else {
            Issue.record("not an Int: \(value)")
            return
        }
        #expect(value.serialized() == text)
    }

    @Test("Int.min and Int.max are integers, not big numbers")
    func integerLimits() throws {
        #expect(try JSON(parsing: String(Int.max)).numberValue == .int(Int.max))
        #expect(try JSON(parsing: String(Int.min)).numberValue == .int(Int.min))
        #expect(JSON.int(Int.min).serialized() == "-9223372036854775808")
        #expect(JSON.int(Int.max).serialized() == "9223372036854775807")
    }

    @Test(
        "Integers beyond 64 bits are kept exactly as written",
        arguments: [
            "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "123456789012345678901234567890123456789", "-100000000000000000000000000000000000001",
        ])
    func bigIntegersKeptAsText(text: String) throws {
        let value = try JSON(parsing: text)
        #expect(value.numberValue == .big(text))
        guard case .number(.big(let kept)) = value else {
            Issue.record("not big: \(value)")
            return
        }
        #expect(kept == text)
        #expect(value.numberValue?.isInteger == true)
        #expect(value.serialized() == text)
    }

    @Test(
        "Decimals round-trip bit-exact",
        arguments: [
            "0.37018096711688264", "0.1", "0.2", "0.3", "5e-324", "1.7976931348623157e308", "-0.0", "2.2250738585072014e-308",
            "3.141592653589793", "1.0000000000000002", "0.30000000000000004", "123456.789", "-9.87654321e-5", "4.35",
            "9007199254740993.0", "1e22", "1e23", "8.98846567431158e307", "2.5e-7", "0.000001", "1234567890.0987654321",
        ])
    func decimalsRoundTrip(text: String) throws {
        let value = try JSON(parsing: text)
        guard case .number(.double(let parsed)) = value else {
            Issue.record("not a Double: \(value)")
            return
        }
        let expected = Double(text)!
        #expect(parsed.bitPattern == expected.bitPattern, "\(text) parsed as \(parsed)")
        // Writing and parsing again gives the same bits.
        let again = try JSON(parsing: value.serialized())
        guard case .number(.double(let reparsed)) = again else {
            Issue.record("not a Double: \(again)")
            return
        }
        #expect(reparsed.bitPattern == expected.bitPattern, "\(text) → \(value.serialized()) → \(reparsed)")
    }

    @Test("Decimals are correctly rounded, unlike JSONSerialization on Linux")
    func correctRoundingAgainstStrtod() throws {
        // A deterministic sweep of 17-digit decimals, each compared with the standard library's correctly rounded parse.
        var generator: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<2000 {
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bits = (generator >> 12) | 0x3FF0_0000_0000_0000
            let double = Double(bitPattern: bits) - 1  // in [0, 1)
            let text = "\(double)"
            guard case .number(.double(let parsed)) = try JSON(parsing: text) else { continue }
            #expect(parsed.bitPattern == double.bitPattern, "\(text)")
            #expect(JSON.double(double).serialized() == text)
        }
    }

    @Test("2.0 stays a decimal and 2 stays an integer")
    func decimalVersusInteger() throws {
        let decimal = try JSON(parsing: "2.0")
        let integer = try JSON(parsing: "2")
        #expect(decimal.numberValue == .double(2.0))
        #expect(decimal.numberValue?.isInteger == false)
        #expect(decimal.serialized() == "2.0")
        #expect(integer.numberValue?.isInteger == true)
        #expect(integer.serialized() == "2")
        #expect(decimal.intValue == 2)
        #expect(try JSON(parsing: "2.5").intValue == nil)
    }

    @Test(
        "Exponents make decimals, in every spelling",
        arguments: [
            ("1e2", 100.0), ("1E2", 100.0), ("1e+2", 100.0), ("1e-2", 0.01), ("-2.5E-3", -0.0025), ("0e0", 0.0),
            ("12.5e1", 125.0), ("1e0000000000000000002", 100.0), ("123e-20", 123e-20), ("1e-400", 0.0),
        ])
    func exponents(text: String, expected: Double) throws {
        let value = try JSON(parsing: text)
        guard case .number(.double(let parsed)) = value else {
            Issue.record("not a Double: \(value)")
            return
        }
        #expect(parsed.bitPattern == expected.bitPattern)
        #expect(value.numberValue?.isInteger == false)
    }

    @Test("Decimals beyond Double's range are kept as text", arguments: ["1e400", "-1.5E+999", "2.0e309"])
    func hugeDecimalsKeptAsText(text: String) throws {
        let value = try JSON(parsing: text)
        #expect(value.numberValue == .big(text))
        #expect(value.numberValue?.isInteger == false)
        #expect(value.serialized() == text)
    }

    @Test("Non-finite doubles are written as null")
    func nonFiniteWritesNull() {
        #expect(JSON.double(.infinity).serialized() == "null")
        #expect(JSON.double(-.infinity).serialized() == "null")
        #expect(JSON.double(.nan).serialized() == "null")
    }

    @Test("normalized(_:) makes integral doubles integers")
    func normalized() {
        #expect(JSON.normalized(3.0).numberValue == .int(3))
        #expect(JSON.normalized(3.0).serialized() == "3")
        #expect(JSON.normalized(3.5).serialized() == "3.5")
        #expect(JSON.normalized(1e300).serialized() == "1e+300")
    }
}
