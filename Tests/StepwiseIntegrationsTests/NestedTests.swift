import Foundation
import JSON
import Stepwise
import StepwiseHost
import StepwiseIntegrations
import StepwiseStore
import StepwiseTesting
import Testing

@Suite("Nested executions: states:startExecution, .sync, .sync:2 and .waitForTaskToken", .timeLimit(.minutes(3)))
struct NestedTests {
    static let child =
        #"{"StartAt": "Double", "States": {"Double": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, $.n)"}, "End": true}}}"#
    static let failing = #"{"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Child.Broke", "Cause": "no luck"}}}"#
    static let waiting = #"{"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 30, "End": true}}}"#

    /// A one-Task parent on `states:startExecution<suffix>`; `extra` adds Input fields, `fields` Task fields.
    static func parent(_ suffix: String, child: String, extra: String = "", fields: String = "") throws -> StateMachine {
        try StateMachine(
            text: """
                {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution\(suffix)",
                  "Parameters": {"StateMachineArn": "\(child)", "Input": {"n.$": "$.n"\(extra)}}\(fields), "End": true}}}
                """, name: "parent")
    }

    /// The statuses of the child executions of `machine` once the first is no longer RUNNING (up to 5 s).
    static func children(_ durable: DurableRuntime, of machine: String) async throws -> [ExecutionSummary] {
        var children: [ExecutionSummary] = []
        for _ in 0..<250 {
            await durable.sync()
            children = try await durable.store.listExecutions(stateMachineArn: machine).items
            if let first = children.first, first.status != .running { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return children
    }

    static func setUp() async throws -> (DurableRuntime, CallbackIntegrations) {
        let durable = DurableRuntime(store: try await Callbacks.store(), runtime: Runtime(clock: .real))
        let integrations = CallbackIntegrations(durable: durable)
        integrations.install()
        return (durable, integrations)
    }

    static func start(_ durable: DurableRuntime, _ machine: StateMachine, input: JSON) async throws -> Execution {
        try await durable.start(machine, definition: "{}", input: input, name: "p1")
    }

    @Test(".sync waits for the child; Output is JSON text; the child records its parent")
    func sync() async throws {
        let (durable, _) = try await Self.setUp()
        let child = try await Callbacks.storeMachine(durable.store, name: "doubler", definition: Self.child)
        let execution = try await Self.start(durable, try Self.parent(".sync", child: child), input: ["n": 21])
        let result = await execution.result
        #expect(result.status == .succeeded)
        let output = try #require(result.output)
        #expect(output["Status"] == "SUCCEEDED")
        #expect(output["Output"] == #"{"n":42}"#)
        #expect(output["Input"] == #"{"n":21}"#)
        #expect(output["StateMachineArn"] == .string(child))
        #expect(output["StartDate"]?.intValue != nil)
        let childArn = try #require(output["ExecutionArn"]?.stringValue)
        #expect(try await durable.store.execution(arn: childArn)?.parentArn == execution.arn)
        #expect(await execution.history.map(\.type.rawValue).contains("TaskSubmitted"))
    }

    @Test(".sync:2 gives Input and Output as JSON; request-response answers ExecutionArn and StartDate")
    func sync2AndRequestResponse() async throws {
        let (durable, _) = try await Self.setUp()
        let child = try await Callbacks.storeMachine(durable.store, name: "doubler", definition: Self.child)
        let execution = try await Self.start(durable, try Self.parent(".sync:2", child: child), input: ["n": 4])
        let output = try #require(await execution.result.output)
        #expect(output["Output"] == ["n": 8])
        #expect(output["Input"] == ["n": 4])
        let plain = try await durable.start(try Self.parent("", child: child), definition: "{}", input: ["n": 1], name: "p2")
        let started = try #require(await plain.result.output)
        #expect(started.objectValue?.keys.sorted() == ["ExecutionArn", "StartDate"])
    }

    @Test("A failed child fails the .sync task with States.TaskFailed and the child's description as cause")
    func childFailure() async throws {
        let (durable, _) = try await Self.setUp()
        let child = try await Callbacks.storeMachine(durable.store, name: "breaker", definition: Self.failing)
        let execution = try await Self.start(durable, try Self.parent(".sync", child: child), input: ["n": 1])
        let result = await execution.result
        #expect(result.error == "States.TaskFailed")
        let cause = try JSON(parsing: result.cause ?? "")
        #expect(cause["Status"] == "FAILED")
        #expect(cause["Error"] == "Child.Broke")
        #expect(cause["Cause"] == "no luck")
    }

    @Test("A missing state machine fails the task with StepFunctions.StateMachineDoesNotExistException")
    func missingChild() async throws {
        let (durable, _) = try await Self.setUp()
        let execution = try await Self.start(
            durable, try Self.parent(".sync", child: "arn:aws:states:us-east-1:123456789012:stateMachine:nope"), input: ["n": 1])
        #expect(await execution.result.error == "StepFunctions.StateMachineDoesNotExistException")
    }

    @Test("Stopping the parent stops its .sync child")
    func stopParentStopsChild() async throws {
        let (durable, _) = try await Self.setUp()
        let child = try await Callbacks.storeMachine(durable.store, name: "sleeper", definition: Self.waiting)
        let execution = try await Self.start(durable, try Self.parent(".sync", child: child), input: ["n": 1])
        await Callbacks.waitFor(.taskSubmitted, in: execution)
        await execution.stop()
        #expect(await execution.result.status == .aborted)
        let children = try await Self.children(durable, of: child)
        #expect(children.map(\.status) == [.aborted])
        #expect(children.first?.parentArn == execution.arn)
    }

    @Test(".waitForTaskToken starts the child with the token and waits for a SendTaskSuccess")
    func waitForToken() async throws {
        let (durable, integrations) = try await Self.setUp()
        let child = try await Callbacks.storeMachine(durable.store, name: "doubler", definition: Self.child)
        let machine = try Self.parent(".waitForTaskToken", child: child, extra: #", "token.$": "$$.Task.Token""#)
        let execution = try await Self.start(durable, machine, input: ["n": 2])
        await Callbacks.waitFor(.taskSubmitted, in: execution)
        let submitted = await execution.history.first { $0.type == .taskSubmitted }?.json()["taskSubmittedEventDetails"]?["output"]
        let childArn = try #require(try JSON(parsing: submitted?.stringValue ?? "")["ExecutionArn"]?.stringValue)
        await durable.sync()
        let input = try JSON(parsing: try #require(try await durable.store.execution(arn: childArn)?.input))
        try await integrations.tokens.sendTaskSuccess(token: try #require(input["token"]?.stringValue), output: ["from": "child"])
        #expect(await execution.result.output == ["from": "child"])
    }

    /// Real time: the child must have started (TaskSubmitted) within the parent task's 8 seconds (a loaded machine
    /// can take seconds to start it).
    @Test("TimeoutSeconds on the parent's .sync task stops the child (ABORTED); the parent fails with States.Timeout", .realTime)
    func timeoutStopsChild() async throws {
        let (durable, _) = try await Self.setUp()
        let child = try await Callbacks.storeMachine(durable.store, name: "sleeper", definition: Self.waiting)
        let execution = try await Self.start(durable, try Self.parent(".sync", child: child, fields: #", "TimeoutSeconds": 8"#), input: ["n": 1])
        let result = await execution.result
        #expect(result.error == "States.Timeout")
        #expect(
            await execution.history.map(\.type.rawValue) == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskTimedOut", "ExecutionFailed",
            ])
        let children = try await Self.children(durable, of: child)
        #expect(children.map(\.status) == [.aborted])
        #expect(children.first?.parentArn == execution.arn)
    }
}
