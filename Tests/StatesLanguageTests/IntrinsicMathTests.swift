import JSON
import Testing

@testable import StatesLanguage

struct IntrinsicMathTests {
    @Test(
        "MathAdd rounds each argument half up, as Java's Math.round does, then adds",
        arguments: [
            ("1.49", "1.5", 3), ("1.5", "1.51", 4), ("-1.49", "-1.5", -2), ("-1.5", "-1.51", -3), ("-0.5", "0", 0),
            ("-2.5", "0", -2), ("2.5", "0", 3), ("-3.5", "0", -3), ("111", "-1", 110), ("0.49999999999999994", "0", 0),
        ])
    func mathAdd(_ first: String, _ second: String, _ sum: Int) throws {
        let result = try evaluateIntrinsic("States.MathAdd($.a, $.b)", input: #"{"a": \#(first), "b": \#(second)}"#)
        #expect(result.serialized() == "\(sum)")
    }

    @Test("MathAdd rejects non-numbers", arguments: ["States.MathAdd($.s, 1)", "States.MathAdd(1, $.t)", "States.MathAdd($.o, 1)"])
    func mathAddFailures(_ call: String) {
        #expect(intrinsicError(call, input: #"{"s": "1", "t": true, "o": {}}"#) == invalidArguments("States.MathAdd"))
    }

    @Test(
        "A seeded MathRandom gives what java.util.Random gives",
        arguments: [
            ("States.MathRandom(1, 100, 42)", 63), ("States.MathRandom(0, 16, 7)", 11), ("States.MathRandom(10, 1010, -5)", 421),
        ])
    func seeded(_ call: String, _ expected: Int) throws {
        #expect(try evaluateIntrinsic(call) == .int(expected))
        #expect(try evaluateIntrinsic(call) == .int(expected))
    }

    @Test("java.util.Random's first nextInt() for well-known seeds")
    func javaRandom() {
        var fortyTwo = JavaRandom(seed: 42)
        var zero = JavaRandom(seed: 0)
        #expect(fortyTwo.next(bits: 32) == -1_170_105_035)
        #expect(zero.next(bits: 32) == -1_155_484_576)
    }

    @Test("An unseeded MathRandom stays in [start, end) after truncating")
    func unseeded() throws {
        for _ in 0..<50 {
            let value = try #require(try evaluateIntrinsic("States.MathRandom(12.5, 15.9)").intValue)
            #expect((12..<15).contains(value))
        }
    }

    @Test("MathRandom rejects an empty range", arguments: ["States.MathRandom(5, 5)", "States.MathRandom(1.4, 1.6)", "States.MathRandom(9, 1)"])
    func randomFailures(_ call: String) {
        #expect(intrinsicError(call) == invalidArguments("States.MathRandom"))
    }

    @Test(
        "StringSplit splits on every delimiter character and drops empty pieces",
        arguments: [
            ("1,2,3", ",", #"["1","2","3"]"#), (",,,,", ",", "[]"), ("This.is+a,test=string", ".+,=", #"["This","is","a","test","string"]"#),
            ("split on T and \nnew line", "T\n", #"["split on "," and ","new line"]"#), ("abc", "", #"["abc"]"#), ("", ",", "[]"),
            ("a\n  \nb", "\n", #"["a","  ","b"]"#),
        ])
    func stringSplit(_ text: String, _ delimiters: String, _ expected: String) throws {
        let input = JSON.object(["s": .string(text), "d": .string(delimiters)]).serialized()
        #expect(try evaluateIntrinsic("States.StringSplit($.s, $.d)", input: input) == json(expected))
    }

    @Test("StringSplit rejects non-strings")
    func splitFailure() {
        #expect(intrinsicError("States.StringSplit($.n, ',')", input: #"{"n": 1}"#) == invalidArguments("States.StringSplit"))
    }

    @Test("UUID returns a lower-case version 4 UUID")
    func uuid() throws {
        let text = try #require(try evaluateIntrinsic("States.UUID()").stringValue)
        let parts = text.split(separator: "-").map(\.count)
        #expect(parts == [8, 4, 4, 4, 12])
        #expect(text == text.lowercased())
        #expect(Array(text)[14] == "4")
        #expect("89ab".contains(Array(text)[19]))
        #expect(try evaluateIntrinsic("States.UUID()").stringValue != text)
    }

    @Test("Nested calls feed each other, with paths into the context")
    func nested() throws {
        let call =
            "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))"
        #expect(try evaluateIntrinsic(call) == "v2")
    }
}
