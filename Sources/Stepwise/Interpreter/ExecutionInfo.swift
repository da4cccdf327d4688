import Foundation
import JSON

/// The fixed facts of one execution: names, ARNs, input and start time. They feed `$$.Execution` and
/// `$$.StateMachine` (asl-reference §6).
public struct ExecutionInfo: Sendable {
    public let name: String
    public let arn: String
    public let stateMachineName: String
    public let stateMachineArn: String
    public let roleArn: String
    public let input: JSON
    public let startTime: Date
    public let region: String
    /// Seeds every random choice of the execution (retry jitter, States.UUID, …) so a replay repeats them.
    public let seed: UInt64

    public init(
        name: String, arn: String, stateMachineName: String, stateMachineArn: String, roleArn: String, input: JSON, startTime: Date,
        region: String = "us-east-1", seed: UInt64 = 0
    ) {
        self.seed = seed
        self.name = name
        self.arn = arn
        self.stateMachineName = stateMachineName
        self.stateMachineArn = stateMachineArn
        self.roleArn = roleArn
        self.input = input
        self.startTime = startTime
        self.region = region
    }
}

/// How an execution ended (or that it has not).
public enum ExecutionStatus: String, Sendable, Hashable {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case timedOut = "TIMED_OUT"
    case aborted = "ABORTED"
}

/// What the interpreter feeds itself: everything that can happen to an execution from outside.
/// A log of these with their times is enough to rebuild the interpreter's state (replay).
public enum StepInput: Sendable {
    case start
    case taskSucceeded(task: Int, output: JSON)
    case taskFailed(task: Int, error: StatesError)
    case taskHeartbeat(task: Int)
    /// A `.waitForTaskToken` or `.sync` task made its call and now waits (TaskSubmitted with the call's response).
    case taskSubmitted(task: Int, output: JSON)
    /// An activity worker took the task (ActivityStarted with its name).
    case activityStarted(task: Int, worker: String)
    /// A Distributed Map's ItemReader or ResultWriter request finished (items read, or the writer's response).
    case mapIOCompleted(request: Int, output: JSON)
    case mapIOFailed(request: Int, error: StatesError)
    case timerFired(timer: Int)
    case stop(error: String?, cause: String?)
    /// UpdateMapRun: new settings for a running Map Run (nil: unchanged).
    case updateMapRun(mapRunArn: String, maxConcurrency: Int?, toleratedFailureCount: Int?, toleratedFailurePercentage: Double?)
}

/// What the interpreter asks its driver to do.
public enum Action: Sendable {
    case dispatch(TaskDispatch)
    case cancelTask(Int)
    /// Cancels a task whose TimeoutSeconds or HeartbeatSeconds ran out (its handler sees `TaskContext.timedOut`).
    case timeOutTask(Int)
    case schedule(timer: Int, deadline: Date)
    case cancelTimer(Int)
    case finished(status: ExecutionStatus)
    /// Read a Distributed Map's items, or write its results (I/O the interpreter cannot do itself).
    case mapIO(MapIORequest)
}

/// What a Distributed Map needs from outside: its items read by the ItemReader, or its results written by the
/// ResultWriter (asl-reference §1.3 Map).
public struct MapIORequest: Sendable {
    public enum Kind: Sendable {
        /// Read items: `resource` is `arn:aws:states:::s3:getObject` or `…:s3:listObjectsV2`; `arguments` the
        /// evaluated Parameters/Arguments (Bucket, Key/Prefix); `readerConfig` as written; `maxItems` resolved.
        case readItems(resource: String, arguments: JSON, readerConfig: JSON, maxItems: Int?)
        /// Write results: `arguments` holds Bucket and Prefix; the answer is AWS's
        /// `{"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}`.
        case writeResults(resource: String, arguments: JSON, writerConfig: JSON?, mapRunArn: String, results: [MapChildResult])
    }

    public let id: Int
    public let kind: Kind
}

/// One child of a Distributed Map, as the ResultWriter reports it.
public struct MapChildResult: Sendable {
    public let index: Int
    public let input: JSON
    public let output: JSON?
    public let error: String?
    public let cause: String?
    /// The child execution: its name, ARN and state machine (`<machine ARN>/<label>`), when it ran.
    public let name: String
    public let executionArn: String
    public let stateMachineArn: String
    public let startDate: Date
    public let stopDate: Date

    public var succeeded: Bool { output != nil }

    public init(
        index: Int, input: JSON, output: JSON?, error: String?, cause: String?, name: String, executionArn: String, stateMachineArn: String,
        startDate: Date, stopDate: Date
    ) {
        self.index = index
        self.input = input
        self.output = output
        self.error = error
        self.cause = cause
        self.name = name
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.startDate = startDate
        self.stopDate = stopDate
    }
}

/// A task to run: which resource, with what input and context, under which time limits.
public struct TaskDispatch: Sendable {
    public let id: Int
    public let resource: String
    public let input: JSON
    public let context: JSON
    public let stateName: String
    public let timeoutSeconds: Int?
    public let heartbeatSeconds: Int?
    public let credentials: JSON?
}
