import JSON
import Testing

@testable import StatesLanguage

struct IntrinsicJsonTests {
    static let input = #"""
        {"text": "{\"a\": [1, 2.5], \"b\": null}", "blank": " \t\n", "empty": "", "quoted": "\"hi\"",
         "left": {"a": {"x": 1}, "b": 2, "d": 3}, "right": {"a": {"y": 1}, "c": 3, "d": 4}, "n": 1.0}
        """#

    @Test(
        "StringToJson, JsonToString and JsonMerge return what AWS returns",
        arguments: [
            ("States.StringToJson($.text)", #"{"a":[1,2.5],"b":null}"#),
            ("States.StringToJson($.blank)", "null"),
            ("States.StringToJson($.empty)", "null"),
            ("States.StringToJson($.quoted)", #""hi""#),
            ("States.StringToJson('12')", "12"),
            ("States.JsonToString($.left)", #""{\"a\":{\"x\":1},\"b\":2,\"d\":3}""#),
            ("States.JsonToString($.quoted)", #""\"\\\"hi\\\"\"""#),
            ("States.JsonToString($.n)", #""1.0""#),
            ("States.JsonToString(States.StringToJson($.text))", #""{\"a\":[1,2.5],\"b\":null}""#),
            ("States.JsonMerge($.left, $.right, false)", #"{"a":{"y":1},"b":2,"d":4,"c":3}"#),
        ])
    func jsonFunctions(_ call: String, _ expected: String) throws {
        #expect(try evaluateIntrinsic(call, input: Self.input) == json(expected))
    }

    @Test("JsonMerge keeps the first object's key order and appends new keys")
    func mergeOrder() throws {
        let merged = try evaluateIntrinsic("States.JsonMerge($.left, $.right, false)", input: Self.input)
        #expect(merged.serialized() == #"{"a":{"y":1},"b":2,"d":4,"c":3}"#)
    }

    @Test(
        "JSON functions reject bad arguments",
        arguments: [
            ("States.StringToJson('{oops')", "States.StringToJson"),
            ("States.StringToJson($.left)", "States.StringToJson"),
            ("States.JsonMerge($.left, $.right, true)", "States.JsonMerge"),
            ("States.JsonMerge($.left, $.text, false)", "States.JsonMerge"),
            ("States.JsonMerge($.n, $.right, false)", "States.JsonMerge"),
            ("States.JsonMerge($.left, $.right, $.n)", "States.JsonMerge"),
        ])
    func jsonFailures(_ call: String, _ function: String) {
        #expect(intrinsicError(call, input: Self.input) == invalidArguments(function))
    }
}
