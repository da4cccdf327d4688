import JSON
import StatesLanguage
import Testing

@Suite("JSONPath syntax and roots", .timeLimit(.minutes(3)))
struct JSONPathSyntaxTests {
    @Test("roots: input, context object and variables")
    func roots() throws {
        #expect(try JSONPath("$.a").root == .input)
        #expect(try JSONPath("$$.Execution.Id").root == .context)
        #expect(try JSONPath("$$").root == .context)
        #expect(try JSONPath("$myVar.x").root == .variable("myVar"))
        #expect(try JSONPath("$_x").root == .variable("_x"))
        #expect(try JSONPath("$größe[0]").root == .variable("größe"))
        let context: JSON = ["Execution": ["Id": "arn:1"]]
        #expect(try select("$$.Execution.Id", [:], context: context) == "arn:1")
        #expect(try select("$$", [:], context: context) == context)
        #expect(try select("$v.list[1]", [:], variables: ["v": ["list": [1, 2]]]) == 2)
        #expect(try select("$v", [:], variables: ["v": "s"]) == "s")
        #expect(try select("$unknown", [:]) == Optional<JSON>.none)
    }

    @Test("outer-scope variables are visible, inner ones win")
    func scopes() throws {
        let variables = Variables(outer: ["a": 1, "b": 1], local: ["b": 2])
        let roots = PathRoots(input: [:], variables: variables)
        #expect(try JSONPath("$a").value(in: roots) == 1)
        #expect(try JSONPath("$b").value(in: roots) == 2)
    }

    @Test("quoted names take escapes and any character")
    func quotedNames() throws {
        let document = json(#"{"it's": 1, "a\"b": 2, "x.y": 3, "tab\t": 4, "é": 5, "[]": 6}"#)
        #expect(try select(#"$['it\'s']"#, document) == 1)
        #expect(try select(#"$["a\"b"]"#, document) == 2)
        #expect(try select("$['x.y']", document) == 3)
        #expect(try select(#"$['tab\t']"#, document) == 4)
        #expect(try select(#"$['\u00e9']"#, document) == 5)
        #expect(try select("$.é", document) == 5)
        #expect(try select("$['[]']", document) == 6)
        #expect(try select(#"$.x\.y"#, document) == 3)
        #expect(try select("$[ 'x.y' ]", document) == 3)
    }

    @Test(
        "malformed paths are rejected with a message",
        arguments: [
            ("", "a path must start with '$'"),
            ("a.b", "a path must start with '$'"),
            ("$.", "a path must not end with '.'"),
            ("$..", "a path must not end with '..'"),
            ("$.a..", "a path must not end with '..'"),
            ("$[", "unclosed '['"),
            ("$[0", "unclosed '['"),
            ("$['a]", "unterminated string"),
            ("$[]", "empty brackets"),
            ("$[a]", "invalid array index 'a'"),
            ("$[1:2:3:4]", "a slice has at most three parts"),
            ("$[:]", "a slice needs a start or an end"),
            ("$[::-1]", "a slice needs a start or an end"),
            ("$[1:x]", "invalid slice bound 'x'"),
            ("$[1:2:x]", "invalid slice step 'x'"),
            ("$.a.nope()", "unknown function 'nope()'"),
            ("$.a.length(1)", "function 'length()' takes no arguments"),
            ("$.a.length().b", "unexpected character '.'"),
            ("$[?(@.a ==)]", "unexpected character ')'"),
            ("$[?(1)]", "expected a comparison operator after a literal"),
            ("$[?(@.a =~ 'x')]", "'=~' needs /regex/ on its right"),
            ("$[?(@.a =~ /(/)]", "invalid regular expression /(/"),
            ("$[?(@.a == /x/)]", "a regular expression needs '=~'"),
            ("$[?(@.a > 1]", "expected ')' but found ']'"),
            ("$ .a", "unexpected character ' '"),
        ])
    func syntaxErrors(path: String, message: String) {
        #expect {
            try JSONPath(path)
        } throws: { error in
            (error as? PathSyntaxError)?.message == message && (error as? PathSyntaxError)?.path == path
        }
    }

    @Test("a syntax error names the path and the position")
    func syntaxErrorDescription() {
        #expect(PathSyntaxError(path: "$[", message: "unclosed '['", offset: 1).description == "Invalid path '$[': unclosed '[' at position 1")
    }

    @Test(
        "Reference Paths use names and single indexes only",
        arguments: [
            ("$", true), ("$.a", true), ("$.a.b[0]", true), ("$['a b'][-1]", true), ("$$.Execution.Input", true),
            ("$v.x", true), ("$.a[*]", false), ("$.a.*", false), ("$.a[0:1]", false), ("$.a[0,1]", false),
            ("$['a','b']", false), ("$..a", false), ("$.a[?(@.b)]", false), ("$.a.length()", false),
        ])
    func referencePaths(path: String, isReference: Bool) throws {
        #expect(try JSONPath(path).isReferencePath == isReference)
    }

    @Test("paths are equal when their text is")
    func equality() throws {
        #expect(try JSONPath("$.a") == JSONPath("$.a"))
        #expect(try JSONPath("$.a") != JSONPath("$['a']"))
        #expect(try JSONPath("$.a[0]").description == "$.a[0]")
        #expect(try JSONPath("$.a['b c'][0]").normalized == "$['a']['b c'][0]")
        #expect(JSONPath.wholeInput.isWholeInput)
    }
}
