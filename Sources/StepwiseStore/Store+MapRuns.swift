import Foundation
import JSON
import Stepwise
import StepwiseSQLite

extension Store {
    /// Queues one step like ``append(arn:step:events:)`` with what it changed in Map Runs and child executions:
    /// the group commit writes them in the step's transaction, so after a crash the store holds both or neither
    /// and a replay that regenerates them never has to write them again.
    package func append(arn: String, step: StepRow, events: [EventRow], mapRuns: MapRunRows) throws {
        try append(arn: arn, encoded: EncodedStep(step: step, rows: events), mapRuns: mapRuns)
    }

    /// Queues one encoded step (``append(arn:encoded:)``) with what it changed in Map Runs and child executions.
    func append(arn: String, encoded: EncodedStep, mapRuns: MapRunRows) throws {
        try append(arn: arn, encoded: encoded)
        guard let last = log.entries.indices.last, log.entries[last].arn == arn, log.entries[last].seq == encoded.seq else {
            return try commit { database in try database.writeMapRuns(mapRuns) }  // the step was committed at once (queue full)
        }
        log.entries[last].mapRuns = mapRuns
        log.rows += mapRuns.rowCount
        // A Map Run's row changes with nearly every step; the previous step's copy, committed in the same
        // transaction, would only be overwritten.
        if last > 0, log.entries[last - 1].arn == arn, var previous = log.entries[last - 1].mapRuns, !previous.runs.isEmpty {
            let superseded = Set(mapRuns.runs.map(\.arn))
            previous.runs.removeAll { superseded.contains($0.arn) }
            log.entries[last - 1].mapRuns = previous
        }
    }

    /// The Map Run with this ARN, or nil.
    package func mapRun(arn: String) throws -> MapRunRecord? {
        settle()
        return try database().rows("SELECT \(Self.mapRunColumns) FROM map_runs WHERE arn = ?", arn, row: Self.mapRun).first
    }

    /// A page of an execution's Map Runs, oldest first (ListMapRuns).
    ///
    /// - Throws: `.invalidToken` for a token not issued for this execution; `.invalidArgument` for `maxResults`.
    package func mapRuns(executionArn: String, maxResults: Int = 0, nextToken: String? = nil) throws -> Page<MapRunRecord> {
        let limit = try Self.pageSize(maxResults)
        let after = try Self.startKey(nextToken, listing: "mapRuns", scope: executionArn) ?? (-Double.infinity, "")
        settle()
        let runs = try database().rows(
            """
            SELECT \(Self.mapRunColumns) FROM map_runs WHERE execution_arn = ? AND (start_date, arn) > (?, ?)
            ORDER BY start_date, arn LIMIT ?
            """, executionArn, after.start, after.arn, limit + 1, row: Self.mapRun)
        return Self.page(runs, limit: limit, listing: "mapRuns", scope: executionArn) { ($0.startDate, $0.arn) }
    }

    /// A child execution of a Map Run, as an execution record (its definition is not stored: empty).
    package func mapRunExecution(arn: String) throws -> ExecutionRecord? {
        settle()
        return try database().rows(
            """
            SELECT arn, name, state_machine_arn, status, input, output, error, cause, start_date, stop_date, parent_arn, event_count,
                map_run_arn, redrive_count, redrive_date FROM map_run_executions WHERE arn = ?
            """, arn
        ) { row in
            var record = ExecutionRecord(
                arn: row.text(0), name: row.text(1), stateMachineArn: row.text(2), definition: "",
                status: .init(rawValue: row.text(3)) ?? .failed, input: row.text(4), output: row.optionalText(5), error: row.optionalText(6),
                cause: row.optionalText(7), startDate: Date(timeIntervalSince1970: row.double(8)),
                stopDate: row.optionalDouble(9).map(Date.init(timeIntervalSince1970:)), parentArn: row.text(10), eventCount: row.int(11),
                mapRunArn: row.text(12))
            record.redriveCount = row.int(13)
            record.redriveDate = row.optionalDouble(14).map(Date.init(timeIntervalSince1970:))
            return record
        }.first
    }

    /// A page of a Map Run's child executions, newest first (ListExecutions with mapRunArn), with the number of
    /// items each processes: its batch's `Items` (an ItemBatcher's `{"Items": […], "BatchInput": …}`), else 1.
    ///
    /// - Throws: `.invalidToken` for a token not issued for this query; `.invalidArgument` for `maxResults`.
    package func mapRunExecutions(
        mapRunArn: String, status: ExecutionRecord.Status? = nil, maxResults: Int = 0,
        nextToken: String? = nil, redriven: Bool? = nil
    ) throws -> Page<ExecutionSummary> {
        let limit = try Self.pageSize(maxResults)
        let scope = "\(mapRunArn)|\(status?.rawValue ?? "*")|\(redriven.map { $0 ? "redriven" : "not-redriven" } ?? "*")"
        let before = try Self.startKey(nextToken, listing: "mapRunExecutions", scope: scope) ?? (Double.infinity, "")
        settle()
        let rows = try database().rows(
            """
            SELECT arn, name, state_machine_arn, status, start_date, stop_date, parent_arn, map_run_arn, redrive_count, redrive_date,
            coalesce(json_array_length(input, '$.Items'), 1)
            FROM map_run_executions WHERE map_run_arn = ?1 AND (?2 IS NULL OR status = ?2) AND (start_date, arn) < (?3, ?4)
                AND (?6 IS NULL OR (redrive_count > 0) = ?6) ORDER BY start_date DESC, arn DESC LIMIT ?5
            """, mapRunArn, status?.rawValue, before.start, before.arn, limit + 1, redriven
        ) { row in
            ExecutionSummary(
                arn: row.text(0), name: row.text(1), stateMachineArn: row.text(2), status: .init(rawValue: row.text(3)) ?? .failed,
                startDate: Date(timeIntervalSince1970: row.double(4)), stopDate: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:)),
                parentArn: row.text(6), mapRunArn: row.text(7), itemCount: row.int(10), redriveCount: row.int(8),
                redriveDate: row.optionalDouble(9).map(Date.init(timeIntervalSince1970:)))
        }
        return Self.page(rows, limit: limit, listing: "mapRunExecutions", scope: scope) { ($0.startDate, $0.arn) }
    }

    /// The (start date, ARN) a page token continues after, or nil without a token.
    static func startKey(_ token: String?, listing: String, scope: String) throws -> (start: Double, arn: String)? {
        guard let token else { return nil }
        let key = try PageToken(decoding: token, listing: listing, scope: scope, keyCount: 2).key
        guard let start = key[0].doubleValue, let arn = key[1].stringValue else { throw StoreError(.invalidToken, "Invalid Token: 'Invalid token'") }
        return (start, arn)
    }

    /// The first `limit` of `rows` (fetched one over the limit), with a token after the last when there are more.
    static func page<T>(_ rows: [T], limit: Int, listing: String, scope: String, key: (T) -> (Date, String)) -> Page<T> {
        guard rows.count > limit, let last = rows.prefix(limit).last else { return Page(items: rows, nextToken: nil) }
        let (start, arn) = key(last)
        let token = PageToken(listing: listing, scope: scope, key: [.double(start.timeIntervalSince1970), .string(arn)])
        return Page(items: Array(rows.prefix(limit)), nextToken: token.encoded())
    }

    static let mapRunColumns = """
        arn, execution_arn, state_machine_arn, status, start_date, stop_date, max_concurrency, tolerated_failure_percentage, \
        tolerated_failure_count, item_counts, execution_counts, redrive_count, redrive_date
        """

    static func mapRun(_ row: SQLiteStatement) throws -> MapRunRecord {
        var record = MapRunRecord(
            arn: row.text(0), executionArn: row.text(1), stateMachineArn: row.text(2), startDate: Date(timeIntervalSince1970: row.double(4)),
            stopDate: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:)), status: .init(rawValue: row.text(3)) ?? .failed,
            maxConcurrency: row.int(6), toleratedFailurePercentage: row.double(7), toleratedFailureCount: row.int(8),
            itemCounts: MapRunRecord.Counts(json: try JSON(parsing: row.text(9))),
            executionCounts: MapRunRecord.Counts(json: try JSON(parsing: row.text(10))))
        record.redriveCount = row.int(11)
        record.redriveDate = row.optionalDouble(12).map(Date.init(timeIntervalSince1970:))
        return record
    }
}
