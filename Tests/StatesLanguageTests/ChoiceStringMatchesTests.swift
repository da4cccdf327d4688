import JSON
import Testing

@testable import StatesLanguage

struct ChoiceStringMatchesTests {
    @Test(
        "StringMatches treats * as any run of characters and escapes literally",
        arguments: [
            ("log-*.txt", "log-2024.txt", true),
            ("log-*.txt", "log-.txt", true),
            ("log-*.txt", "log-2024.txt.bak", false),
            ("*", "", true),
            ("", "", true),
            ("", "a", false),
            ("a*b*c", "aXXbYYc", true),
            ("a*b*c", "aXXcYYb", false),
            ("*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
            (#"\*"#, "*", true),
            (#"\*"#, "x", false),
            (#"100\*"#, "100*", true),
            (#"a\\b"#, #"a\b"#, true),
            (#"a\\*"#, #"a\anything"#, true),
            ("?", "x", false),
            ("[a]", "[a]", true),
            ("é*", "éclair", true),
        ])
    func matches(_ pattern: String, _ text: String, _ expected: Bool) throws {
        let rule = JSON.object(["Variable": "$.v", "StringMatches": .string(pattern)]).serialized()
        let input = JSON.object(["v": .string(text)]).serialized()
        #expect(try evaluateChoice(rule, input: input) == expected)
    }

    @Test("StringMatches is false for a non-string value")
    func nonString() throws {
        #expect(try evaluateChoice(#"{"Variable": "$.v", "StringMatches": "*"}"#, input: #"{"v": 1}"#) == false)
    }

    @Test("A pattern ending in a lone backslash is a runtime error")
    func danglingBackslash() {
        #expect(throws: StatesError("States.Runtime", #"Invalid StringMatches pattern 'ab\': a backslash must escape '*' or '\'."#)) {
            try evaluateChoice(#"{"Variable": "$.v", "StringMatches": "ab\\"}"#, input: #"{"v": "ab"}"#)
        }
    }
}
