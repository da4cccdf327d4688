import Foundation
import JSON
import StatesLanguage
import Stepwise
import StepwiseGraph
import StepwiseTesting
import Synchronization
import Testing

@Suite("Execution colouring")
struct ColouringTests {
    static let flaky = "arn:aws:lambda:us-east-1:123456789012:function:flaky"
    static let broken = "arn:aws:lambda:us-east-1:123456789012:function:broken"

    /// Every outcome in one run: a retried Task, a caught Task, a Parallel whose failing branch is caught, a
    /// Map whose second item fails (caught), a Choice that skips a state, and a final Fail.
    static let definition = """
        {"StartAt": "Flaky", "States": {
          "Flaky": {"Type": "Task", "Resource": "\(flaky)", "Next": "Risky",
            "Retry": [{"ErrorEquals": ["Glitch"], "IntervalSeconds": 5, "MaxAttempts": 2}]},
          "Risky": {"Type": "Task", "Resource": "\(broken)", "Next": "Skipped", "Catch": [{"ErrorEquals": ["Broken"], "Next": "Recover"}]},
          "Skipped": {"Type": "Pass", "End": true},
          "Recover": {"Type": "Pass", "Result": [1, 2, 3], "Next": "Fan"},
          "Fan": {"Type": "Parallel", "Next": "Never", "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": null, "Next": "Items"}],
            "Branches": [
              {"StartAt": "Fine", "States": {"Fine": {"Type": "Pass", "End": true}}},
              {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 1, "Next": "Boom"}, "Boom": {"Type": "Fail", "Error": "Boom"}}}]},
          "Never": {"Type": "Pass", "End": true},
          "Items": {"Type": "Map", "Next": "Never", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Decide"}],
            "ItemProcessor": {"StartAt": "Odd?", "States": {
              "Odd?": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Reject"}], "Default": "Keep"},
              "Keep": {"Type": "Pass", "End": true},
              "Reject": {"Type": "Fail", "Error": "Even"}}}},
          "Decide": {"Type": "Choice", "Choices": [{"Variable": "$.missing", "IsPresent": true, "Next": "Never"}], "Default": "Done"},
          "Done": {"Type": "Fail", "Error": "Final", "Cause": "the end"}}}
        """

    /// Runs the definition on the virtual clock: Flaky fails once then succeeds, Risky always fails.
    static func run() async throws -> (graph: Graph, history: [HistoryEvent]) {
        let calls = Counter()
        let run = try await TestSupport.run(definition) { runtime in
            runtime.register(flaky) { input, _ in
                if calls.next() == 1 { throw StatesError("Glitch", "first call") }
                return input
            }
            runtime.register(broken) { _, _ in throw StatesError("Broken", "always") }
        }
        #expect(run.result.status == .failed)
        #expect(run.result.error == "Final")
        return (Graph(try StateMachineDefinition(text: definition)), run.history)
    }

    static func statuses(_ graph: Graph, _ colouring: ExecutionColouring) -> [String: StateStatus] {
        Dictionary(uniqueKeysWithValues: graph.nodes.filter { !$0.isTerminal }.map { ($0.name, colouring.status(of: $0.id)) })
    }

    @Test("A finished run colours each state by what happened: retried, caught, failed, succeeded, not reached")
    func finishedRun() async throws {
        let (graph, history) = try await Self.run()
        let colouring = ExecutionColouring(graph: graph, events: history)
        #expect(colouring.ended)
        #expect(
            Self.statuses(graph, colouring) == [
                "Flaky": .retried, "Risky": .caught, "Skipped": .notReached, "Recover": .succeeded, "Fan": .caught, "Fine": .succeeded,
                "Pause": .succeeded, "Boom": .failed, "Never": .notReached, "Items": .caught, "Odd?": .succeeded, "Keep": .succeeded,
                "Reject": .failed, "Decide": .succeeded, "Done": .failed,
            ])
    }

    @Test("The stored JSON shape of a history gives the same colours as the engine's events")
    func jsonHistory() async throws {
        let (graph, history) = try await Self.run()
        let fromJSON = ExecutionColouring(graph: graph, json: history.map { $0.json(includeExecutionData: false) })
        #expect(fromJSON.statuses == ExecutionColouring(graph: graph, events: history).statuses)
        #expect(fromJSON.ended)
    }

    @Test("The coloured SVG marks each state with its status and draws the legend")
    func colouredSVG() async throws {
        let (graph, history) = try await Self.run()
        let svg = graph.rendered(as: .svg, colouring: ExecutionColouring(graph: graph, events: history))
        #expect(svg.contains(#"data-state="Flaky" data-status="retried""#))
        #expect(svg.contains(#"data-state="Risky" data-status="caught""#))
        #expect(svg.contains(#"data-state="Never" data-status="not-reached""#))
        #expect(svg.contains(#"<rect x="#) && svg.contains(#"<g class="sw-legend">"#))
        for status in StateStatus.allCases { #expect(svg.contains(">\(status.title)</text>")) }
        let mermaid = graph.rendered(as: .mermaid, colouring: ExecutionColouring(graph: graph, events: history))
        #expect(mermaid.contains("classDef retried fill:#fff9db,stroke:#f59f00,color:#664d03"))
        #expect(mermaid.contains("class n\(graph.node(named: "Flaky")!.id) retried"))
        let dot = graph.rendered(as: .dot, colouring: ExecutionColouring(graph: graph, events: history))
        #expect(dot.contains("fillcolor=\"#ffe0e0\", color=\"#e03131\""))
    }

    @Test("A running execution shows its current state running, and aborted once stopped")
    func runningAndStopped() async throws {
        let definition = """
            {"StartAt": "First", "States": {"First": {"Type": "Pass", "Next": "Work"},
              "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:slow", "Next": "Later"},
              "Later": {"Type": "Pass", "End": true}}}
            """
        let graph = Graph(try StateMachineDefinition(text: definition))
        let started = Mutex(false)
        let runtime = Runtime(clock: .virtual)
        runtime.register("arn:aws:lambda:us-east-1:123456789012:function:slow") { _, _ in
            started.withLock { $0 = true }
            try await Task.sleep(for: .seconds(600))
            return "late"
        }
        let execution = try await runtime.start(try StateMachine(text: definition), input: [:])
        let deadline = ContinuousClock.now + .seconds(20)
        while !started.withLock({ $0 }), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        let running = ExecutionColouring(graph: graph, events: await execution.history)
        #expect(!running.ended)
        #expect(Self.statuses(graph, running) == ["First": .succeeded, "Work": .running, "Later": .notReached])
        await execution.stop(cause: "test")
        _ = await execution.result
        let stopped = ExecutionColouring(graph: graph, events: await execution.history)
        #expect(stopped.ended)
        #expect(Self.statuses(graph, stopped) == ["First": .succeeded, "Work": .aborted, "Later": .notReached])
    }

    @Test("After a redrive, a state run again shows its latest run; states not rerun keep their colour")
    func redriven() throws {
        let graph = try Definitions.graph(
            #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}"#)
        func event(_ id: Int, _ previous: Int, _ type: String, _ name: String? = nil) -> JSON {
            var event: JSONObject = ["id": .int(id), "previousEventId": .int(previous), "type": .string(type)]
            switch (type, name) {
            case ("EvaluationFailed", let name?):
                event["evaluationFailedEventDetails"] = ["error": "States.QueryEvaluationError", "state": .string(name)]
            case (_, let name?): event[type.hasSuffix("Entered") ? "stateEnteredEventDetails" : "stateExitedEventDetails"] = ["name": .string(name)]
            default: break
            }
            return .object(event)
        }
        let failed = [
            event(1, 0, "ExecutionStarted"), event(2, 1, "PassStateEntered", "A"), event(3, 2, "PassStateExited", "A"),
            event(4, 3, "PassStateEntered", "B"), event(5, 4, "EvaluationFailed", "B"), event(6, 4, "ExecutionFailed"),
        ]
        #expect(Self.statuses(graph, ExecutionColouring(graph: graph, json: failed)) == ["A": .succeeded, "B": .failed])
        let redriven = failed + [event(7, 6, "ExecutionRedriven"), event(8, 7, "PassStateEntered", "B")]
        let colouring = ExecutionColouring(graph: graph, json: redriven)
        #expect(!colouring.ended)
        #expect(Self.statuses(graph, colouring) == ["A": .succeeded, "B": .running])
    }

    @Test("Without events every state is not reached; events of states the graph lacks are ignored")
    func emptyAndForeign() throws {
        let graph = try Definitions.graph(#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)
        #expect(ExecutionColouring(graph: graph, events: []).statuses.allSatisfy { $0 == .notReached })
        let foreign: [JSON] = [
            ["id": 1, "previousEventId": 0, "type": "ExecutionStarted"],
            ["id": 2, "previousEventId": 1, "type": "PassStateEntered", "stateEnteredEventDetails": ["name": "Elsewhere"]],
            ["id": 3, "previousEventId": 2, "type": "NoSuchEvent"],
        ]
        let colouring = ExecutionColouring(graph: graph, json: foreign)
        #expect(colouring.statuses.allSatisfy { $0 == .notReached })
        #expect(!colouring.ended)
    }
}
