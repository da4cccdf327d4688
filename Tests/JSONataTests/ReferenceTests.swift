import JSON
import JSONata
import Testing

/// `JSONataExpression.references`: what an expression reads from its input and variables, found without
/// evaluating it. A path's first step reads the input; later steps read the value before them.
@Suite("References", .timeLimit(.minutes(3)))
struct ReferenceTests {
    func references(_ source: String) throws -> [String] {
        try JSONataExpression(source).references.map(\.description)
    }

    @Test("a path's first step is a top-level read, the steps after it are not")
    func firstStep() throws {
        #expect(try references("Account.Order[0].Product") == ["Account"])
        #expect(try references("`Account Name`.x") == ["Account Name"])
        #expect(try JSONataExpression("a.b").references == [.inputField("a")])
    }

    @Test("the context item and the root are references of their own")
    func contextAndRoot() throws {
        #expect(try JSONataExpression("$").references == [.input])
        #expect(try JSONataExpression("$.a").references == [.input])
        #expect(try JSONataExpression("$$").references == [.root])
        #expect(try JSONataExpression("$x.items[$$.limit > 1]").references == [.variableField(variable: "x", field: "items"), .root])
    }

    @Test("predicates, sort terms, groupings and transform patterns read relative values")
    func relative() throws {
        #expect(try references("$v.items[price > 1]^(<name){kind: $count($)}") == ["$v.items"])
        #expect(try references("$v ~> |items|{'x': 1}|") == [])
    }

    @Test("lambda bodies, arguments, blocks, conditions and constructors read the top level")
    func topLevelPlaces() throws {
        #expect(try references("$map($v, function($x){ rate * $x })") == ["rate"])
        #expect(
            try references("($t := total; $t > limit ? {key: [1, -value]} : $string(other))")
                == ["total", "limit", "key", "value", "other"])
    }

    @Test("each reference once, in the order written; variables alone are not references")
    func distinctOrdered() throws {
        #expect(try references("b + a + b + $c") == ["b", "a"])
        #expect(try references("$states.input.a & $states.context.b & $states.input.c") == ["$states.input", "$states.context"])
        #expect(try references("\"$text\" & 'a' & /b/") == [])
    }
}
