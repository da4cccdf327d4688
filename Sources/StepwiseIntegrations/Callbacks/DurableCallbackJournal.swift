import Foundation
import JSON
import Stepwise

/// The callback journal of durable storage: callbacks kept by the storage (the store's `task_callbacks` table),
/// task status from the execution's record and step log.
package struct DurableCallbackJournal: CallbackJournal {
    package let storage: any IntegrationStorage

    package init(storage: any IntegrationStorage) { self.storage = storage }

    package func status(of token: String) async -> TokenStatus {
        guard let parsed = TaskToken(token), let record = try? await storage.execution(arn: parsed.executionArn) else { return .unknown }
        guard record.status == ExecutionStatus.running.rawValue else { return .closed }
        guard let steps = try? await storage.stepInputs(arn: parsed.executionArn) else { return .unknown }
        for step in steps {
            guard let input = try? JSON(parsing: step), input["task"]?.intValue == parsed.taskId else { continue }
            if let kind = input["kind"]?.stringValue, kind == "taskSucceeded" || kind == "taskFailed" { return .closed }
        }
        return .open
    }

    package func save(_ token: String, _ outcome: CallbackOutcome) async throws -> Bool {
        guard let parsed = TaskToken(token) else { return false }
        return try await storage.saveCallback(token: token, executionArn: parsed.executionArn, outcome: outcome.json.serialized())
    }

    package func outcome(of token: String) async -> CallbackOutcome? {
        guard let text = try? await storage.callback(token: token), let json = try? JSON(parsing: text) else { return nil }
        return CallbackOutcome(json: json)
    }
}
