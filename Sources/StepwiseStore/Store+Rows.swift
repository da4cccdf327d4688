import Foundation
import JSON
import StepwiseSQLite

extension Store {
    static let stateMachineColumns =
        "name, arn, definition, type, role_arn, revision_id, created_date, updated_date, status, tags, configuration"

    static func stateMachine(_ row: SQLiteStatement) -> StateMachineRecord {
        var machine = StateMachineRecord(
            name: row.text(0), arn: row.text(1), definition: row.text(2), type: .init(rawValue: row.text(3)) ?? .standard,
            roleArn: row.text(4), revisionId: row.text(5), creationDate: Date(timeIntervalSince1970: row.double(6)),
            updateDate: row.optionalDouble(7).map(Date.init(timeIntervalSince1970:)),
            status: .init(rawValue: row.text(8)) ?? .active, tags: tags(fromJSON: row.text(9)))
        machine.configuration = configuration(fromJSON: row.text(10))
        return machine
    }

    /// A stored configuration column (`{}` when unreadable, which reads as AWS's defaults).
    static func configuration(fromJSON text: String) -> JSONObject {
        (try? JSON(parsing: text))?.objectValue ?? [:]
    }

    static let executionColumns = """
        arn, name, state_machine_arn, revision_id, definition, status, input, output, error, cause, start_date, \
        stop_date, parent_arn, seed, virtual_time, event_count, version_arn, alias_arn, trace_header, redrive_count, redrive_date
        """

    static func execution(_ row: SQLiteStatement) -> ExecutionRecord {
        var record = ExecutionRecord(
            arn: row.text(0), name: row.text(1), stateMachineArn: row.text(2), revisionId: row.optionalText(3),
            definition: row.text(4), status: .init(rawValue: row.text(5)) ?? .failed, input: row.text(6),
            output: row.optionalText(7), error: row.optionalText(8), cause: row.optionalText(9),
            startDate: Date(timeIntervalSince1970: row.double(10)),
            stopDate: row.optionalDouble(11).map(Date.init(timeIntervalSince1970:)), parentArn: row.optionalText(12),
            seed: Int64(row.int(13)), virtualTime: row.int(14) != 0, eventCount: row.int(15))
        record.stateMachineVersionArn = row.optionalText(16)
        record.stateMachineAliasArn = row.optionalText(17)
        record.traceHeader = row.optionalText(18)
        record.redriveCount = row.int(19)
        record.redriveDate = row.optionalDouble(20).map(Date.init(timeIntervalSince1970:))
        return record
    }

    static let summaryColumns =
        "arn, name, state_machine_arn, status, start_date, stop_date, parent_arn, version_arn, alias_arn, redrive_count, redrive_date"

    static func summary(_ row: SQLiteStatement) -> ExecutionSummary {
        ExecutionSummary(
            arn: row.text(0), name: row.text(1), stateMachineArn: row.text(2),
            status: .init(rawValue: row.text(3)) ?? .failed, startDate: Date(timeIntervalSince1970: row.double(4)),
            stopDate: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:)), parentArn: row.optionalText(6),
            stateMachineVersionArn: row.optionalText(7), stateMachineAliasArn: row.optionalText(8), redriveCount: row.int(9),
            redriveDate: row.optionalDouble(10).map(Date.init(timeIntervalSince1970:)))
    }

    static func event(_ row: SQLiteStatement) -> EventRow {
        EventRow(
            id: row.int(0), type: row.text(1), timestamp: row.double(2), previousEventId: row.int(3),
            details: row.optionalText(4))
    }
}

extension JSONObject {
    /// This object with `changes`' members set over its own.
    package func merging(_ changes: JSONObject) -> JSONObject {
        var merged = self
        for (key, value) in changes { merged[key] = value }
        return merged
    }
}
