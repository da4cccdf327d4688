import Foundation
import Stepwise
import StepwiseIntegrations
import Testing

@Suite("Activities: workers poll with GetActivityTask and answer with SendTask*", .timeLimit(.minutes(3)))
struct ActivityTests {
    static func machine(_ arn: String) throws -> StateMachine {
        try StateMachine(
            text: """
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "\(arn)", "End": true}}}
                """, name: "activities")
    }

    static func setUp() -> (Runtime, CallbackIntegrations) {
        let runtime = Runtime(clock: .real)
        let integrations = CallbackIntegrations(runtime: runtime)
        integrations.install()
        return (runtime, integrations)
    }

    @Test("A worker takes the task (ActivityStarted with its name) and SendTaskSuccess completes it")
    func workerFlow() async throws {
        let (runtime, integrations) = Self.setUp()
        let activity = try await integrations.activities.create(name: "review")
        #expect(activity.arn == "arn:aws:states:us-east-1:123456789012:activity:review")
        #expect(try await integrations.activities.create(name: "review") == activity)
        let execution = try await runtime.start(try Self.machine(activity.arn), input: ["doc": 3], name: "a1")
        let task = try #require(try await integrations.getActivityTask(arn: activity.arn, worker: "worker-1", timeout: .seconds(5)))
        #expect(task.input == ["doc": 3])
        #expect(task.token == "\(execution.arn)#1")
        try await integrations.tokens.sendTaskSuccess(token: task.token, output: ["approved": true])
        let result = await execution.result
        #expect(result.output == ["approved": true])
        let history = await execution.history
        #expect(
            history.map(\.type.rawValue) == [
                "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited",
                "ExecutionSucceeded",
            ])
        #expect(history[3].json()["activityStartedEventDetails"] == ["workerName": "worker-1"])
    }

    @Test("SendTaskFailure on an activity task records ActivityFailed")
    func workerFailure() async throws {
        let (runtime, integrations) = Self.setUp()
        let activity = try await integrations.activities.create(name: "review")
        let execution = try await runtime.start(try Self.machine(activity.arn))
        let task = try #require(try await integrations.getActivityTask(arn: activity.arn, timeout: .seconds(5)))
        try await integrations.tokens.sendTaskFailure(token: task.token, error: "Rejected", cause: "typos")
        let result = await execution.result
        #expect(result.error == "Rejected")
        #expect(await execution.history.contains { $0.type == .activityFailed })
    }

    @Test("A poll with nothing queued answers nil after its wait")
    func emptyPoll() async throws {
        let (_, integrations) = Self.setUp()
        let activity = try await integrations.activities.create(name: "idle")
        let start = ContinuousClock.now
        #expect(try await integrations.getActivityTask(arn: activity.arn, timeout: .milliseconds(150)) == nil)
        #expect(ContinuousClock.now - start >= .milliseconds(150))
        #expect(await integrations.broker.pollerCount(activity.arn) == 0)
    }

    @Test("Hundreds of concurrent polls wait without blocking; each queued task goes to exactly one of them")
    func manyPollers() async throws {
        let (runtime, integrations) = Self.setUp()
        let activity = try await integrations.activities.create(name: "busy")
        let machine = try Self.machine(activity.arn)
        let results = try await withThrowingTaskGroup(of: ActivityTask?.self) { group in
            for index in 0..<300 {
                group.addTask { try await integrations.getActivityTask(arn: activity.arn, worker: "w\(index)", timeout: .seconds(5)) }
            }
            // Bounded: on a loaded machine the first polls may time out before the last ones are registered, and the
            // count would never reach 300; whoever still waits then takes the five tasks.
            let deadline = ContinuousClock.now + .seconds(3)
            while await integrations.broker.pollerCount(activity.arn) < 300, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            var executions: [Execution] = []
            for index in 0..<5 { executions.append(try await runtime.start(machine, input: ["n": .int(index)])) }
            var tasks: [ActivityTask] = []
            for try await task in group { if let task { tasks.append(task) } }
            for task in tasks { try await integrations.tokens.sendTaskSuccess(token: task.token, output: task.input) }
            for execution in executions { #expect(await execution.result.status == .succeeded) }
            return tasks
        }
        #expect(results.count == 5)
        #expect(Set(results.map(\.token)).count == 5)
    }

    @Test("An activity that does not exist fails the execution with States.Runtime; polling it is ActivityDoesNotExist")
    func missingActivity() async throws {
        let (runtime, integrations) = Self.setUp()
        let arn = "arn:aws:states:us-east-1:123456789012:activity:ghost"
        let execution = try await runtime.start(try Self.machine(arn))
        let result = await execution.result
        #expect(result.error == "States.Runtime")
        #expect(result.cause?.contains("The activity \(arn) does not exist.") == true)
        await #expect(throws: ActivityError.doesNotExist(arn: arn)) { try await integrations.getActivityTask(arn: arn, timeout: .milliseconds(10)) }
        await #expect(throws: ActivityError.doesNotExist(arn: arn)) { try await integrations.activities.describe(arn: arn) }
        await #expect(throws: ActivityError.invalidName("a b")) { try await integrations.activities.create(name: "a b") }
    }

    @Test("Stopping an execution takes its task off the queue")
    func stopWithdraws() async throws {
        let (runtime, integrations) = Self.setUp()
        let activity = try await integrations.activities.create(name: "queue")
        let execution = try await runtime.start(try Self.machine(activity.arn))
        while await integrations.broker.queuedCount(activity.arn) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        await execution.stop()
        _ = await execution.result
        while await integrations.broker.queuedCount(activity.arn) > 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(try await integrations.getActivityTask(arn: activity.arn, timeout: .milliseconds(20)) == nil)
    }
}
