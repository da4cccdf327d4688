import Foundation
import JSON

/// A Distributed Map's run as DescribeMapRun shows it (asl-reference §8): where it belongs, its settings (which
/// UpdateMapRun can change while it runs) and how far its items and child executions got.
public struct MapRunRecord: Sendable, Equatable {
    public enum Status: String, Sendable {
        case running = "RUNNING"
        case succeeded = "SUCCEEDED"
        case failed = "FAILED"
        case aborted = "ABORTED"
    }

    /// Items or child executions by state (`itemCounts`, `executionCounts`). Pending ones have not started.
    public struct Counts: Sendable, Equatable {
        public var pending = 0, running = 0, succeeded = 0, failed = 0, timedOut = 0, aborted = 0, total = 0, resultsWritten = 0

        package init() {}

        /// AWS's shape; `failuresNotRedrivable` and `pendingRedrive` are 0: a redrive of the parent runs every failed child again.
        public var json: JSON {
            [
                "pending": .int(pending), "running": .int(running), "succeeded": .int(succeeded), "failed": .int(failed),
                "timedOut": .int(timedOut), "aborted": .int(aborted), "total": .int(total), "resultsWritten": .int(resultsWritten),
                "failuresNotRedrivable": 0, "pendingRedrive": 0,
            ]
        }

        package init(json: JSON) {
            pending = json["pending"]?.intValue ?? 0
            running = json["running"]?.intValue ?? 0
            succeeded = json["succeeded"]?.intValue ?? 0
            failed = json["failed"]?.intValue ?? 0
            timedOut = json["timedOut"]?.intValue ?? 0
            aborted = json["aborted"]?.intValue ?? 0
            total = json["total"]?.intValue ?? 0
            resultsWritten = json["resultsWritten"]?.intValue ?? 0
        }
    }

    public let arn: String
    /// The execution whose Map state started the run.
    public let executionArn: String
    /// The children's state machine: `<machine ARN>/<label>`.
    public let stateMachineArn: String
    public let startDate: Date
    public var stopDate: Date?
    public var status: Status
    public var maxConcurrency: Int
    public var toleratedFailurePercentage: Double
    public var toleratedFailureCount: Int
    public var itemCounts: Counts
    public var executionCounts: Counts
    /// How many times a redrive of its execution ran the Map Run again, and when it last did.
    public var redriveCount = 0
    public var redriveDate: Date?

    package init(
        arn: String, executionArn: String, stateMachineArn: String, startDate: Date, stopDate: Date? = nil, status: Status = .running,
        maxConcurrency: Int, toleratedFailurePercentage: Double, toleratedFailureCount: Int, itemCounts: Counts, executionCounts: Counts
    ) {
        self.arn = arn
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.startDate = startDate
        self.stopDate = stopDate
        self.status = status
        self.maxConcurrency = maxConcurrency
        self.toleratedFailurePercentage = toleratedFailurePercentage
        self.toleratedFailureCount = toleratedFailureCount
        self.itemCounts = itemCounts
        self.executionCounts = executionCounts
    }
}

/// A child execution of a Distributed Map with STANDARD children: recorded and linked to its Map Run, so
/// DescribeExecution, ListExecutions(mapRunArn) and GetExecutionHistory show it.
package struct MapChildExecution: Sendable, Equatable {
    package let arn: String
    package let name: String
    package let mapRunArn: String
    /// `<parent machine ARN>/<label>`.
    package let stateMachineArn: String
    /// The execution that runs the Map state.
    package let parentArn: String
    package let input: JSON
    package let startDate: Date
    package var status: ExecutionStatus = .running
    package var output: JSON?
    package var error: String?
    package var cause: String?
    package var stopDate: Date?
    /// How many times its Map Run's redrives ran it again, and when last.
    package var redriveCount = 0
    package var redriveDate: Date?
}

/// One event of a child execution's history.
package struct MapChildEvent: Sendable {
    package let executionArn: String
    package let event: HistoryEvent
}

/// What one step changed besides the execution's own history: Map Runs started, counted, updated or ended,
/// and the child executions and child history events they recorded. A journal stores them with the step.
package struct MapRunChanges: Sendable {
    /// The latest state of every Map Run the step changed.
    package var mapRuns: [MapRunRecord] = []
    /// The latest state of every child execution the step started or ended.
    package var children: [MapChildExecution] = []
    /// New child history events, in the order they happened.
    package var childEvents: [MapChildEvent] = []

    package init() {}

    package var isEmpty: Bool { mapRuns.isEmpty && children.isEmpty && childEvents.isEmpty }
}
