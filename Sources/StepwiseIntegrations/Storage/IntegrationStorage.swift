import Foundation
import JSON
import Stepwise

/// The durable storage integrations need, and all they know of it: activities, callbacks, and the recorded
/// executions and stored state machines that nested executions start and wait for. StepwiseHost implements it
/// over a `DurableRuntime` and its SQLite store (`DurableIntegrationStorage`); the integrations never see the store.
package protocol IntegrationStorage: ActivityStorage {
    /// The recorded execution with this ARN, or nil.
    func execution(arn: String) async throws -> RecordedExecution?
    /// The recorded execution of that name of that state machine, or nil.
    func execution(name: String, stateMachineArn: String) async throws -> RecordedExecution?
    /// The inputs of the execution's recorded steps (the step log, as JSON text), oldest first.
    func stepInputs(arn: String) async throws -> [String]
    /// The stored state machine with this ARN, or nil.
    func stateMachine(arn: String) async throws -> StoredStateMachine?
    /// Starts and records an execution, as `DurableRuntime.start` does. - Throws: `StartError`;
    /// `IntegrationStorageError.alreadyExists` when an execution of that name exists; a storage failure.
    func start(
        _ machine: StateMachine, definition: String, input: JSON, name: String, stateMachineArn: String, roleArn: String,
        revisionId: String, parentArn: String, clock: ClockKind
    ) async throws -> Execution
    /// The execution if it runs in this process.
    func liveExecution(arn: String) -> Execution?
    /// Returns once everything recorded so far is written.
    func sync() async
    /// Keeps a callback's outcome for a task token; false when one was kept already.
    func saveCallback(token: String, executionArn: String, outcome: String) async throws -> Bool
    /// The outcome kept for a task token, or nil.
    func callback(token: String) async throws -> String?
}

/// What `IntegrationStorage.start` throws besides `StartError`.
package enum IntegrationStorageError: Error, Equatable {
    /// An execution with that name already exists.
    case alreadyExists
}

/// A recorded execution as the integrations read it (DescribeExecution's fields).
package struct RecordedExecution: Sendable, Equatable {
    package var arn: String
    package var name: String
    package var stateMachineArn: String
    /// RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.
    package var status: String
    package var input: String
    package var output: String?
    package var error: String?
    package var cause: String?
    package var startDate: Date
    package var stopDate: Date?
    package var parentArn: String?

    package init(
        arn: String, name: String, stateMachineArn: String, status: String, input: String, output: String?, error: String?,
        cause: String?, startDate: Date, stopDate: Date?, parentArn: String?
    ) {
        self.arn = arn
        self.name = name
        self.stateMachineArn = stateMachineArn
        self.status = status
        self.input = input
        self.output = output
        self.error = error
        self.cause = cause
        self.startDate = startDate
        self.stopDate = stopDate
        self.parentArn = parentArn
    }
}

/// A stored state machine as nested executions start it.
package struct StoredStateMachine: Sendable, Equatable {
    package var name: String
    package var arn: String
    package var definition: String
    package var roleArn: String
    package var revisionId: String

    package init(name: String, arn: String, definition: String, roleArn: String, revisionId: String) {
        self.name = name
        self.arn = arn
        self.definition = definition
        self.roleArn = roleArn
        self.revisionId = revisionId
    }
}
