import Testing

@testable import StepwiseRegex

/// The matcher gives the answers Node gives (the examples of ECMA-262 §22.2.2 among them).
@Suite("Matching")
struct MatchingTests {
    @Test("quantifiers are greedy or lazy, counted, and an optional iteration may not match nothing")
    func quantifiers() throws {
        #expect(try exec("a[a-z]{2,4}", "abcdefghi") == ["abcde"])
        #expect(try exec("a[a-z]{2,4}?", "abcdefghi") == ["abc"])
        #expect(try exec("(aa|aabaac|ba|b|c)*", "aabaac") == ["aaba", "ba"])
        #expect(try exec("(a*)*", "b") == ["", nil])
        #expect(try exec("(a*)b\\1+", "baaaac") == ["b", ""])
        #expect(try exec("(?:a|b)*?c", "ababc") == ["ababc"])
        #expect(try exec("x{0}y", "xy") == ["y"])
        #expect(try exec("(?:)*", "a") == [""])
        #expect(try exec("(a|ab)(c|bcd)(d*)", "abcd") == ["abcd", "a", "bcd", ""])
    }

    @Test("a quantified group's captures are reset at each iteration")
    func captureReset() throws {
        #expect(try exec("(z)((a+)?(b+)?(c))*", "zaacbbbcac") == ["zaacbbbcac", "z", "ac", "a", nil, "c"])
        #expect(try exec("(?:(a)|b)+", "ab") == ["ab", nil])
    }

    @Test("lookaheads are atomic, and their captures stay for what follows")
    func lookahead() throws {
        #expect(try exec("(?=(a+))", "baaabac") == ["", "aaa"])
        #expect(try index("(?=(a+))", "baaabac") == 1)
        #expect(try exec("(?=(a+))a*b\\1", "baaabac") == ["aba", "a"])
        #expect(try exec("(.*?)a(?!(a+)b\\2c)\\2(.*)", "baaabaac") == ["baaabaac", "ba", nil, "abaac"])
        #expect(try exec("(?=a)*b", "b") == ["b"])
    }

    @Test("lookbehinds match backwards, of any length, and see the text before the search start")
    func lookbehind() throws {
        #expect(try exec(#"(?<=\$)\d+(\.\d*)?"#, "cost $10.53") == ["10.53", ".53"])
        #expect(try exec(#"(?<=(\d+)(\d+))$"#, "1053") == ["", "1", "053"])
        #expect(try exec(#"(?<!abc)\w\w\w"#, "abcdef") == ["abc"])
        #expect(try exec("(?<=a.*)b", "axxxxb") == ["b"])
        #expect(try exec("(?<=(a)\\1)b", "aab") == ["b", "a"])
        #expect(try exec("(?<=x)y", "xyxy", from: 2) == ["y"])
        #expect(try index("(?<=x)y", "xyxy") == 1)
    }

    @Test("back-references: numbered, named, forward (empty), case-insensitive")
    func backReferences() throws {
        #expect(try exec(#"(?<q>["'])(.*?)\k<q>"#, #"say 'hi "you"' now"#) == ["'hi \"you\"'", "'", "hi \"you\""])
        #expect(try exec(#"\1(a)"#, "aa") == ["a", "a"])
        #expect(try exec(#"^(a)\1$"#, flags: "i", "aA") == ["aA", "a"])
        #expect(try exec(#"(a)|\1b"#, "b") == ["b", nil])
    }

    @Test("anchors, lines and word boundaries")
    func anchors() throws {
        #expect(try exec("^b", "ab") == nil)
        #expect(try exec("^b", "ab", from: 1) == nil)
        #expect(try exec("^b", flags: "m", "a\nb") == ["b"])
        #expect(try exec("a$", "a\n") == nil)
        #expect(try exec("a$", flags: "m", "a\u{2028}") == ["a"])
        #expect(try exec(#"\bis\b"#, "this is") == ["is"])
        #expect(try exec(#"\Bis"#, "this") == ["is"])
        #expect(try exec("a.c", flags: "s", "a\nc") == ["a\nc"])
    }

    @Test("the text is UTF-16: . and classes take one unit of an astral character")
    func utf16() throws {
        #expect(try exec("^.$", "😀") == nil)
        #expect(try exec("^..$", "😀") == ["😀"])
        #expect(try exec("[😀]", "😀")?.first??.utf16.count == 1)
        #expect(try index("b", "😀b") == 2)
    }

    @Test("i compares by simple upper-case mapping, never into ASCII")
    func ignoreCase() throws {
        #expect(try exec("σ", flags: "i", "Σ") == ["Σ"])
        #expect(try exec("[a-z]+", flags: "i", "HeLLo") == ["HeLLo"])
        #expect(try exec("s", flags: "i", "ſ") == nil)
        #expect(try exec("ß", flags: "i", "ẞ") == nil)
        #expect(try exec("[^a]", flags: "i", "A") == nil)
    }
}
