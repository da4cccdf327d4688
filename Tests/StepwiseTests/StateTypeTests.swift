import Foundation
import Stepwise
import StepwiseTesting
import Testing

@Suite("Executions of each state type", .timeLimit(.minutes(3)))
struct StateTypeTests {
    @Test("A Pass chain records Entered and Exited for each state and ends with the last output")
    func passChain() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.a", "Next": "B"},
              "B": {"Type": "Pass", "InputPath": "$.a", "End": true}}}
            """, input: ["keep": true])
        #expect(run.result.status == .succeeded)
        #expect(run.result.output == ["x": 1])
        #expect(
            run.trace == [
                "ExecutionStarted", "PassStateEntered:A", "PassStateExited:A", "PassStateEntered:B", "PassStateExited:B", "ExecutionSucceeded",
            ])
        #expect(run.history.map(\.id) == [1, 2, 3, 4, 5, 6])
        #expect(run.history.map(\.previousEventId) == [0, 0, 2, 3, 4, 5])
    }

    @Test("A Wait of an hour shows an hour between its events under the virtual clock")
    func virtualWait() async throws {
        let started = Date()
        let run = try await TestSupport.run(
            """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}
            """)
        #expect(run.offsets(of: .waitStateExited) == [3600])
        // A deadline, not a timing: the hour must not be waited for real, however loaded the machine is.
        #expect(Date().timeIntervalSince(started) < 120)
    }

    @Test("Wait with a past Timestamp passes through at once")
    func pastTimestamp() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "2001-01-01T00:00:00Z", "End": true}}}
            """)
        #expect(run.result.status == .succeeded)
        #expect(run.offsets(of: .waitStateExited) == [0])
    }

    @Test("Fail ends the execution with its Error and Cause")
    func fail() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Broken", "Cause": "on purpose"}}}
            """)
        #expect(run.result.status == .failed)
        #expect(run.result.error == "Broken")
        #expect(run.result.cause == "on purpose")
        #expect(run.types == ["ExecutionStarted", "FailStateEntered", "ExecutionFailed"])
    }

    @Test("Succeed applies InputPath and OutputPath")
    func succeed() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "S", "States": {"S": {"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"}}}
            """, input: ["a": ["b": 7]])
        #expect(run.result.output == 7)
        #expect(run.types == ["ExecutionStarted", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"])
    }

    @Test("Parallel returns branch outputs in branch order")
    func parallel() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 5, "Next": "One"}, "One": {"Type": "Pass", "Result": 1, "End": true}}},
              {"StartAt": "Two", "States": {"Two": {"Type": "Pass", "Result": 2, "End": true}}}]}}}
            """)
        #expect(run.result.output == [1, 2])
        #expect(run.types.first(where: { $0.hasPrefix("Parallel") && $0 != "ParallelStateEntered" }) == "ParallelStateStarted")
        #expect(Array(run.types.suffix(3)) == ["ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"])
    }

    @Test("Map runs each item, keeps item order, and records iteration events")
    func map() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1, "End": true,
              "ItemSelector": {"value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
              "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}
            """, input: ["items": ["a", "b"]])
        #expect(run.result.output == [["value": "a", "index": 0], ["value": "b", "index": 1]])
        #expect(
            run.trace == [
                "ExecutionStarted", "MapStateEntered:M", "MapStateStarted", "MapIterationStarted:M", "PassStateEntered:I", "PassStateExited:I",
                "MapIterationSucceeded:M", "MapIterationStarted:M", "PassStateEntered:I", "PassStateExited:I", "MapIterationSucceeded:M",
                "MapStateSucceeded", "MapStateExited:M", "ExecutionSucceeded",
            ])
    }

    @Test("A failing branch aborts its sibling and fails the Parallel with the branch's own error")
    func parallelFailure() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 100, "End": true}}},
              {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom", "Cause": "branch"}}}]}}}
            """)
        #expect(run.result.error == "Boom")
        #expect(Array(run.types.suffix(4)) == ["FailStateEntered", "WaitStateAborted", "ParallelStateFailed", "ExecutionFailed"])
    }

    @Test("The execution's TimeoutSeconds ends it TIMED_OUT with States.Timeout")
    func executionTimeout() async throws {
        let run = try await TestSupport.run(
            """
            {"TimeoutSeconds": 5, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 10, "End": true}}}
            """)
        #expect(run.result.status == .timedOut)
        #expect(run.result.error == "States.Timeout")
        #expect(run.types.last == "ExecutionTimedOut")
        #expect(run.offsets(of: .executionTimedOut) == [5])
    }
}
