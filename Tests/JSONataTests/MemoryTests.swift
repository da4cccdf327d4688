import JSON
import Testing

@testable import JSONata

@Suite("Evaluation frees what it made", .timeLimit(.minutes(1)))
struct MemoryTests {
    /// A lambda bound with `:=` holds the frame it was made in, and the frame holds the lambda; evaluation must
    /// break that cycle when it ends, or every evaluation leaks (a Map over 100,000 records leaked 12 GB).
    @Test(
        "No frame outlives an evaluation, whatever the lambdas bound in it",
        arguments: [
            "( $f := function($x) { $x + 1 }; $f(2) )",
            "$f := function($x) { $x * 2 }",
            "( $fact := function($n) { $n <= 1 ? 1 : $n * $fact($n - 1) }; $fact(5) )",
            "( $add := function($a, $b) { $a + $b }; $inc := $add(?, 1); $map([1, 2], $inc) )",
            "( $outer := function() { ( $inner := function($y) { $y }; $inner ) }; $outer()(3) )",
            "items.( $g := function($v) { $v & '!' }; $g(name) )",
        ])
    func framesFreed(_ source: String) throws {
        let expression = try JSONataExpression(source)
        let input = try JSON(parsing: #"{"items": [{"name": "a"}, {"name": "b"}]}"#)
        let frames = try expression.framesAlive(after: input)
        #expect(frames.made > 0)
        #expect(frames.alive == 0)
    }

    @Test("Results are unchanged by the clean-up")
    func results() throws {
        #expect(try JSONataExpression("( $fact := function($n) { $n <= 1 ? 1 : $n * $fact($n - 1) }; $fact(5) )").evaluate(nil) == 120)
        #expect(try JSONataExpression("( $f := function($x) { function($y) { $x + $y } }; $f(2)(3) )").evaluate(nil) == 5)
    }
}
