import Foundation
import JSON
import StepwiseSQLite

extension Store {
    /// Which executions a listing keeps: a state machine's, or those started through one of its versions or aliases.
    package enum ExecutionOrigin: Sendable {
        case stateMachine(String)
        case version(String)
        case alias(String)

        /// The column that holds the ARN, and the ARN.
        var condition: (column: String, arn: String) {
            switch self {
            case .stateMachine(let arn): ("state_machine_arn", arn)
            case .version(let arn): ("version_arn", arn)
            case .alias(let arn): ("alias_arn", arn)
            }
        }
    }

    /// Executions newest first (by start date, then ARN), optionally of one state machine, one status and names
    /// starting with a prefix.
    ///
    /// Every filter is answered from an index and the page is LIMITed, so a page costs about the same with 100 or
    /// 100,000 executions stored: newest first by `executions_by_start`, `executions_by_status`,
    /// `executions_by_machine` or `executions_by_machine_status`; a name prefix is a range of
    /// `executions_by_bare_name` or `executions_by_name` (the matching rows are then sorted by date).
    ///
    /// - Parameters: maxResults: 0–1000, 0 meaning 100; nextToken: from the previous page of the same query.
    /// - Throws: `.invalidToken` for a token not issued for this query; `.invalidArgument` for `maxResults`.
    package func listExecutions(
        stateMachineArn: String? = nil, status: ExecutionRecord.Status? = nil, namePrefix: String? = nil,
        maxResults: Int = 0, nextToken: String? = nil
    ) throws -> Page<ExecutionSummary> {
        try listExecutions(
            origin: stateMachineArn.map(ExecutionOrigin.stateMachine), status: status, namePrefix: namePrefix, maxResults: maxResults,
            nextToken: nextToken)
    }

    /// Executions newest first, optionally of one origin (a state machine, a version or an alias), one status and
    /// names starting with a prefix.
    /// `redriven` keeps only the executions redriven at least once (true) or never (false): ListExecutions'
    /// `redriveFilter`, applied to the rows the index yields.
    package func listExecutions(
        origin: ExecutionOrigin?, status: ExecutionRecord.Status? = nil, namePrefix: String? = nil, maxResults: Int = 0,
        nextToken: String? = nil, redriven: Bool? = nil
    ) throws -> Page<ExecutionSummary> {
        let limit = try Self.pageSize(maxResults)
        let prefix = namePrefix.flatMap { $0.isEmpty ? nil : $0 }
        // A version's or an alias's ARN never equals a state machine's, so the ARN alone scopes the token.
        var scope = "\(origin?.condition.arn ?? "*")|\(status?.rawValue ?? "*")"
        if let prefix { scope += "|\(prefix)" }
        if let redriven { scope += redriven ? "|redriven" : "|not-redriven" }
        var after: (start: Double, arn: String)?
        if let nextToken {
            let key = try PageToken(decoding: nextToken, listing: "executions", scope: scope, keyCount: 2).key
            guard let bits = key[0].intValue, let arn = key[1].stringValue else {
                throw StoreError(.invalidToken, "Invalid Token: 'Invalid token'")
            }
            after = (Double(bitPattern: UInt64(bitPattern: Int64(bits))), arn)
        }
        var (sql, values) = Self.executionsQuery(origin: origin, status: status, namePrefix: prefix, after: after, redriven: redriven)
        values.append(limit + 1)
        settle()
        let rows = try database().statement(sql).rows(values, Self.summary)
        guard rows.count > limit else { return Page(items: rows, nextToken: nil) }
        let last = rows[limit - 1]
        let bits = Int(Int64(bitPattern: last.startDate.timeIntervalSince1970.bitPattern))
        let token = PageToken(listing: "executions", scope: scope, key: [.int(bits), .string(last.arn)])
        return Page(items: Array(rows.prefix(limit)), nextToken: token.encoded())
    }

    /// The SELECT of a listing and its values, but the LIMIT's, which is the last parameter.
    static func executionsQuery(
        stateMachineArn: String?, status: ExecutionRecord.Status?, namePrefix: String?, after: (start: Double, arn: String)?
    ) -> (sql: String, values: [(any SQLBindable)?]) {
        executionsQuery(origin: stateMachineArn.map(ExecutionOrigin.stateMachine), status: status, namePrefix: namePrefix, after: after)
    }

    static func executionsQuery(
        origin: ExecutionOrigin?, status: ExecutionRecord.Status?, namePrefix: String?, after: (start: Double, arn: String)?,
        redriven: Bool? = nil
    ) -> (sql: String, values: [(any SQLBindable)?]) {
        var conditions: [String] = []
        if let redriven { conditions.append(redriven ? "redrive_count > 0" : "redrive_count = 0") }
        var values: [(any SQLBindable)?] = []
        if let (column, arn) = origin?.condition {
            conditions.append("\(column) = ?")
            values.append(arn)
        }
        if let status {
            conditions.append("status = ?")
            values.append(status.rawValue)
        }
        if let namePrefix {
            // A range of a name index: every name that starts with the prefix sorts between it and the prefix
            // followed by the greatest code point.
            conditions.append("name >= ? AND name < ?")
            values += [namePrefix, namePrefix + "\u{10FFFF}"]
        }
        if let after {
            conditions.append("(start_date, arn) < (?, ?)")
            values += [after.start, after.arn]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return ("SELECT \(summaryColumns) FROM executions \(filter) ORDER BY start_date DESC, arn DESC LIMIT ?", values)
    }

    /// How many executions of a state machine are stored, by status (statuses with none are absent); counted
    /// from `executions_by_machine_status` alone.
    package func executionCounts(stateMachineArn: String) throws -> [ExecutionRecord.Status: Int] {
        settle()
        let rows = try database().rows(Self.executionCountsQuery, stateMachineArn) { ($0.text(0), $0.int(1)) }
        var counts: [ExecutionRecord.Status: Int] = [:]
        for (status, count) in rows { counts[ExecutionRecord.Status(rawValue: status) ?? .failed, default: 0] += count }
        return counts
    }

    static let executionCountsQuery = "SELECT status, count(*) FROM executions WHERE state_machine_arn = ? GROUP BY status"
}
