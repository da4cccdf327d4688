import JSON
import StatesLanguage
import Testing

/// Jayway's grammar, which AWS compiles JSONPath with: a dot may be followed by a bracket (docs/jsonpath.md).
@Suite("JSONPath: Jayway's dot-bracket forms and nesting limit", .timeLimit(.minutes(3)))
struct JSONPathJaywayTests {
    let snapshots = json(
        #"{"Snapshots": [{"State": "ok", "OU": 2}, {"State": "bad", "OU": 0}], "rows": [{"bucket": "b1", "key": "k1", "x": 1}, {"bucket": "b2", "key": "k2"}]}"#
    )

    @Test("a dot before a bracket reads the bracket: $.[0], $.Snapshots.[0].State, $.[?()], $.[*].['a','b']")
    func dotBracket() throws {
        let list = json("[10, 20, 30]")
        #expect(try select("$.[0]", list) == 10)
        #expect(try select("$.[-1]", list) == 30)
        #expect(try select("$.[0:2]", list) == [10, 20])
        #expect(try select("$.Snapshots.[0].State", snapshots) == "ok")
        #expect(try select("$.Snapshots.[?(@.OU > 0)].State", snapshots) == ["ok"])
        #expect(try select("$.['Snapshots'].[1].['State']", snapshots) == "bad")
        let ous = json(#"[{"OU": 1}, {"OU": 0}, {"OU": 3}]"#)
        #expect(try select("$.[?(@.OU > 0)]", ous) == json(#"[{"OU": 1}, {"OU": 3}]"#))
        #expect(
            try select("$.rows.[*].['bucket', 'key']", snapshots)
                == json(#"[{"bucket": "b1", "key": "k1"}, {"bucket": "b2", "key": "k2"}]"#))
        #expect(try select("$.rows.*.['bucket']", snapshots) == ["b1", "b2"])
        #expect(try select("$..[0].State", snapshots) == ["ok"])
    }

    @Test("the dot-bracket forms mean what their bracket forms mean")
    func sameAsBrackets() throws {
        for (dotted, bracketed) in [
            ("$.Snapshots.[0]", "$.Snapshots[0]"), ("$.rows.[*].key", "$.rows[*].key"), ("$.[?(@.OU)]", "$[?(@.OU)]"),
        ] {
            #expect(try select(dotted, snapshots) == select(bracketed, snapshots))
        }
        #expect(try JSONPath("$.a.[0]").isReferencePath)
        #expect(try !JSONPath("$.a.[*]").isReferencePath)
    }

    @Test("a filter inside a dot-bracket filter works: $.[?(@.a.[0] == 1)]")
    func nestedDotBracket() throws {
        #expect(try select("$.[?(@.a.[0] == 1)].b", json(#"[{"a": [1], "b": "x"}, {"a": [2], "b": "y"}]"#)) == ["x"])
    }

    @Test("still refused: two dots before a name, a dot at the end")
    func stillRefused() {
        #expect(throws: PathSyntaxError.self) { try JSONPath("$...a") }
        #expect(throws: PathSyntaxError.self) { try JSONPath("$.[0].") }
        #expect(throws: PathSyntaxError.self) { try JSONPath("$.[") }
    }

    @Test("filters nest at most 100 deep; deeper is a syntax error, not a stack overflow")
    func nestingLimit() throws {
        func nested(_ depth: Int) -> String {
            "$" + String(repeating: "[?(@.a", count: depth) + String(repeating: ")]", count: depth)
        }
        _ = try JSONPath(nested(50))
        for text in [
            nested(101), nested(20_000), "$" + String(repeating: "[?(@.a", count: 20_000),
            "$[?(" + String(repeating: "!", count: 20_000) + "@.a)]",
            "$[?(" + String(repeating: "(", count: 20_000) + "@.a" + String(repeating: ")", count: 20_000) + ")]",
            "$[?(" + Array(repeating: "@.a", count: 20_000).joined(separator: " && ") + ")]",
            "$[?(" + Array(repeating: "@.a", count: 20_000).joined(separator: " || ") + ")]",
        ] {
            #expect {
                try JSONPath(text)
            } throws: { error in
                (error as? PathSyntaxError)?.message == "filters are nested more than 100 levels deep"
            }
        }
        _ = try JSONPath("$[?(" + Array(repeating: "@.a", count: 90).joined(separator: " && ") + ")]")
    }
}

@Suite("JSONPath: syntax error text", .timeLimit(.minutes(1)))
struct JSONPathErrorTextTests {
    @Test("a long path is quoted by its first 100 characters")
    func longPathQuoted() {
        let path = "$" + String(repeating: ".a", count: 150) + "["
        let error = PathSyntaxError(path: path, message: "unclosed '['", offset: 301)
        #expect(error.description == "Invalid path '\(path.prefix(100))…': unclosed '[' at position 301")
    }
}
