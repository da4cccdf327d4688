import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::events:putEvents` (optimized): the entries are recorded in the ``Outbox`` (service `events`)
/// by ``Outbox/putEvents(_:sdk:context:)``, which `aws-sdk:eventbridge:putEvents` shares. Rules never fire locally.
package struct EventsService: LocalService {
    package let name = "events"
    let outbox: Outbox

    package init(outbox: Outbox) { self.outbox = outbox }

    package func supports(_ action: String, sdk: Bool) -> Bool { !sdk && action == "putEvents" }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        try outbox.putEvents(input, sdk: false, context: context)
    }
}

extension Outbox {
    /// PutEvents: 1 to 10 entries, each recorded with its own EventId, or answered with an ErrorCode when it lacks
    /// Source, DetailType or Detail (or Detail is not a JSON object). The optimized integration takes Detail as
    /// JSON, appends the execution's and the state machine's ARNs to each entry's Resources, and fails the Task with `EventBridge.FailedEntry` when an entry failed, as Step Functions does; the SDK
    /// integration answers the failures in `Entries` and `FailedEntryCount`.
    func putEvents(_ input: JSON, sdk: Bool, context: TaskContext?) throws -> JSON {
        let request = ServiceRequest(input: input, validationError: "EventBridge.ValidationException")
        let entries = try request.array("Entries") ?? []
        guard (1...10).contains(entries.count) else {
            let bound = entries.isEmpty ? "greater than or equal to 1" : "less than or equal to 10"
            throw request.invalid(
                "1 validation error detected: Value '\(JSON.array(entries).serialized())' at 'entries' failed to satisfy constraint: "
                    + "Member must have length \(bound)")
        }
        var results: [JSON] = []
        for entry in entries {
            var entry = entry.objectValue ?? JSONObject()
            if !sdk, let detail = entry["Detail"], detail.stringValue == nil, !detail.isNull { entry["Detail"] = .string(detail.serialized()) }
            if !sdk, let context {
                let machine = context.contextObject["StateMachine"]?["Id"]?.stringValue
                entry["Resources"] = .array(
                    (entry["Resources"]?.arrayValue ?? []) + [context.executionArn, machine].compactMap { $0.map(JSON.string) })
            }
            if let missing = ["Source", "DetailType", "Detail"].first(where: { (entry[$0]?.stringValue ?? "").isEmpty }) {
                results.append([
                    "ErrorCode": "InvalidArgument",
                    "ErrorMessage": .string("Parameter \(missing) is not valid. Reason: \(missing) is a required argument."),
                ])
            } else if (try? JSON(parsing: entry["Detail"]?.stringValue ?? ""))?.objectValue == nil {
                results.append(["ErrorCode": "MalformedDetail", "ErrorMessage": "Detail is malformed."])
            } else {
                results.append(["EventId": .string(try record("events", "putEvents", request: .object(entry), context: context))])
            }
        }
        let failed = results.filter { $0["ErrorCode"] != nil }.count
        if !sdk, failed > 0 {
            throw StatesError("EventBridge.FailedEntry", "\(failed) of \(entries.count) entries failed: \(JSON.array(results).serialized())")
        }
        return ["Entries": .array(results), "FailedEntryCount": .int(failed)]
    }
}
