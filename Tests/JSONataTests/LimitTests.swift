import JSON
import JSONata
import Testing

/// `JSONataLimits`: the standalone module keeps JSONata's behaviour by default; a host can bound depth and the size
/// of the values one step builds.
@Suite("Limits", .timeLimit(.minutes(3)))
struct LimitTests {
    func evaluate(_ source: String, _ limits: JSONataLimits) throws -> JSON? {
        try JSONataExpression(source, functions: [:], limits: limits).evaluate(nil)
    }

    func code(_ source: String, _ limits: JSONataLimits) -> String? {
        errorCode { try evaluate(source, limits) }
    }

    @Test("by default nothing bounds a value's size")
    func defaults() throws {
        #expect(JSONataLimits().maxValueBytes == nil)
        #expect(try evaluate("$count([1..2000000])", JSONataLimits()) == 2_000_000)
    }

    @Test("maxValueBytes bounds ranges at 8 bytes a number and strings at their UTF-8 length, with U1002")
    func valueBytes() throws {
        let limits = JSONataLimits(maxValueBytes: 16)
        #expect(try evaluate("[1..2]", limits) == [1, 2])
        #expect(code("[1..3]", limits) == "U1002")
        #expect(try evaluate("'éééééééé' & ''", limits) == "éééééééé")
        #expect(code("'éééééééé' & 'x'", limits) == "U1002")
        #expect(code("$join(['aaaaaaaaa', 'bbbbbbbbb'])", limits) == "U1002")
        #expect(code("$pad('x', 17)", limits) == "U1002")
    }

    @Test("the range operator's own bound (D2014) comes first")
    func rangeBound() {
        #expect(code("[1..100000000]", JSONataLimits(maxValueBytes: 16)) == "D2014")
    }

    @Test("maxDepth counts nested evaluation: U1001 one step past it")
    func depth() throws {
        let limits = JSONataLimits(maxDepth: 10)
        #expect(try evaluate("1+1+1+1+1+1+1+1+1+1", limits) == 10)
        #expect(code("1+1+1+1+1+1+1+1+1+1+1", limits) == "U1001")
    }

    @Test("a value nested deeper than 512 arrays and objects fails with U1003 as it is built (issue 22: a crash)")
    func nesting() throws {
        let limits = JSONataLimits()
        #expect(code(#"$reduce([1..100000], function($a,$v){{"a":$a}}, {})"#, limits) == "U1003")
        #expect(code("$reduce([1..100000], function($a,$v){[[$a]]}, [])", limits) == "U1003")
        // {} is one level, each item adds one: 511 items make 512 levels, 512 items one too many.
        #expect(try evaluate(#"$reduce([1..511], function($a,$v){{"a":$a}}, {}) ~> $count()"#, limits) == 1)
        #expect(code(#"$reduce([1..512], function($a,$v){{"a":$a}}, {}) ~> $count()"#, limits) == "U1003")
        let error = #expect(throws: JSONataError.self) { try evaluate(#"$reduce([1..600], function($a,$v){{"a":$a}}, {})"#, limits) }
        #expect(error?.message == "Value nesting limit exceeded: arrays and objects nest more than 512 levels deep")
    }
}
