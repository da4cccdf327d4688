import Foundation

/// A job of the REST API as stored, with the state of its execution (if it has started) folded in.
package struct JobRecord: Sendable, Equatable {
    /// A job's life: QUEUED (waiting for a slot), PENDING (starting), RUNNING, then COMPLETED, FAILED or CANCELLED.
    package enum Status: String, Sendable, CaseIterable {
        case pending = "PENDING"
        case queued = "QUEUED"
        case running = "RUNNING"
        case completed = "COMPLETED"
        case failed = "FAILED"
        case cancelled = "CANCELLED"

        /// Whether the job has ended.
        package var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
    }

    /// The job id: the execution's name.
    package var id: String
    /// The state machine's name.
    package var workflow: String
    package var stateMachineArn: String
    /// The input as JSON text.
    package var input: String
    package var createdDate: Date
    /// Set once the job is given a slot; nil while it is queued.
    package var executionArn: String?
    package var status: Status
    package var startDate: Date?
    package var stopDate: Date?
    package var output: String?
    package var error: String?
    package var cause: String?

    package init(
        id: String, workflow: String, stateMachineArn: String, input: String, createdDate: Date,
        executionArn: String? = nil, status: Status = .queued, startDate: Date? = nil, stopDate: Date? = nil,
        output: String? = nil, error: String? = nil, cause: String? = nil
    ) {
        self.id = id
        self.workflow = workflow
        self.stateMachineArn = stateMachineArn
        self.input = input
        self.createdDate = createdDate
        self.executionArn = executionArn
        self.status = status
        self.startDate = startDate
        self.stopDate = stopDate
        self.output = output
        self.error = error
        self.cause = cause
    }
}
