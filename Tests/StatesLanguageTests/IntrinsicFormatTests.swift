import JSON
import Testing

@testable import StatesLanguage

struct IntrinsicFormatTests {
    @Test(
        "States.Format fills placeholders with each value's text",
        arguments: [
            (#"States.Format('Hello {}, you are {}.', $.name, $.age)"#, "Hello Ada, you are 36."),
            (#"States.Format('{}|{}|{}|{}', $.pi, $.yes, $.nothing, $.big)"#, "3.14|true|null|12345678901234567890"),
            (#"States.Format('no placeholders')"#, "no placeholders"),
            (#"States.Format('  {}  ', $.name)"#, "  Ada  "),
            (#"States.Format('obj={} list={}', $.obj, $.list)"#, "obj={k=v, n=[1, x], e={}} list=[1, two, [], null]"),
            (#"States.Format('\{\} is literal, {} is not', $.name)"#, "{} is literal, Ada is not"),
            (#"States.Format('it\'s {}\\', $.name)"#, "it's Ada\\"),
            (#"States.Format($.template, $.name)"#, "Dear Ada"),
            (#"States.Format('{}', States.JsonToString($.obj))"#, #"{"k":"v","n":[1,"x"],"e":{}}"#),
            (#"States.Format('{}{}', 'a', 1.50)"#, "a1.5"),
        ])
    func formats(_ call: String, _ expected: String) throws {
        let input = """
            {"name": "Ada", "age": 36, "pi": 3.14, "yes": true, "nothing": null, "big": 12345678901234567890,
             "obj": {"k": "v", "n": [1, "x"], "e": {}}, "list": [1, "two", [], null], "template": "Dear {}"}
            """
        #expect(try evaluateIntrinsic(call, input: input) == .string(expected))
    }

    @Test(
        "States.Format fails when placeholders and values disagree or a brace is unmatched",
        arguments: [
            "States.Format('{} {}', 'a')",
            "States.Format('{}', 'a', 'b')",
            "States.Format('Hello {', 'a')",
            "States.Format('Hello {{}}', 'a')",
            "States.Format('}')",
            "States.Format($.number)",
            "States.Format($.dangling)",
        ])
    func formatFailures(_ call: String) {
        #expect(intrinsicError(call, input: #"{"number": 1, "dangling": "ends with \\"}"#) == invalidArguments("States.Format"))
    }

    @Test("A template read from data follows the same brace rules")
    func dataTemplateEscapes() throws {
        let input = #"{"t": "\\{{}\\}"}"#
        #expect(try evaluateIntrinsic("States.Format($.t, 1)", input: input) == "{1}")
    }
}
