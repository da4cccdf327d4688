import Foundation
import Stepwise
import StepwiseTesting
import Testing

/// previousEventId as AWS records it around Map, Parallel and EvaluationFailed (asl-reference §7.3; the
/// sequences below are the shapes of histories recorded on AWS).
@Suite("The previousEventId chain", .timeLimit(.minutes(1)))
struct EventChainTests {
    /// `id:type:previousEventId` for each event.
    static func chain(_ run: FinishedRun) -> [String] {
        run.history.map { "\($0.id):\($0.type.rawValue):\($0.previousEventId)" }
    }

    @Test("Map: the next iteration starts from the last event of the previous one; Succeeded and Exited share a previous")
    func mapIterations() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "End": true,
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """, input: [1, 2])
        #expect(
            Self.chain(run) == [
                "1:ExecutionStarted:0", "2:MapStateEntered:0", "3:MapStateStarted:2",
                "4:MapIterationStarted:3", "5:PassStateEntered:4", "6:PassStateExited:5", "7:MapIterationSucceeded:6",
                "8:MapIterationStarted:6", "9:PassStateEntered:8", "10:PassStateExited:9", "11:MapIterationSucceeded:10",
                "12:MapStateSucceeded:11", "13:MapStateExited:11", "14:ExecutionSucceeded:13",
            ])
    }

    @Test("An empty Map: MapStateSucceeded and MapStateExited both point at MapStateStarted")
    func emptyMap() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """, input: [])
        #expect(
            Self.chain(run) == [
                "1:ExecutionStarted:0", "2:MapStateEntered:0", "3:MapStateStarted:2", "4:MapStateSucceeded:3", "5:MapStateExited:3",
                "6:ExecutionSucceeded:5",
            ])
    }

    @Test("A failed iteration: MapIterationFailed and MapStateFailed both point at the iteration's last event; a catch chains on")
    func mapFailureCaught() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "M", "States": {
              "M": {"Type": "Map", "Next": "Done", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}],
                "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E"}}}},
              "Done": {"Type": "Pass", "End": true}}}
            """, input: [1])
        #expect(
            Self.chain(run) == [
                "1:ExecutionStarted:0", "2:MapStateEntered:0", "3:MapStateStarted:2", "4:MapIterationStarted:3", "5:FailStateEntered:4",
                "6:MapIterationFailed:5", "7:MapStateFailed:5", "8:MapStateExited:7", "9:PassStateEntered:8", "10:PassStateExited:9",
                "11:ExecutionSucceeded:10",
            ])
    }

    @Test("A retried Map starts again from the failed iteration's last event")
    func mapRetry() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
              "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 1, "IntervalSeconds": 1}],
              "ItemProcessor": {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E"}}}}}}
            """, input: [1])
        #expect(
            Self.chain(run) == [
                "1:ExecutionStarted:0", "2:MapStateEntered:0", "3:MapStateStarted:2", "4:MapIterationStarted:3", "5:FailStateEntered:4",
                "6:MapIterationFailed:5", "7:MapStateStarted:5", "8:MapIterationStarted:7", "9:FailStateEntered:8",
                "10:MapIterationFailed:9", "11:MapStateFailed:9", "12:ExecutionFailed:11",
            ])
    }

    @Test("Parallel: every branch starts at ParallelStateStarted; Succeeded and Exited point at the last branch event")
    func parallel() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}
            """)
        #expect(
            Self.chain(run) == [
                "1:ExecutionStarted:0", "2:ParallelStateEntered:0", "3:ParallelStateStarted:2", "4:PassStateEntered:3", "5:PassStateExited:4",
                "6:PassStateEntered:3", "7:PassStateExited:6", "8:ParallelStateSucceeded:7", "9:ParallelStateExited:7", "10:ExecutionSucceeded:9",
            ])
    }

    @Test("EvaluationFailed right after a state is entered points where the entered event points; in a Wait it chains")
    func evaluationFailed() async throws {
        let pass = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $missing.x %}", "End": true}}}
            """)
        #expect(Self.chain(pass) == ["1:ExecutionStarted:0", "2:PassStateEntered:0", "3:EvaluationFailed:0", "4:ExecutionFailed:3"])
        let wait = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "{% 'soon' %}", "End": true}}}
            """)
        #expect(Self.chain(wait) == ["1:ExecutionStarted:0", "2:WaitStateEntered:0", "3:EvaluationFailed:2", "4:ExecutionFailed:3"])
    }
}
