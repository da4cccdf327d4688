import Foundation
import JSON
import Stepwise
import StepwiseStore

/// The callback journal of a durable runtime: callbacks in the store's `task_callbacks` table, task status from
/// the execution's record and step log.
package struct StoreCallbackJournal: CallbackJournal {
    package let store: Store

    package init(store: Store) { self.store = store }

    package func status(of token: String) async -> TokenStatus {
        guard let parsed = TaskToken(token), let record = try? await store.execution(arn: parsed.executionArn) else { return .unknown }
        guard record.status == .running else { return .closed }
        guard let steps = try? await store.stepLog(arn: parsed.executionArn) else { return .unknown }
        for step in steps {
            guard let input = try? JSON(parsing: step.input), input["task"]?.intValue == parsed.taskId else { continue }
            if let kind = input["kind"]?.stringValue, kind == "taskSucceeded" || kind == "taskFailed" { return .closed }
        }
        return .open
    }

    package func save(_ token: String, _ outcome: CallbackOutcome) async throws -> Bool {
        guard let parsed = TaskToken(token) else { return false }
        return try await store.saveCallback(token: token, executionArn: parsed.executionArn, outcome: outcome.json.serialized())
    }

    package func outcome(of token: String) async -> CallbackOutcome? {
        guard let text = try? await store.callback(token: token), let json = try? JSON(parsing: text) else { return nil }
        return CallbackOutcome(json: json)
    }
}
