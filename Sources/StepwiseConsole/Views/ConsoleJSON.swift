import Foundation
import JSON
import Stepwise
import StepwiseStore

/// How the endpoints write what they read: plain JSON objects for the page script, dates as epoch seconds,
/// payloads (input, output) as the JSON text the execution holds (the page pretty-prints it).
enum ConsoleJSON {
    static func date(_ date: Date?) -> JSON {
        date.map { .double($0.timeIntervalSince1970) } ?? .null
    }

    /// The name at the end of a state machine's ARN (`…:stateMachine:NAME`), or of an execution's machine
    /// (`…:execution:MACHINE:NAME`).
    static func machineName(_ arn: String) -> String {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 7 else { return arn }
        return String(parts[6])
    }

    static func summary(_ execution: ExecutionSummary) -> JSON {
        [
            "arn": .string(execution.arn), "name": .string(execution.name), "stateMachineArn": .string(execution.stateMachineArn),
            "stateMachineName": .string(machineName(execution.stateMachineArn)), "status": .string(execution.status.rawValue),
            "startDate": date(execution.startDate), "stopDate": date(execution.stopDate),
        ]
    }

    static func execution(_ record: ExecutionRecord) -> JSONObject {
        [
            "arn": .string(record.arn), "name": .string(record.name), "stateMachineArn": .string(record.stateMachineArn),
            "stateMachineName": .string(machineName(record.stateMachineArn)), "status": .string(record.status.rawValue),
            "startDate": date(record.startDate), "stopDate": date(record.stopDate), "input": .string(record.input),
            "output": record.output.map(JSON.string) ?? .null, "error": record.error.map(JSON.string) ?? .null,
            "cause": record.cause.map(JSON.string) ?? .null, "eventCount": .int(record.eventCount),
            "mapRunArn": record.mapRunArn.map(JSON.string) ?? .null, "parentArn": record.parentArn.map(JSON.string) ?? .null,
        ]
    }

    static func mapRun(_ run: MapRunRecord) -> JSON {
        [
            "arn": .string(run.arn), "status": .string(run.status.rawValue), "startDate": date(run.startDate), "stopDate": date(run.stopDate),
            "maxConcurrency": .int(run.maxConcurrency), "itemCounts": run.itemCounts.json, "executionCounts": run.executionCounts.json,
        ]
    }

    static func job(_ job: JobRecord) -> JSON {
        [
            "id": .string(job.id), "workflow": .string(job.workflow), "status": .string(job.status.rawValue),
            "createdDate": date(job.createdDate), "startDate": date(job.startDate), "stopDate": date(job.stopDate),
            "executionArn": job.executionArn.map(JSON.string) ?? .null, "error": job.error.map(JSON.string) ?? .null,
            "cause": job.cause.map(JSON.string) ?? .null,
        ]
    }

    /// A history event as the event table shows it: the state it belongs to, and its details member alone.
    static func event(_ row: EventRow, state: String?) -> JSON {
        [
            "id": .int(row.id), "type": .string(row.type), "previousEventId": .int(row.previousEventId), "timestamp": .double(row.timestamp),
            "state": state.map(JSON.string) ?? .null, "details": details(of: row) ?? .null,
        ]
    }

    /// The value of the row's `…EventDetails` member.
    static func details(of row: EventRow) -> JSON? {
        guard let text = row.details, case .object(let members)? = try? JSON(parsing: text) else { return nil }
        return members.values.first
    }

    /// `{key: [items], nextToken}`.
    static func page(_ key: String, _ items: [JSON], _ nextToken: String?) -> JSON {
        var object: JSONObject = [key: .array(items)]
        object["nextToken"] = nextToken.map(JSON.string) ?? .null
        return .object(object)
    }
}
