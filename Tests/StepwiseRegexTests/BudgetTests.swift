import Testing

@testable import StepwiseRegex

/// Catastrophic patterns stop when their budget says so, and long texts never touch the Swift stack.
@Suite("Budget")
struct BudgetTests {
    static let bomb = Array((String(repeating: "a", count: 32) + "!").utf16)

    @Test("(a+)+$ on 32 a's and ! stops at the step limit")
    func stepLimit() throws {
        let regex = try ECMARegex("(a+)+$")
        var budget = RegexBudget(steps: 100_000)
        #expect(throws: RegexInterruption.stepLimit) { try regex.firstMatch(in: Self.bomb, budget: &budget) }
        #expect(budget.steps < 0)
    }

    @Test("a cancellation check stops it, and is asked every 1,024 steps")
    func cancelled() throws {
        let regex = try ECMARegex("(a+)+$")
        let calls = Counter()
        var budget = RegexBudget { calls.increment() >= 10 }
        #expect(throws: RegexInterruption.cancelled) { try regex.firstMatch(in: Self.bomb, budget: &budget) }
        #expect(calls.value == 10)
        #expect(budget.steps <= Int.max - 10 * 1024)
    }

    @Test("one budget bounds several searches together")
    func shared() throws {
        let regex = try ECMARegex("b")
        let text = Array(String(repeating: "a", count: 1000).utf16)
        var budget = RegexBudget(steps: 2500)
        #expect(try regex.firstMatch(in: text, budget: &budget) == nil)
        #expect(try regex.firstMatch(in: text, budget: &budget) == nil)
        #expect(throws: RegexInterruption.stepLimit) { try regex.firstMatch(in: text, budget: &budget) }
    }

    @Test("the backtracking stack is bounded: a long alternation loop stops with backtrackLimit")
    func stackLimit() throws {
        let text = Array(String(repeating: "ab", count: 10_000).utf16)
        var budget = RegexBudget(maxBacktrackEntries: 10_000)
        #expect(throws: RegexInterruption.backtrackLimit) { try ECMARegex("(?:a|b)*$").firstMatch(in: text, budget: &budget) }
        var unbounded = RegexBudget()
        #expect(try ECMARegex("(?:a|b)*$").firstMatch(in: text, budget: &unbounded)?.range == 0..<20_000)
    }

    @Test("a run of one unit takes one stack entry however long it is")
    func runs() throws {
        let text = Array((String(repeating: "a", count: 200_000) + "b").utf16)
        var budget = RegexBudget(maxBacktrackEntries: 10)
        #expect(try ECMARegex("a*b").firstMatch(in: text, budget: &budget)?.range == 0..<200_001)
        #expect(try ECMARegex(".*?b").firstMatch(in: text, budget: &budget)?.range == 0..<200_001)
    }
}

/// A counter the cancellation closure can bump.
final class Counter {
    private(set) var value = 0

    func increment() -> Int {
        value += 1
        return value
    }
}
