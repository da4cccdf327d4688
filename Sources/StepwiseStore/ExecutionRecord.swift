import Foundation
import Stepwise

/// An execution as stored: everything needed to describe it, and to resume it by replaying its step log.
package struct ExecutionRecord: Sendable, Equatable {
    /// RUNNING, SUCCEEDED, … (the engine's statuses, plus PENDING_REDRIVE which only the API shows).
    package enum Status: String, Sendable, CaseIterable {
        case running = "RUNNING"
        case succeeded = "SUCCEEDED"
        case failed = "FAILED"
        case timedOut = "TIMED_OUT"
        case aborted = "ABORTED"
        case pendingRedrive = "PENDING_REDRIVE"

        /// The store status for an engine status.
        package init(_ status: ExecutionStatus) { self = Status(rawValue: status.rawValue) ?? .failed }
    }

    package var arn: String
    package var name: String
    package var stateMachineArn: String
    package var revisionId: String?
    /// The exact definition text the execution runs (a later update of the state machine does not change it).
    package var definition: String
    package var status: Status
    /// Input and output as JSON text.
    package var input: String
    package var output: String?
    package var error: String?
    package var cause: String?
    package var startDate: Date
    package var stopDate: Date?
    /// The execution that started this one (Map Run children, nested executions).
    package var parentArn: String?
    /// The seed of the execution's random numbers (`States.UUID`, jitter), so replay draws the same ones.
    package var seed: Int64
    /// Whether the execution runs on a virtual clock (tests) rather than the wall clock.
    package var virtualTime: Bool
    /// How many history events are stored (committed) for the execution: the last event id.
    package var eventCount: Int
    /// The Map Run that started the execution (a Distributed Map child), else nil.
    package var mapRunArn: String?
    /// The version it was started through (`…:stateMachine:NAME:3`), directly or by an alias; nil for a start by
    /// the state machine's own ARN.
    package var stateMachineVersionArn: String?
    /// The alias it was started through (`…:stateMachine:NAME:PROD`), else nil.
    package var stateMachineAliasArn: String?
    /// The X-Ray trace header StartExecution was given (`traceHeader`), else nil.
    package var traceHeader: String?
    /// How many times the execution was redriven (RedriveExecution), and when last; nil before its first redrive.
    package var redriveCount = 0
    package var redriveDate: Date?

    package init(
        arn: String, name: String, stateMachineArn: String, revisionId: String? = nil, definition: String,
        status: Status = .running, input: String, output: String? = nil, error: String? = nil,
        cause: String? = nil, startDate: Date, stopDate: Date? = nil, parentArn: String? = nil,
        seed: Int64 = 0, virtualTime: Bool = false, eventCount: Int = 0, mapRunArn: String? = nil
    ) {
        self.arn = arn
        self.name = name
        self.stateMachineArn = stateMachineArn
        self.revisionId = revisionId
        self.definition = definition
        self.status = status
        self.input = input
        self.output = output
        self.error = error
        self.cause = cause
        self.startDate = startDate
        self.stopDate = stopDate
        self.parentArn = parentArn
        self.seed = seed
        self.virtualTime = virtualTime
        self.eventCount = eventCount
        self.mapRunArn = mapRunArn
    }
}

/// An execution as ListExecutions shows it: no definition, input or output.
package struct ExecutionSummary: Sendable, Equatable {
    package var arn: String
    package var name: String
    package var stateMachineArn: String
    package var status: ExecutionRecord.Status
    package var startDate: Date
    package var stopDate: Date?
    package var parentArn: String?
    /// The Map Run that started the execution (a Distributed Map child), else nil.
    package var mapRunArn: String? = nil
    /// The version and alias it was started through (see ``ExecutionRecord``).
    package var stateMachineVersionArn: String? = nil
    package var stateMachineAliasArn: String? = nil
    /// How many items a Map Run's child processes (listed by Map Run only, as AWS answers `itemCount`).
    package var itemCount: Int? = nil
    /// How many times it was redriven, and when last.
    package var redriveCount = 0
    package var redriveDate: Date? = nil
}
