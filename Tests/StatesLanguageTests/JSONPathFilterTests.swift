import JSON
import StatesLanguage
import Testing

@Suite("JSONPath filters", .timeLimit(.minutes(3)))
struct JSONPathFilterTests {
    @Test(
        "comparisons select the array elements they accept",
        arguments: [
            ("$.store.book[?(@.price < 10)].title", #"["Sayings of the Century", "Moby Dick"]"#),
            ("$.store.book[?(@.price <= 8.99)].price", "[8.95, 8.99]"),
            ("$.store.book[?(@.price > 20)].author", #"["J. R. R. Tolkien"]"#),
            ("$.store.book[?(@.price >= 22.99)].price", "[22.99]"),
            ("$.store.book[?(@.category == 'reference')].author", #"["Nigel Rees"]"#),
            (#"$.store.book[?(@.category == "reference")].author"#, #"["Nigel Rees"]"#),
            ("$.store.book[?(@.category != 'fiction')].price", "[8.95]"),
            ("$.store.book[?(@.isbn)].title", #"["Moby Dick", "The Lord of the Rings"]"#),
            ("$.store.book[?(!@.isbn)].price", "[8.95, 12.99]"),
            ("$.store.book[?(@.price < $.expensive)].price", "[8.95, 8.99]"),
            ("$.store.book[?(@.category == 'fiction' && @.price < 10)].title", #"["Moby Dick"]"#),
            ("$.store.book[?(@.price < 9 || @.price > 20)].price", "[8.95, 8.99, 22.99]"),
            ("$.store.book[?(!(@.price < 9 || @.price > 20))].price", "[12.99]"),
            ("$.store.book[?(@.author =~ /.*Rees/)].price", "[8.95]"),
            ("$.store.book[?(@.author =~ /nigel.*/i)].price", "[8.95]"),
            ("$.store.book[?(@.author =~ /Rees/)].price", "[]"),
            ("$.store.book[?(@.price in [8.95, 22.99])].price", "[8.95, 22.99]"),
            ("$.store.book[?(@.category nin ['fiction'])].price", "[8.95]"),
            ("$.store.book[?(@.title contains 'Dick')].price", "[8.99]"),
            ("$.nums[?(@ > 3)]", "[4, 5]"),
            ("$.nums[?(@ == 2.0)]", "[2]"),
            ("$..book[?(@.isbn)].isbn.length()", "2"),
        ])
    func filters(path: String, expected: String) throws {
        #expect(try select(path, store) == json(expected))
    }

    @Test("numbers and strings meet through their text; other types never match across")
    func typeMismatch() throws {
        let items = json(#"[{"v": 1}, {"v": "1"}, {"v": true}, {"v": null}, {}, {"v": "b"}, {"v": [1]}, {"v": "10"}]"#)
        #expect(try select("$[?(@.v == 1)]", items) == json(#"[{"v": 1}, {"v": "1"}]"#))
        #expect(try select("$[?(@.v == '1')]", items) == json(#"[{"v": 1}, {"v": "1"}]"#))
        #expect(try select("$[?(@.v == true)]", items) == json(#"[{"v": true}]"#))
        #expect(try select("$[?(@.v == 'true')]", items) == json("[]"))
        #expect(try select("$[?(@.v == null)]", items) == json(#"[{"v": null}]"#))
        #expect(try select("$[?(@.v == [1])]", items) == json(#"[{"v": [1]}]"#))
        #expect(try select("$[?(@.v > 'a')]", items) == json(#"[{"v": "b"}]"#))
        #expect(try select("$[?(@.v < 9)]", items) == json(#"[{"v": 1}, {"v": "1"}, {"v": "10"}]"#))
        #expect(try select("$[?(@.v in ['1'])]", items) == json(#"[{"v": 1}, {"v": "1"}]"#))
        #expect(try select("$[?(@.v =~ /1.*/)]", items) == json(#"[{"v": 1}, {"v": "1"}, {"v": [1]}, {"v": "10"}]"#))
    }

    @Test("a missing member fails every test except != and nin, as in Jayway")
    func missingMember() throws {
        let items = json(#"[{"v": 1}, {}]"#)
        #expect(try select("$[?(@.v != 2)]", items) == json(#"[{"v": 1}, {}]"#))
        #expect(try select("$[?(@.v nin [1])]", items) == json("[{}]"))
        #expect(try select("$[?(@.v < 2)]", items) == json(#"[{"v": 1}]"#))
        #expect(try select("$[?(@.v)]", json(#"[{"v": false}, {"v": null}, {}]"#)) == json(#"[{"v": false}, {"v": null}]"#))
    }

    @Test(
        "size, empty and the set operators",
        arguments: [
            ("$[?(@.t size 2)].id", "[1]"),
            ("$[?(@.t empty true)].id", "[2]"),
            ("$[?(@.t empty false)].id", "[1, 3]"),
            ("$[?(@.t subsetof ['a', 'b', 'c'])].id", "[1, 2]"),
            ("$[?(@.t anyof ['z'])].id", "[3]"),
            ("$[?(@.t noneof ['a'])].id", "[2, 3]"),
            ("$[?(@.t.length() > 1)].id", "[1]"),
            ("$[?(@.t[0] == 'a')].id", "[1]"),
            ("$[?(@['id'] == 3)].id", "[3]"),
            ("$[?(@.t contains 'z')].id", "[3]"),
        ])
    func collectionOperators(path: String, expected: String) throws {
        let items = json(#"[{"id": 1, "t": ["a", "b"]}, {"id": 2, "t": []}, {"id": 3, "t": ["z"]}]"#)
        #expect(try select(path, items) == json(expected))
    }

    @Test("=~ matches the whole text, with the flags i, m and s")
    func regexMatches() throws {
        let items = json(#"[{"v": "abc"}, {"v": "ABC"}, {"v": "x\nabc"}, {"v": "a\nc"}, {"v": "abcd"}]"#)
        #expect(try select("$[?(@.v =~ /abc/)].v", items) == json(#"["abc"]"#))
        #expect(try select("$[?(@.v =~ /a(?=b)\\w+/i)].v", items) == json(#"["abc", "ABC", "abcd"]"#))
        #expect(try select("$[?(@.v =~ /a.c/s)].v", items) == json(#"["abc", "a\nc"]"#))
        #expect(try select("$[?(@.v =~ /x$\\n^abc/m)].v", items) == json(#"["x\nabc"]"#))
    }

    @Test("=~ refuses Java syntax that JavaScript would read another way", arguments: [#"\p{L}+"#, #"\Aabc"#, "a*+", "(?i)abc", "(?>a)"])
    func javaSyntax(pattern: String) {
        #expect(throws: PathSyntaxError.self) { try JSONPath("$[?(@.v =~ /\(pattern)/)]") }
    }

    @Test("a catastrophic =~ pattern stops at its step budget: the candidate does not match")
    func regexBudget() throws {
        let items = json(#"[{"v": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}, {"v": "aaa"}]"#)
        #expect(try select("$[?(@.v =~ /(a+)+$/)].v", items) == json(#"["aaa"]"#))
    }

    @Test("a filter on an object tests the object itself")
    func filterOnObject() throws {
        #expect(try select("$.store.bicycle[?(@.color == 'red')].price", store) == json("[19.95]"))
        #expect(try select("$.store.bicycle[?(@.color == 'blue')]", store) == json("[]"))
        #expect(try select("$.expensive[?(@ > 1)]", store) == json("[]"))
    }
}
