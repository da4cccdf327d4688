import JSON
import JSONata
import Testing

@Suite("Paths", .timeLimit(.minutes(3)))
struct PathTests {
    static let doc = """
        {"name": "shop", "orders": [
          {"id": 1, "items": [{"sku": "a", "qty": 2, "price": 10}, {"sku": "b", "qty": 1, "price": 5}]},
          {"id": 2, "items": [{"sku": "a", "qty": 1, "price": 10}]}
        ]}
        """

    @Test("a path maps over arrays and flattens the results")
    func mapping() throws {
        #expect(try run("orders.items.sku", Self.doc) == json(#"["a","b","a"]"#))
        #expect(try run("orders.id", Self.doc) == json("[1,2]"))
    }

    @Test("a singleton sequence is a single value unless [] keeps the array")
    func singletons() throws {
        #expect(try run("orders[id=2].items.sku", Self.doc) == "a")
        #expect(try run("orders[id=2].items.sku[]", Self.doc) == json(#"["a"]"#))
    }

    @Test("fields of arrays nested in arrays flatten into one sequence")
    func nestedArrays() throws {
        #expect(try run("a.b", #"{"a": [{"b": [1, 2]}, {"b": [3]}]}"#) == json("[1,2,3]"))
        #expect(try run("phone[0]", #"[{"phone": [{"n": 0}]}, {"phone": [{"n": 1}]}]"#) == json(#"{"n":0}"#))
        #expect(try run("[1] ~> $map(function($v){$v})[]") == json("[1]"))
    }

    @Test("a missing field is undefined")
    func missing() throws {
        #expect(try run("nothing.here", Self.doc) == nil)
    }

    @Test("predicates filter by boolean or select by index")
    func predicates() throws {
        #expect(try run("orders.items[qty > 1].sku", Self.doc) == "a")
        #expect(try run("orders[0].id", Self.doc) == 1)
        #expect(try run("orders[-1].id", Self.doc) == 2)
        #expect(try run("[1,2,3][[0,2]]") == json("[1,3]"))
    }

    @Test("wildcards and descendants")
    func wildcards() throws {
        #expect(try run("*", #"{"a":1,"b":[2,3]}"#) == json("[1,2,3]"))
        #expect(try run("**.sku", Self.doc) == json(#"["a","b","a"]"#))
    }

    @Test("the context variable and the root")
    func contextAndRoot() throws {
        #expect(try run("orders.($$.name & $string(id))", Self.doc) == json(#"["shop1","shop2"]"#))
        #expect(try run("$", "[1,2]") == json("[1,2]"))
        #expect(try run("$[0]", "[1,2]") == 1)
    }

    @Test("positional and focus bindings")
    func bindings() throws {
        #expect(try run("orders#$i.{'i': $i, 'id': id}", Self.doc) == json(#"[{"i":0,"id":1},{"i":1,"id":2}]"#))
        let library = #"{"loans": [{"isbn": "1"}, {"isbn": "3"}], "books": [{"isbn": "1", "title": "T"}, {"isbn": "3", "title": "U"}]}"#
        #expect(try run("loans@$l.books@$b[$l.isbn = $b.isbn].$b.title", library) == json(#"["T","U"]"#))
    }

    @Test("the parent operator reaches the enclosing object")
    func parent() throws {
        #expect(
            try run("orders.items.{'sku': sku, 'order': %.id}", Self.doc)
                == json(#"[{"sku":"a","order":1},{"sku":"b","order":1},{"sku":"a","order":2}]"#))
        #expect(errorCode("%") == "S0217")
    }

    @Test("grouping builds objects keyed by expression")
    func grouping() throws {
        #expect(try run("orders.items{sku: $sum(qty)}", Self.doc) == json(#"{"a":3,"b":1}"#))
        #expect(errorCode("{1: 2}") == "T1003")
    }

    @Test("order-by sorts by terms, stable and directional")
    func sorting() throws {
        #expect(try run("orders.items^(>price, sku).sku", Self.doc) == json(#"["a","a","b"]"#))
        #expect(try run("[3,1,2]^($)") == json("[1,2,3]"))
    }

    @Test("array constructors keep nested arrays")
    func constructors() throws {
        #expect(try run("[1, [2, 3], 4]") == json("[1,[2,3],4]"))
        #expect(try run("[orders.id, 9]", Self.doc) == json("[1,2,9]"))
        #expect(try run("orders.[id]", Self.doc) == json("[[1],[2]]"))
    }

    @Test("transforms copy and update matching objects")
    func transforms() throws {
        let result = try run(#"$ ~> |orders|{'done': true}, ['items']|"#, Self.doc)
        #expect(result == json(#"{"name":"shop","orders":[{"id":1,"done":true},{"id":2,"done":true}]}"#))
        #expect(errorCode("$ ~> |$|5|", "{}") == "T2011")
    }
}
