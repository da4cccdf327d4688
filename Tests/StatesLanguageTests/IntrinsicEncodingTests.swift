import JSON
import Testing

@testable import StatesLanguage

struct IntrinsicEncodingTests {
    @Test(
        "Base64 encodes and decodes the RFC 4648 examples",
        arguments: [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"), ("Hello, 世界", "SGVsbG8sIOS4lueVjA=="), (">>>???", "Pj4+Pz8/"),
        ])
    func base64(_ text: String, _ encoded: String) throws {
        #expect(try evaluateIntrinsic("States.Base64Encode($.v)", input: JSON.object(["v": .string(text)]).serialized()) == .string(encoded))
        #expect(try evaluateIntrinsic("States.Base64Decode($.v)", input: JSON.object(["v": .string(encoded)]).serialized()) == .string(text))
    }

    @Test("Base64Decode accepts missing padding")
    func unpadded() throws {
        #expect(try evaluateIntrinsic("States.Base64Decode('Zm9vYg')") == "foob")
    }

    @Test(
        "Base64 functions reject bad input",
        arguments: [
            ("States.Base64Decode('Zm9v!')", "States.Base64Decode"),
            ("States.Base64Decode('Z')", "States.Base64Decode"),
            ("States.Base64Decode('Zm 9v')", "States.Base64Decode"),
            ("States.Base64Decode($.n)", "States.Base64Decode"),
            ("States.Base64Encode($.n)", "States.Base64Encode"),
            ("States.Base64Encode($.long)", "States.Base64Encode"),
            ("States.Base64Decode($.long)", "States.Base64Decode"),
        ])
    func base64Failures(_ call: String, _ function: String) {
        let input = JSON.object(["n": 1, "long": .string(String(repeating: "A", count: 10_004))]).serialized()
        #expect(intrinsicError(call, input: input) == invalidArguments(function))
    }

    @Test("Exactly 10,000 characters may be encoded")
    func encodeLimit() throws {
        let input = JSON.object(["v": .string(String(repeating: "é", count: 10_000))]).serialized()
        let encoded = try evaluateIntrinsic("States.Base64Encode($.v)", input: input)
        #expect(encoded.stringValue?.count == 26_668)
    }

    @Test(
        "States.Hash returns the lower-case hex digest",
        arguments: [
            ("States.Hash('abc', 'SHA-256')", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("States.Hash('abc', 'MD5')", "900150983cd24fb0d6963f7d28e17f72"),
            ("States.Hash('abc', 'SHA-1')", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (
                "States.Hash('Stepwise', 'SHA-384')",
                "1b0c3ce5a6b131babe43d3054131bf42faba7be8c1af329367114116167f31721df16487ca2bdf508784f0f91e01bc74"
            ),
            (
                "States.Hash('x', 'SHA-512')",
                "a4abd4448c49562d828115d13a1fccea927f52b4d5459297f8b43e42da89238bc13626e43dcb38ddb082488927ec904fb42057443983e88585179d50551afe62"
            ),
            ("States.Hash($.obj, 'SHA-256')", "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"),
            ("States.Hash($.n, 'MD5')", "a1d0c6e83f027327d8461063f4ac58a6"),
        ])
    func hash(_ call: String, _ hex: String) throws {
        #expect(try evaluateIntrinsic(call, input: #"{"obj": {"a": 1}, "n": 42}"#) == .string(hex))
    }

    @Test(
        "States.Hash rejects unknown algorithms and long input",
        arguments: [
            "States.Hash('abc', 'sha-256')", "States.Hash('abc', 'SHA-224')", "States.Hash('abc', 'SHA256')",
            "States.Hash($.long, 'MD5')",
        ])
    func hashFailures(_ call: String) {
        let input = JSON.object(["long": .string(String(repeating: "A", count: 10_001))]).serialized()
        #expect(intrinsicError(call, input: input) == invalidArguments("States.Hash"))
    }
}
