import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

/// Workflow variables at run time (asl-reference §2.3): scopes of Parallel branches and Map iterations, where each
/// state type's Assign reads from, the size limits, and `assignedVariables` in the history.
@Suite("Workflow variables: scopes, Assign per state type, limits, history", .timeLimit(.minutes(3)))
struct VariableScopeTests {
    static let service = "arn:aws:states:::lambda:invoke"

    /// The `assignedVariables` of the first Exited event of `state`.
    static func assigned(_ run: FinishedRun, _ state: String) -> JSON? {
        run.history.first { $0.type.rawValue.hasSuffix("StateExited") && $0.stateName == state }?
            .json()["stateExitedEventDetails"]?["assignedVariables"]
    }

    // MARK: Scopes

    @Test("Parallel branches read outer variables as they were at the Parallel's entry; their own stay inside")
    func parallelScopes() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Assign": {"base": 10}, "Next": "P"},
              "P": {"Type": "Parallel", "Assign": {"base": 20}, "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"mine": "{% $base + 1 %}"}, "Next": "A2"},
                                            "A2": {"Type": "Pass", "Output": "{% $mine %}", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "Output": "{% $base + 2 %}", "End": true}}}],
               "Next": "After"},
              "After": {"Type": "Pass", "Output": {"results": "{% $states.input %}", "base": "{% $base %}",
                                                   "mine": "{% $exists($mine) ? 'visible' : 'gone' %}"}, "End": true}}}
            """)
        #expect(run.result.output == ["results": [11, 12], "base": 20, "mine": "gone"])
    }

    @Test("A branch does not see a sibling's variables: reading one is an unassigned variable")
    func siblingsAreIsolated() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
              "P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"fromA": 1}, "Next": "A2"},
                                            "A2": {"Type": "Wait", "Seconds": 5, "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 1, "Next": "B2"},
                                            "B2": {"Type": "Pass", "Output": "{% $fromA %}", "End": true}}}]}}}
            """)
        #expect(run.result.error == "States.QueryEvaluationError")
        #expect(run.result.cause?.contains("'B2'") == true)
    }

    @Test("A Catcher's Assign on a Parallel or Map writes to the outer scope")
    func catcherAssignsOuter() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
              "M": {"Type": "Map", "Items": [1], "ItemProcessor": {"StartAt": "F", "States": {
                  "F": {"Type": "Fail", "Error": "Broken", "Cause": "item"}}},
                "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"failure": "{% $states.errorOutput.Error %}"}, "Next": "After"}],
                "Next": "After"},
              "After": {"Type": "Pass", "Output": "{% $failure %}", "End": true}}}
            """)
        #expect(run.result.output == "Broken")
        #expect(Self.assigned(run, "M") == ["failure": #""Broken""#])
    }

    // MARK: Assign per state type

    @Test(
        "A matched Choice rule's Assign replaces the state's; the default transition uses the state's",
        arguments: [
            (5, "rule"), (0, "state"),
        ])
    func choiceAssign(n: Int, used: String) async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Assign": {"state": true},
                "Choices": [{"Condition": "{% $states.input.n > 1 %}", "Assign": {"rule": true}, "Next": "Done"}], "Default": "Done"},
              "Done": {"Type": "Pass", "Output": {"rule": "{% $exists($rule) %}", "state": "{% $exists($state) %}"}, "End": true}}}
            """, input: ["n": .int(n)])
        #expect(run.result.output == ["rule": .bool(used == "rule"), "state": .bool(used == "state")])
        #expect(Self.assigned(run, "C") == .object([used: "true"]))
    }

    @Test("Task, Map and Wait assign with $states.result and $states.input, and record it on their Exited event")
    func taskMapWait() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "\(Self.service)", "Arguments": {"n": 4},
                "Assign": {"fromTask": "{% $states.result.n * 10 %}"}, "Next": "M"},
              "M": {"Type": "Map", "Items": "{% [1, 2] %}", "ItemProcessor": {"StartAt": "I", "States": {
                  "I": {"Type": "Pass", "Output": "{% $states.input * $fromTask %}", "End": true}}},
                "Assign": {"fromMap": "{% $sum($states.result) %}"}, "Next": "W"},
              "W": {"Type": "Wait", "Seconds": 1, "Assign": {"fromWait": "{% $states.input[0] %}"}, "Next": "Done"},
              "Done": {"Type": "Pass", "Output": ["{% $fromTask %}", "{% $fromMap %}", "{% $fromWait %}"], "End": true}}}
            """
        ) { runtime in runtime.register(Self.service) { input, _ in input } }
        #expect(run.result.output == [40, 120, 40])
        #expect(Self.assigned(run, "T") == ["fromTask": "40"])
        #expect(Self.assigned(run, "M") == ["fromMap": "120"])
        #expect(Self.assigned(run, "W") == ["fromWait": "40"])
        let mapExit = run.history.first { $0.type == .mapStateExited }?.json()["stateExitedEventDetails"]
        #expect(mapExit?["assignedVariablesDetails"] == ["truncated": false])
    }

    @Test("A JSONPath Assign reads the raw result, not the ResultSelector's output, and the input of a Wait")
    func jsonPathAssignReadsRawResult() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "\(Self.service)", "ResultSelector": {"picked.$": "$.value"},
                "Assign": {"raw.$": "$", "value.$": "$.value"}, "Next": "W"},
              "W": {"Type": "Wait", "Seconds": 1, "InputPath": "$.picked", "Assign": {"waited.$": "$"}, "Next": "Done"},
              "Done": {"Type": "Pass", "Parameters": {"raw.$": "$raw", "value.$": "$value", "waited.$": "$waited", "input.$": "$"}, "End": true}}}
            """
        ) { runtime in runtime.register(Self.service) { _, _ in ["value": 7, "other": true] } }
        #expect(run.result.output == ["raw": ["value": 7, "other": true], "value": 7, "waited": 7, "input": 7])
    }

    @Test("A caught error's Exited event records the Catcher's assignments, not the state's")
    func catchExit() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "\(Self.service)", "Assign": {"ok": true},
                "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"error.$": "$.Error"}, "ResultPath": "$.e", "Next": "Done"}], "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """
        ) { runtime in runtime.register(Self.service) { _, _ in throw StatesError("Boom", "no") } }
        #expect(run.result.output == ["e": ["Error": "Boom", "Cause": "no"]])
        #expect(Self.assigned(run, "T") == ["error": #""Boom""#])
    }

    // MARK: Limits

    @Test("One Assign over 256 KiB in all fails with States.DataLimitExceeded, though each variable is smaller")
    func assignBlockLimit() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass",
              "Assign": {"a": "{% $pad('', 140000, 'x') %}", "b": "{% $pad('', 140000, 'y') %}"}, "End": true}}}
            """)
        #expect(run.result.error == "States.DataLimitExceeded")
        #expect(run.result.cause == "The Assign of the state 'P' exceeds the maximum size of 262144 bytes.")
    }

    @Test("Variables over 10 MiB in all fail with States.DataLimitExceeded at the Assign that crosses it")
    func totalLimit() async throws {
        let states = (0..<42).map { index in
            #""S\#(index)": {"Type": "Pass", "Assign": {"v\#(index)": "{% $pad('', 250000, 'x') %}"}, "#
                + (index == 41 ? #""End": true}"# : #""Next": "S\#(index + 1)"}"#)
        }
        let run = try await TestSupport.run(#"{"QueryLanguage": "JSONata", "StartAt": "S0", "States": {\#(states.joined(separator: ","))}}"#)
        #expect(run.result.error == "States.DataLimitExceeded")
        #expect(run.result.cause == "The variables of the execution would exceed the maximum total size of 10485760 bytes after the state 'S41'.")
    }
}
