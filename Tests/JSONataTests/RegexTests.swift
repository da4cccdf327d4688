import JSON
import JSONata
import Testing

/// Regular expressions mean what they mean in JavaScript (JSONata's regex literals are JavaScript RegExps with
/// the flags `i` and `m`), not what ICU would make of the same text.
@Suite("Regular expressions", .timeLimit(.minutes(3)))
struct RegexTests {
    func matches(_ text: String, _ regex: String) throws -> Bool {
        try run("$contains($t, \(regex))", bindings: ["t": .string(text)]) == true
    }

    @Test("$ without m matches only at the very end, not before a final newline")
    func dollar() throws {
        #expect(try !matches("+14155550101\n", "/^[+][1-9][0-9]{7,14}$/"))
        #expect(try matches("+14155550101", "/^[+][1-9][0-9]{7,14}$/"))
        #expect(try !matches("abc\n", "/c$/"))
        #expect(try !matches("a\r", "/a$/"))
    }

    @Test("^ without m matches only at the start, also when the search resumes after a match")
    func caret() throws {
        #expect(try run(#"$replace("aab", /^a/, "x")"#) == "xab")
        #expect(try run(#"$match("aaa", /^a/).index"#) == 0)
        #expect(try !matches("x\na", "/^a/"))
    }

    @Test("with m, ^ and $ work at JavaScript's line terminators only: \\n, \\r, U+2028, U+2029")
    func multiline() throws {
        #expect(try run(#"$match("a\nb\rc\u2028d\u2029e", /^\w$/m).match"#) == json(#"["a","b","c","d","e"]"#))
        #expect(try run(#"$match("a\u000Bb\fc\u0085d", /^\w/m).match"#) == "a")
        #expect(try run(#"$contains("a\r\nb", /^$/m)"#) == true)
        #expect(try run(#"$contains("a\u0085\u0085b", /^$/m)"#) == false)
    }

    @Test(". matches everything but \\n, \\r, U+2028 and U+2029")
    func dot() throws {
        #expect(try !matches("a\nb", "/a.b/"))
        #expect(try !matches("a\rb", "/a.b/"))
        #expect(try !matches("a\u{2028}b", "/a.b/"))
        #expect(try matches("a\u{0B}b", "/a.b/"))
        #expect(try matches("a\u{85}b", "/a.b/"))
    }

    @Test("\\d and \\w are ASCII, \\s is JavaScript's white space, \\b is an ASCII word boundary")
    func classEscapes() throws {
        #expect(try !matches("٣", #"/\d/"#))
        #expect(try matches("٣", #"/\D/"#))
        #expect(try !matches("é", #"/\w/"#))
        #expect(try matches("é", #"/[\W]/"#))
        #expect(try matches("\u{0B}", #"/\s/"#))
        #expect(try matches("\u{FEFF}", #"/\s/"#))
        #expect(try !matches("\u{85}", #"/\s/"#))
        #expect(try run(#"$match("café au", /\b\w+\b/).match"#) == json(#"["caf","au"]"#))
        #expect(try run(#"$match("ab", /a\B/).match"#) == "a")
        #expect(try matches("é!", #"/é\B/"#))
    }

    @Test("[^] matches any character, [] none, and [ is an ordinary member of a class")
    func classes() throws {
        #expect(try matches("\n", "/[^]/"))
        #expect(try !matches("a", "/a[]/"))
        #expect(try run(#"$split("a&b", /[x&&y]/)"#) == json(#"["a","b"]"#))
        #expect(try matches("-", #"/[\w-]/"#))
        #expect(try !matches("5", #"/[^\d]/"#))
        #expect(try matches("1", #"/[^\D]/"#))
    }

    @Test("escapes ICU reads differently keep JavaScript's meaning")
    func escapes() throws {
        #expect(try matches("a", #"/\a/"#))
        #expect(try matches("e", #"/^\e$/"#))
        #expect(try matches("\u{0B}", #"/^\v$/"#))
        #expect(try matches("\u{08}", #"/^[\b]$/"#))
        #expect(try matches("\u{00}", #"/^\0$/"#))
        #expect(try matches("\u{01}", #"/^\1$/"#))
        #expect(try matches("aa", #"/^(a)\1$/"#))
        #expect(try matches("\u{08}", #"/^(a)?\10$/"#))
        #expect(try matches("A", #"/^\x41\u0041?$/"#))
        #expect(try matches("\u{01}", #"/^\cA$/"#))
        #expect(try matches(#"\c"#, #"/^\c$/"#))
        #expect(try matches("p{L}", #"/^\p{L}$/"#))
    }

    @Test("a brace that is not a quantifier is a literal; JavaScript's quantifiers stay quantifiers")
    func braces() throws {
        #expect(try matches("a{,2}", "/^a{,2}$/"))
        #expect(try matches("{x}", "/^{x}$/"))
        #expect(try matches("aaa", "/^a{2,3}?$/"))
        #expect(try !matches("a", "/^a{2}$/"))
    }

    @Test(
        "syntax JavaScript refuses is refused, even where ICU has a meaning for it",
        arguments: [
            "/a*+/", "/(?i)a/", "/(?>a)/", "/(?#c)a/", "/+a/", "/a|*/", "/[b-a]/", "/a**/",
        ])
    func refused(regex: String) {
        #expect(errorCode("$contains('a', \(regex))") == "S0302")
    }

    @Test("i folds case as JavaScript does without the u flag: by simple upper-case mapping, never into ASCII")
    func ignoreCase() throws {
        #expect(try matches("S", "/s/i"))
        #expect(try matches("Σ", "/[σ]/i"))
        #expect(try matches("ς", "/Σ/i"))
        #expect(try matches("Q", "/[a-z]/i"))
        #expect(try !matches("ſ", "/s/i"))
        #expect(try !matches("\u{212A}", "/[a-z]/i"))
        #expect(try !matches("ss", "/^ß$/i"))
        #expect(try !matches("A", "/[^a-z]/i"))
        #expect(try !matches("É", "/\\w/i"))
        #expect(try matches("aA", #"/^(a)\1$/i"#))
        #expect(try matches("bB", #"/^(?<x>b)\k<x>$/i"#))
    }

    @Test("lookbehind sees the text before where a search resumes")
    func lookbehind() throws {
        #expect(try run(#"$match("xyxy", /(?<=x)y/).index"#) == json("[1,3]"))
        #expect(try run(#"$replace("aXbX", /(?<=b)X/, "!")"#) == "aXb!")
    }
}
