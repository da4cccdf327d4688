import JSON
import JSONata
import Testing

/// The parser's nesting limit: no expression, however deep, overflows a thread's stack; past 250 levels it is
/// S0220 with the position where the limit was crossed.
@Suite("Parser nesting limit", .timeLimit(.minutes(3)))
struct NestingTests {
    func parseError(_ source: String) -> JSONataError? {
        do {
            _ = try JSONataExpression(source)
            return nil
        } catch {
            return error
        }
    }

    static let inputs: [String: String] = [
        "[ x5000": String(repeating: "[", count: 5_000),
        "[[1]] 5000 deep": String(repeating: "[", count: 5_000) + "1" + String(repeating: "]", count: 5_000),
        "- x100000": String(repeating: "-", count: 100_000),
        "$not( x20000": String(repeating: "$not(", count: 20_000),
        "((1)) 3000 deep": String(repeating: "(", count: 3_000) + "1" + String(repeating: ")", count: 3_000),
        "{'a':{...}} 3000 deep": String(repeating: "{'a':", count: 3_000) + "1" + String(repeating: "}", count: 3_000),
        "1+1+... 50000 terms": String(repeating: "1+", count: 50_000) + "1",
        "a.a.a... 50000 steps": String(repeating: "a.", count: 50_000) + "a",
        "lambdas 2000 deep": String(repeating: "function($x){", count: 2_000) + "1" + String(repeating: "}", count: 2_000),
        "conditions 5000 deep": String(repeating: "$x ? ", count: 5_000) + "1",
    ]

    @Test("deep or long inputs fail with S0220", arguments: inputs.keys.sorted())
    func tooDeep(name: String) {
        let error = parseError(Self.inputs[name]!)
        #expect(error?.code == "S0220")
        #expect(error?.message == "The expression is nested more than 250 levels deep")
    }

    @Test("nesting below the limit parses and evaluates")
    func belowLimit() throws {
        let deep = String(repeating: "[", count: 240) + "1" + String(repeating: "]", count: 240)
        #expect(parseError(deep) == nil)
        let sum = try JSONataExpression(String(repeating: "1+", count: 200) + "1").evaluate(nil)
        #expect(sum == 201)
    }
}
