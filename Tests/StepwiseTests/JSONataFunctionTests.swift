import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

/// AWS's JSONata functions and limits in JSONata states (asl-reference §4, §2.2), checked through executions.
@Suite("JSONata functions and limits in states", .timeLimit(.minutes(3)))
struct JSONataFunctionTests {
    static func output(_ expression: String, input: JSON = [:]) async throws -> FinishedRun {
        try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% \(expression) %}", "End": true}}}
            """, input: input)
    }

    static func cause(_ expression: String, _ detail: String) -> String {
        "An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression '\(expression)' "
            + "specified for the field 'Output' \(detail)"
    }

    // MARK: Randomness

    @Test("$random(seed) gives the same number in every execution; $random() and $uuid() differ between executions")
    func randomAcrossExecutions() async throws {
        let expression = "{'seeded': $random(42), 'free': $random(), 'id': $uuid()}"
        let first = try #require(try await Self.output(expression).result.output)
        let runtime = Runtime(clock: .virtual)
        let machine = try StateMachine(
            text: """
                {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% \(expression) %}", "End": true}}}
                """)
        let second = try #require(await runtime.start(machine, input: [:], name: "another").result.output)
        #expect(first["seeded"] == second["seeded"])
        #expect(first["free"] != second["free"])
        #expect(first["id"] != second["id"])
    }

    @Test("A resumed execution draws the same $random() and $uuid() values as the original run")
    func randomAcrossReplays() async throws {
        let machine = try StateMachine(
            text: """
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Output": {"r": "{% $random() %}", "id": "{% $uuid() %}"}, "Next": "W"},
                  "W": {"Type": "Wait", "Seconds": 10, "Next": "B"},
                  "B": {"Type": "Pass", "Output": {"first": "{% $states.input %}", "again": "{% $random() %}"}, "End": true}}}
                """)
        let journal = MemoryJournal()
        let original = try await Runtime(clock: .virtual).start(machine, input: [:], journal: journal)
        let expected = try #require(await original.result.output)
        let steps = journal.steps.withLock { $0 }
        let info = try #require(journal.info.withLock { $0 })
        for cut in 0...steps.count {
            let resumed = await Runtime(clock: .virtual).resume(machine, info: info, steps: Array(steps.prefix(cut)))
            #expect(await resumed.result.output == expected, "resumed after \(cut) steps")
        }
    }

    // MARK: Limits

    @Test("An evaluation nesting deeper than 100 fails as AWS's does: Stack overflow error, no JSONata code")
    func depthLimit() async throws {
        let shallow = Array(repeating: "1", count: 100).joined(separator: "+")
        #expect(try await Self.output(shallow).result.output == 100)
        let deep = Array(repeating: "1", count: 200).joined(separator: "+")
        let run = try await Self.output(deep)
        #expect(run.result.error == "States.QueryEvaluationError")
        #expect(
            run.result.cause
                == Self.cause(
                    deep,
                    "threw an error during evaluation: Stack overflow error: Check for "
                        + "non-terminating recursive function. Consider rewriting as tail-recursive."))
    }

    @Test("A value larger than AWS's memory bound fails with AWS's message; the largest AWS accepts evaluates")
    func memoryLimit() async throws {
        #expect(try await Self.output("[1..873782] ~> $count()").result.output == 873782)
        let run = try await Self.output("$sum([1..900000])")
        #expect(
            run.result.cause
                == Self.cause(
                    "$sum([1..900000])",
                    "threw an error during evaluation: Expression evaluation "
                        + "memory limit exceeded: Check for excessive memory usage"))
        let doubling = "($p := function($s, $n) { $n = 0 ? $s : $p($s & $s, $n - 1) }; $length($p('x', 23)))"
        #expect(try await Self.output(doubling).result.error == "States.QueryEvaluationError")
    }

    @Test("Limit failures are catchable like any QueryEvaluationError")
    func limitCaught() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Branches": [{"StartAt": "E", "States": {"E": {"Type": "Pass",
                "Output": "{% $count([1..1000000]) %}", "End": true}}}],
                "Catch": [{"ErrorEquals": ["States.QueryEvaluationError"], "Output": "{% $states.errorOutput.Error %}", "Next": "D"}], "End": true},
              "D": {"Type": "Succeed"}}}
            """)
        #expect(run.result.output == "States.QueryEvaluationError")
    }
}
