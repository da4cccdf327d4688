import Foundation
import JSON

extension HistoryEvent {
    /// The event in GetExecutionHistory's shape: `{timestamp, type, id, previousEventId, <x>EventDetails}`,
    /// timestamps as epoch seconds, payloads as JSON text.
    public func json(includeExecutionData: Bool = true) -> JSON {
        var object: JSONObject = [
            "timestamp": .double(timestamp.timeIntervalSince1970), "type": .string(type.rawValue),
            "id": .int(id), "previousEventId": .int(previousEventId),
        ]
        if let details = detailsJSON(includeExecutionData: includeExecutionData) { object[detailsKey] = .object(details) }
        return .object(object)
    }

    /// `stateEnteredEventDetails`, `taskScheduledEventDetails`, …
    package var detailsKey: String {
        switch details {
        case .stateEntered: return "stateEnteredEventDetails"
        case .stateExited: return "stateExitedEventDetails"
        default: return type.detailsKey
        }
    }

    /// The members of the event's details object (under ``detailsKey``), or nil for an event without details.
    package func detailsJSON(includeExecutionData data: Bool) -> JSONObject? {
        var object = JSONObject()
        switch details {
        case .none: return nil
        case .executionStarted(let input, let roleArn):
            object.payload("input", input, data)
            object["roleArn"] = .string(roleArn)
        case .executionSucceeded(let output), .output(let output): object.payload("output", output, data)
        case .failure(let error, let cause): object.errorAndCause(error, cause)
        case .stateEntered(let name, let input):
            object["name"] = .string(name)
            object.payload("input", input, data)
        case .stateExited(let name, let output, let assigned):
            object["name"] = .string(name)
            object.payload("output", output, data)
            if let assigned, !assigned.isEmpty {  // an empty Assign records nothing (recorded AWS behaviour)
                object["assignedVariables"] = .object(JSONObject(assigned.map { ($0.0, .string($0.1.serialized())) }))
                object["assignedVariablesDetails"] = ["truncated": false]
            }
        case .taskScheduled(let resourceType, let resource, let region, let parameters, let timeout, let heartbeat):
            object = [
                "resourceType": .string(resourceType), "resource": .string(resource), "region": .string(region),
                "parameters": .string(parameters.serialized()),
            ]
            if let timeout { object["timeoutInSeconds"] = .int(timeout) }
            if let heartbeat { object["heartbeatInSeconds"] = .int(heartbeat) }
        case .task(let resourceType, let resource):
            object = ["resourceType": .string(resourceType), "resource": .string(resource)]
        case .taskOutput(let resourceType, let resource, let output):
            object = ["resourceType": .string(resourceType), "resource": .string(resource)]
            object.payload("output", output, data)
        case .taskFailure(let resourceType, let resource, let error, let cause):
            object = ["resourceType": .string(resourceType), "resource": .string(resource)]
            object.errorAndCause(error, cause)
        case .lambdaScheduled(let resource, let input, let timeout):
            object["resource"] = .string(resource)
            object.payload("input", input, data)
            if let timeout { object["timeoutInSeconds"] = .int(timeout) }
        case .activityScheduled(let resource, let input, let timeout, let heartbeat):
            object["resource"] = .string(resource)
            object.payload("input", input, data)
            if let timeout { object["timeoutInSeconds"] = .int(timeout) }
            if let heartbeat { object["heartbeatInSeconds"] = .int(heartbeat) }
        case .mapStarted(let length): object["length"] = .int(length)
        case .mapRun(let arn): object["mapRunArn"] = .string(arn)
        case .activityStarted(let worker): object["workerName"] = .string(worker)
        case .mapIteration(let name, let index): object = ["name": .string(name), "index": .int(index)]
        case .evaluationFailed(let error, let cause, let location, let state):
            object = ["error": .string(error), "cause": .string(cause)]
            if let location { object["location"] = .string(location) }  // AWS omits it when no field failed
            object["state"] = .string(state)
        case .executionRedriven(let count): object["redriveCount"] = .int(count)
        case .mapRunRedriven(let arn, let count): object = ["mapRunArn": .string(arn), "redriveCount": .int(count)]
        }
        return object
    }
}

extension JSONObject {
    /// A payload as AWS writes it: JSON text plus `<name>Details: {truncated: false}`.
    mutating func payload(_ name: String, _ value: JSON, _ include: Bool) {
        if include { self[name] = .string(value.serialized()) }
        self[name + "Details"] = ["truncated": false]
    }

    mutating func errorAndCause(_ error: String?, _ cause: String?) {
        if let error { self["error"] = .string(error) }
        if let cause { self["cause"] = .string(cause) }
    }
}
