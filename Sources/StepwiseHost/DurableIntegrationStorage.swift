import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import StepwiseStore

/// The integrations' storage (`IntegrationStorage`) over a durable runtime: activities and callbacks in its
/// store's tables, nested executions started and recorded by it. The one place integrations meet the store.
package struct DurableIntegrationStorage: IntegrationStorage {
    package let durable: DurableRuntime

    package init(_ durable: DurableRuntime) { self.durable = durable }

    package func createActivity(_ activity: ActivityRecord) async throws -> ActivityRecord { try await durable.store.createActivity(activity) }

    package func activity(arn: String) async throws -> ActivityRecord? { try await durable.store.activity(arn: arn) }

    package func activities() async throws -> [ActivityRecord] { try await durable.store.activities() }

    @discardableResult
    package func deleteActivity(arn: String) async throws -> Bool { try await durable.store.deleteActivity(arn: arn) }

    package func execution(arn: String) async throws -> RecordedExecution? { try await durable.store.execution(arn: arn).map(Self.recorded) }

    package func execution(name: String, stateMachineArn: String) async throws -> RecordedExecution? {
        try await durable.store.execution(name: name, stateMachineArn: stateMachineArn).map(Self.recorded)
    }

    package func stepInputs(arn: String) async throws -> [String] { try await durable.store.stepLog(arn: arn).map(\.input) }

    package func stateMachine(arn: String) async throws -> StoredStateMachine? {
        try await durable.store.stateMachine(arn: arn).map {
            StoredStateMachine(name: $0.name, arn: $0.arn, definition: $0.definition, roleArn: $0.roleArn, revisionId: $0.revisionId)
        }
    }

    package func start(
        _ machine: StateMachine, definition: String, input: JSON, name: String, stateMachineArn: String, roleArn: String,
        revisionId: String, parentArn: String, clock: ClockKind
    ) async throws -> Execution {
        do {
            return try await durable.start(
                machine, definition: definition, input: input, name: name, stateMachineArn: stateMachineArn, roleArn: roleArn,
                revisionId: revisionId, parentArn: parentArn, clock: clock)
        } catch let error as StoreError where error.kind == .alreadyExists {
            throw IntegrationStorageError.alreadyExists
        }
    }

    package func liveExecution(arn: String) -> Execution? { durable.execution(arn: arn) }

    package func sync() async { await durable.sync() }

    package func saveCallback(token: String, executionArn: String, outcome: String) async throws -> Bool {
        try await durable.store.saveCallback(token: token, executionArn: executionArn, outcome: outcome)
    }

    package func callback(token: String) async throws -> String? { try await durable.store.callback(token: token) }

    static func recorded(_ record: ExecutionRecord) -> RecordedExecution {
        RecordedExecution(
            arn: record.arn, name: record.name, stateMachineArn: record.stateMachineArn, status: record.status.rawValue, input: record.input,
            output: record.output, error: record.error, cause: record.cause, startDate: record.startDate, stopDate: record.stopDate,
            parentArn: record.parentArn)
    }
}

extension CallbackIntegrations {
    /// Durable integrations: callbacks and activities in the durable runtime's store, and nested executions.
    package convenience init(durable: DurableRuntime, activityPollTimeout: Duration = defaultPollTimeout) {
        self.init(runtime: durable.runtime, storage: DurableIntegrationStorage(durable), activityPollTimeout: activityPollTimeout)
    }
}
