import JSON
import Testing

@testable import StatesLanguage

struct IntrinsicArrayTests {
    static let input = #"{"list": [1, "a", {"k": [1, 2]}, null, 1.0, "a"], "empty": [], "nums": [0, 1, 2, 3, 4]}"#

    @Test(
        "Array functions return what AWS returns",
        arguments: [
            ("States.Array($.empty, 'x')", #"[[],"x"]"#),
            ("States.ArrayPartition($.nums, 2)", "[[0,1],[2,3],[4]]"),
            ("States.ArrayPartition($.nums, 5)", "[[0,1,2,3,4]]"),
            ("States.ArrayPartition($.nums, 9)", "[[0,1,2,3,4]]"),
            ("States.ArrayPartition($.empty, 3)", "[]"),
            ("States.ArrayPartition($.nums, 2.9)", "[[0,1],[2,3],[4]]"),
            ("States.ArrayContains($.list, $.list[2])", "true"),
            ("States.ArrayContains($.list, States.StringToJson('{\"k\":[1,2]}'))", "true"),
            ("States.ArrayContains($.list, States.StringToJson('{\"k\":[2,1]}'))", "false"),
            ("States.ArrayContains($.list, null)", "true"),
            ("States.ArrayContains($.empty, null)", "false"),
            ("States.ArrayContains($.nums, '1')", "false"),
            ("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]"),
            ("States.ArrayRange(0, 10, 3)", "[0,3,6,9]"),
            ("States.ArrayRange(5, 1, -2)", "[5,3,1]"),
            ("States.ArrayRange(3, 3, -1)", "[3]"),
            ("States.ArrayRange(5, 1, 1)", "[]"),
            ("States.ArrayRange(1, 5, -1)", "[]"),
            ("States.ArrayRange(-2, 2, 2)", "[-2,0,2]"),
            ("States.ArrayRange(1.6, 1.4, 1)", "[1]"),
            ("States.ArrayRange(5.4, -0.6, -2.4)", "[5,3,1]"),
            ("States.ArrayGetItem($.nums, 4)", "4"),
            ("States.ArrayGetItem($.list, 2)", #"{"k":[1,2]}"#),
            ("States.ArrayGetItem($.nums, 1.7)", "1"),
            ("States.ArrayLength($.list)", "6"),
            ("States.ArrayLength($.empty)", "0"),
            ("States.ArrayUnique($.list)", #"[1,"a",{"k":[1,2]},null]"#),
            ("States.ArrayUnique($.empty)", "[]"),
        ])
    func arrays(_ call: String, _ expected: String) throws {
        #expect(try evaluateIntrinsic(call, input: Self.input) == json(expected))
    }

    @Test("ArrayRange allows exactly 1000 items")
    func rangeLimit() throws {
        #expect(try evaluateIntrinsic("States.ArrayLength(States.ArrayRange(1, 1000, 1))") == 1000)
        #expect(try evaluateIntrinsic("States.ArrayLength(States.ArrayRange(1000, 1, -1))") == 1000)
    }

    @Test(
        "Array functions reject bad arguments",
        arguments: [
            ("States.ArrayPartition($.nums, 0)", "States.ArrayPartition"),
            ("States.ArrayPartition($.nums, 0.49)", "States.ArrayPartition"),
            ("States.ArrayPartition($.nums, -1)", "States.ArrayPartition"),
            ("States.ArrayPartition($.list[1], 1)", "States.ArrayPartition"),
            ("States.ArrayContains($.list[2], 1)", "States.ArrayContains"),
            ("States.ArrayRange(1, 10, 0)", "States.ArrayRange"),
            ("States.ArrayRange(1, 10, 0.49)", "States.ArrayRange"),
            ("States.ArrayRange(1, 1001, 1)", "States.ArrayRange"),
            ("States.ArrayRange(1001, 1, -1)", "States.ArrayRange"),
            ("States.ArrayRange($.list[1], 5, 1)", "States.ArrayRange"),
            ("States.ArrayGetItem($.nums, 5)", "States.ArrayGetItem"),
            ("States.ArrayGetItem($.nums, -1)", "States.ArrayGetItem"),
            ("States.ArrayGetItem($.nums, $.list[1])", "States.ArrayGetItem"),
            ("States.ArrayLength($.list[1])", "States.ArrayLength"),
            ("States.ArrayUnique($.list[2])", "States.ArrayUnique"),
        ])
    func arrayFailures(_ call: String, _ function: String) {
        #expect(intrinsicError(call, input: Self.input) == invalidArguments(function))
    }
}
