import Foundation
import JSON
import StatesLanguage
import Synchronization

/// Runs one Task: gets the task's input (after InputPath/Parameters) and a context, returns the result.
/// Throw a `StatesError` to fail with a specific error name and cause; any other error fails the task with the
/// error's type name as the error and its description as the cause. Cancellation (a stop, a timeout, a sibling's
/// failure) reaches the handler as Swift task cancellation.
public typealias TaskHandler = @Sendable (_ input: JSON, _ context: TaskContext) async throws -> JSON

/// What a handler knows about the task it runs, and how it reports heartbeats.
public struct TaskContext: Sendable {
    public let resource: String
    public let stateName: String
    public let executionName: String
    package let executionArn: String
    /// The context object (`$$`) of the Task state.
    public let contextObject: JSON
    /// The task token of a `.waitForTaskToken` task.
    public var taskToken: String? { contextObject["Task"]?["Token"]?.stringValue }
    let timeoutFlag: TimeoutFlag
    /// Whether the task was cancelled because its TimeoutSeconds or HeartbeatSeconds ran out (rather than by a
    /// stop, a sibling's failure or the end of the execution).
    package var timedOut: Bool { timeoutFlag.isSet }
    let reportHeartbeat: @Sendable () async -> Void
    let sleeper: @Sendable (Double) async throws -> Void
    let report: @Sendable (StepInput) async -> Void

    /// Records TaskSubmitted with the call's response: a `.waitForTaskToken` or `.sync` task made its call and
    /// now waits for the callback or the job.
    package func submitted(_ output: JSON) async { await report(.taskSubmitted(task: taskId, output: output)) }

    /// Records ActivityStarted: an activity worker took this task.
    package func activityStarted(worker: String) async { await report(.activityStarted(task: taskId, worker: worker)) }

    /// The engine's id of this task within the execution (stable across a resume).
    package let taskId: Int
    /// The clock the execution runs on; a child execution the task starts runs on it too.
    package let clock: ClockKind
    /// When the task was dispatched, on the execution's clock (virtual time under the virtual clock): what a
    /// service whose resources change over time (CloudFormation's stack statuses) takes as now.
    package let dispatchedAt: Date
    /// Where an HTTP call records what it sent and received (TestState at the TRACE level); nil in executions.
    package var trace: TaskTrace?

    /// A context outside an execution, for calling handlers and services directly (tests, tools): heartbeats
    /// and reports go nowhere, sleeps use real time.
    package init(resource: String, stateName: String = "Task", executionName: String = "direct", contextObject: JSON = [:]) {
        self.init(
            resource: resource, stateName: stateName, executionName: executionName,
            executionArn: "arn:aws:states:us-east-1:123456789012:execution:direct:\(executionName)", contextObject: contextObject,
            reportHeartbeat: {}, sleeper: { seconds in try await Task.sleep(for: .milliseconds(Int64(seconds * 1000))) },
            report: { _ in }, taskId: 0)
    }

    init(
        resource: String, stateName: String, executionName: String, executionArn: String, contextObject: JSON,
        timeoutFlag: TimeoutFlag = TimeoutFlag(),
        reportHeartbeat: @escaping @Sendable () async -> Void, sleeper: @escaping @Sendable (Double) async throws -> Void,
        report: @escaping @Sendable (StepInput) async -> Void, taskId: Int, clock: ClockKind = .real, dispatchedAt: Date = Date()
    ) {
        self.timeoutFlag = timeoutFlag
        self.clock = clock
        self.dispatchedAt = dispatchedAt
        self.resource = resource
        self.stateName = stateName
        self.executionName = executionName
        self.executionArn = executionArn
        self.contextObject = contextObject
        self.reportHeartbeat = reportHeartbeat
        self.sleeper = sleeper
        self.report = report
        self.taskId = taskId
    }

    /// Tells the engine the task is alive: restarts its HeartbeatSeconds clock.
    public func heartbeat() async { await reportHeartbeat() }

    /// Sleeps on the execution's clock. Under the virtual clock this takes no real time, and it is the way for a
    /// handler to spend virtual time: a handler that waits any other way holds virtual time still until it returns.
    public func sleep(seconds: Double) async throws { try await sleeper(seconds) }
}

/// A one-way flag the driver sets before it cancels a timed-out task.
final class TimeoutFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

/// Handlers by resource: an exact ARN, or a pattern with `*` wildcards (`arn:aws:lambda:*:*:function:validate-*`).
struct HandlerRegistry: Sendable {
    private var exact: [String: TaskHandler] = [:]
    private var patterns: [(String, TaskHandler)] = []

    mutating func register(_ pattern: String, _ handler: @escaping TaskHandler) {
        if pattern.contains("*") { patterns.append((pattern, handler)) } else { exact[pattern] = handler }
    }

    /// The exact match first, then the first registered pattern that matches.
    func resolve(_ resource: String) -> TaskHandler? {
        if let handler = exact[resource] { return handler }
        return patterns.first { Glob.matches($0.0, resource) }?.1
    }
}
