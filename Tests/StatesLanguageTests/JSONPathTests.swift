import JSON
import StatesLanguage
import Testing

@Suite("JSONPath selection", .timeLimit(.minutes(3)))
struct JSONPathTests {
    @Test(
        "definite paths select a single node",
        arguments: [
            ("$", #"{"k": 1}"#, #"{"k": 1}"#),
            ("$.expensive", "", "10"),
            ("$.store.bicycle.color", "", #""red""#),
            ("$['store']['bicycle']['color']", "", #""red""#),
            (#"$["store"]["bicycle"]"#, "", #"{"color": "red", "price": 19.95}"#),
            ("$.store.book[0].author", "", #""Nigel Rees""#),
            ("$.store.book[-1].title", "", #""The Lord of the Rings""#),
            ("$.nums[4]", "", "5"),
            ("$.nothing", "", "null"),
            ("$['a b']['c.d']", "", "1"),
            ("$.a b", "", "error"),
        ])
    func definite(path: String, input: String, expected: String) throws {
        let document = input.isEmpty ? store : json(input)
        if expected == "error" {
            #expect(throws: PathSyntaxError.self) { try JSONPath(path) }
            return
        }
        #expect(try select(path, document) == json(expected))
        #expect(try JSONPath(path).isSingular)
    }

    @Test(
        "definite paths that match nothing give nil",
        arguments: [
            "$.missing", "$.store.missing.deeper", "$.nums[5]", "$.nums[-6]", "$.expensive.x", "$.store[0]", "$.nothing.x",
        ])
    func definiteMiss(path: String) throws {
        #expect(try select(path, store) == Optional<JSON>.none)
    }

    @Test(
        "indefinite paths give an array of matches in document order",
        arguments: [
            ("$.nums[*]", "[1, 2, 3, 4, 5]"),
            ("$.store.book[*].price", "[8.95, 12.99, 8.99, 22.99]"),
            ("$.store.bicycle.*", #"["red", 19.95]"#),
            ("$.store.bicycle[*]", #"["red", 19.95]"#),
            ("$.nums[1:3]", "[2, 3]"),
            ("$.nums[:2]", "[1, 2]"),
            ("$.nums[-2:]", "[4, 5]"),
            ("$.nums[3:]", "[4, 5]"),
            ("$.nums[:-3]", "[1, 2]"),
            ("$.nums[0:4:2]", "[1, 2, 3, 4]"),
            ("$.nums[-9:2]", "[1, 2]"),
            ("$.nums[3:1]", "[]"),
            ("$.nums[1:-1]", "[2, 3, 4]"),
            ("$.nums[10:]", "[]"),
            ("$.nums[0,2,-1]", "[1, 3, 5]"),
            ("$.nums[0, 9]", "[1]"),
            ("$.store.book[0,1].author", #"["Nigel Rees", "Evelyn Waugh"]"#),
            ("$.store.book[*]['author','title'].length()", "4"),
            ("$..color", #"["red"]"#),
            ("$..isbn", #"["0-553-21311-3", "0-395-19395-8"]"#),
            ("$.store..price", "[8.95, 12.99, 8.99, 22.99, 19.95]"),
            ("$..book[2].title", #"["Moby Dick"]"#),
            ("$..book[-1:].price", "[22.99]"),
            ("$.empty[*]", "[]"),
            ("$.missing[*]", "[]"),
            ("$.missing.items[1:5]", "[]"),
            ("$.store.book[*].missing", "[]"),
        ])
    func indefinite(path: String, expected: String) throws {
        #expect(try select(path, store) == json(expected))
    }

    @Test("a name list as the last step merges the named members into one object")
    func mergeCase() throws {
        #expect(try select("$.store.book[0]['author','price']", store) == json(#"{"author": "Nigel Rees", "price": 8.95}"#))
        #expect(try select("$.store.bicycle['color','wheels']", store) == json(#"{"color": "red"}"#))
        #expect(
            try select("$.store.book[0:2]['title','isbn']", store)
                == json(
                    #"[{"title": "Sayings of the Century"}, {"title": "Sword of Honour"}]"#))
        #expect(try JSONPath("$['a','b']").isSingular)
        #expect(try !JSONPath("$['a','b'].c").isSingular)
    }

    @Test("recursive descent walks parents before children, objects and arrays alike")
    func descent() throws {
        let document = json(#"{"a": {"b": 1, "c": [{"b": 2}, [3]]}, "b": 4}"#)
        #expect(try select("$..b", document) == json("[4, 1, 2]"))
        #expect(try select("$..*", json(#"{"a": {"b": [1]}}"#)) == json(#"[{"b": [1]}, [1], 1]"#))
        #expect(try select("$..[0]", document) == json(#"[{"b": 2}, 3]"#))
        #expect(try select("$..b.missing", document) == json("[]"))
    }

    @Test("the wildcard and the slice on an object that is the whole input")
    func wildcardOnRoot() throws {
        #expect(try select("$[*]", [:]) == [])
        #expect(try select("$.*", json(#"{"x": 1, "y": [2]}"#)) == json("[1, [2]]"))
        #expect(try select("$[1:]", json("[1, 2, 3]")) == json("[2, 3]"))
    }

    @Test(
        "functions apply to what the path before them selects",
        arguments: [
            ("$.nums.length()", "5"),
            ("$.nums.size()", "5"),
            ("$.store.bicycle.length()", "2"),
            ("$.store.bicycle.color.length()", "3"),
            ("$.nums.sum()", "15.0"),
            ("$.nums.min()", "1.0"),
            ("$.nums.max()", "5.0"),
            ("$.nums.avg()", "3.0"),
            ("$.nums.stddev()", "1.4142135623730951"),
            ("$.store.bicycle.keys()", #"["color", "price"]"#),
            ("$.names.first()", #""x""#),
            ("$.names.last()", #""y""#),
            ("$.store.book[*].price.max()", "22.99"),
        ])
    func functions(path: String, expected: String) throws {
        #expect(try select(path, store) == json(expected))
    }

    @Test("a function that does not apply gives nil")
    func functionMiss() throws {
        #expect(try select("$.expensive.length()", store) == Optional<JSON>.none)
        #expect(try select("$.empty.avg()", store) == Optional<JSON>.none)
        #expect(try select("$.missing.length()", store) == Optional<JSON>.none)
    }
}
