import Testing

@testable import StepwiseRegex

/// Node's parser, Annex B included: what it refuses is refused with its message; what it reads as a literal
/// is a literal.
@Suite("Syntax")
struct SyntaxTests {
    @Test(
        "patterns Node refuses",
        arguments: [
            ("a**", "Nothing to repeat"), ("+a", "Nothing to repeat"), ("a|*", "Nothing to repeat"), ("^*", "Nothing to repeat"),
            (#"\b+"#, "Nothing to repeat"), ("(?<=a)?", "Nothing to repeat"), ("{1}", "Nothing to repeat"), ("a{2}{3}", "Nothing to repeat"),
            ("(?i)a", "Invalid group"), ("(?>a)", "Invalid group"), ("(a", "Unterminated group"), ("a)", "Unmatched ')'"),
            ("[b-a]", "Range out of order in character class"), ("[a", "Unterminated character class"),
            ("a{2,1}", "numbers out of order in {} quantifier"), (#"a\"#, #"\ at end of pattern"#),
            ("(?<1a>x)", "Invalid capture group name"), ("(?<a>x)(?<a>y)", "Duplicate capture group name"),
            (#"(?<a>x)\k<b>"#, "Invalid named capture referenced"), (#"(?<a>x)\k"#, "Invalid named reference"),
        ])
    func refused(pattern: String, message: String) {
        #expect(syntaxError(pattern) == message)
    }

    @Test("Annex B: braces, brackets and unknown escapes are literals")
    func literals() throws {
        #expect(try exec("^a{,2}$", "a{,2}") == ["a{,2}"])
        #expect(try exec("^{x}]$", "{x}]") == ["{x}]"])
        #expect(try exec(#"^\a\e\k\p{L}$"#, "aekp{L}") == ["aekp{L}"])
        #expect(try exec(#"^\c$"#, #"\c"#) == [#"\c"#])
        #expect(try exec(#"^\cJ[\c_]$"#, "\n\u{1F}") == ["\n\u{1F}"])
        #expect(try exec(#"^\8\0\101\x41\u0041\x4$"#, "8\0AAAx4") == ["8\0AAAx4"])
        #expect(try exec(#"^(a)?\10$"#, "\u{08}") == ["\u{08}", nil])
        #expect(try exec(#"^[\d-z]+$"#, "1-z") == ["1-z"])
        #expect(try exec(#"^[^]$"#, "\n") == ["\n"])
        #expect(try exec(#"a[]"#, "a") == nil)
        #expect(try exec(#"^[\b]$"#, "\u{08}") == ["\u{08}"])
    }

    @Test("strict escapes refuse what Annex B would read as a letter or digit, and keep JavaScript's escapes")
    func strictEscapes() throws {
        for pattern in [#"\p{L}"#, #"\A"#, #"\z"#, #"\8"#, #"\1"#, #"\c1"#, #"[\c!]"#, #"\x4"#, #"\k"#, #"[\9]"#] {
            #expect(syntaxError(pattern, flags: .strictEscapes) == "Invalid escape")
        }
        let regex = try ECMARegex(#"^\d\w\b\s\t\n\x41\u0042\0\cA[\b\-]\.(a)\1$"#, flags: .strictEscapes)
        var budget = RegexBudget()
        #expect(try regex.wholeMatch(Array("1a \t\nAB\0\u{01}-.aa".utf16), budget: &budget) != nil)
    }

    @Test("escaped text matches itself")
    func escaped() throws {
        let text = #"a^b$c\d.e*f+g?h(i)j[k]l{m}n|o/p-q"#
        #expect(ECMARegex.escaped("a.b") == #"a\.b"#)
        #expect(try exec("^" + ECMARegex.escaped(text) + "$", text) == [text])
    }

    @Test("groups may nest 100 deep, not deeper")
    func nesting() {
        #expect(syntaxError(String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)) == nil)
        #expect(syntaxError(String(repeating: "(?:", count: 101) + "a" + String(repeating: ")", count: 101)) == "Groups nested more than 100 deep")
        #expect(syntaxError(String(repeating: "(", count: 100_000)) == "Groups nested more than 100 deep")
    }
}
