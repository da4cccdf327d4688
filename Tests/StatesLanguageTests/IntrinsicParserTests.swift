import JSON
import Testing

@testable import StatesLanguage

struct IntrinsicParserTests {
    @Test(
        "Arguments of every kind are parsed",
        arguments: [
            ("States.Array('a', 1, -2.5, 1e2, true, false, null)", #"["a",1,-2.5,100.0,true,false,null]"#),
            ("States.Array( $.a , $$.Execution.Name,$v )", #"[1,"run-1",[3]]"#),
            ("States.Array()", "[]"),
            ("  States.Array(States.Array(1), States.ArrayLength($.list))  ", "[[1],2]"),
            (#"States.Array('it\'s', 'a\\b', '\{\}', 'x,y)')"#, #"["it's","a\\b","{}","x,y)"]"#),
            ("States.Array($.list[1], $.list[0])", "[20,10]"),
        ])
    func parsesArguments(_ text: String, _ expected: String) throws {
        let result = try evaluateIntrinsic(text, input: #"{"a": 1, "list": [10, 20]}"#, variables: ["v": [3]])
        #expect(result == json(expected))
    }

    @Test("Integers stay integers and decimals stay decimals")
    func numberKinds() throws {
        #expect(try evaluateIntrinsic("States.Array(2, 2.0)").serialized() == "[2,2.0]")
    }

    @Test("Ten nested calls are accepted")
    func tenLevels() throws {
        let text = String(repeating: "States.Array(", count: 10) + "1" + String(repeating: ")", count: 10)
        #expect(try evaluateIntrinsic(text).serialized() == "[[[[[[[[[[1]]]]]]]]]]")
    }

    @Test(
        "Malformed calls are syntax errors",
        arguments: [
            ("States.Nope(1)", "unknown intrinsic function 'States.Nope'"),
            ("States.Array(1", "expected ',' or ')' in the arguments of States.Array"),
            ("States.Array(1) x", "unexpected text after the closing ')'"),
            ("States.Array('abc)", "unterminated string literal"),
            ("States.Array(bogus)", "unknown intrinsic function 'bogus'"),
            ("States.Array(1,)", "unexpected character ')'"),
            ("States.Array", "expected '(' after States.Array"),
            ("States.UUID(1)", "States.UUID takes 0 argument(s), got 1"),
            ("States.ArrayRange(1, 5)", "States.ArrayRange takes 3 argument(s), got 2"),
            ("States.MathRandom(1)", "States.MathRandom takes 2 to 3 argument(s), got 1"),
            ("States.Format()", "States.Format takes at least 1 argument(s), got 0"),
            ("States.MathAdd('1', 2)", #"argument 1 of States.MathAdd must be a number, not "1""#),
            ("States.Format(1)", "argument 1 of States.Format must be a string, not 1"),
            ("States.JsonMerge($.a, $.b, 'no')", #"argument 3 of States.JsonMerge must be a boolean, not "no""#),
            ("States.ArrayLength(3)", "argument 1 of States.ArrayLength must be a path or intrinsic function, not 3"),
            ("States.Hash('x', 1)", "argument 2 of States.Hash must be a string, not 1"),
        ])
    func syntaxErrors(_ text: String, _ message: String) {
        #expect(throws: IntrinsicSyntaxError(text: text, message: message)) { try IntrinsicFunction(text) }
    }

    @Test("More than ten nested calls are rejected")
    func elevenLevels() {
        let text = String(repeating: "States.Array(", count: 11) + "1" + String(repeating: ")", count: 11)
        #expect(throws: IntrinsicSyntaxError(text: text, message: "intrinsic functions can be nested at most 10 levels deep")) {
            try IntrinsicFunction(text)
        }
    }

    @Test("Only text starting with States. looks like a call")
    func looksLikeCall() {
        #expect(IntrinsicFunction.looksLikeCall("States.UUID()"))
        #expect(!IntrinsicFunction.looksLikeCall("$.States"))
    }
}
