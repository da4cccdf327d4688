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

    /// Executions newest first (by start date, then ARN), optionally of one state machine and one status.
    ///
    /// - Parameters: maxResults: 0–1000, 0 meaning 100; nextToken: from the previous page of the same query.
    /// - Throws: `.invalidToken` for a token not issued for this query; `.invalidArgument` for `maxResults`.
    public func listExecutions(
        stateMachineArn: String? = nil, status: ExecutionRecord.Status? = nil,
        maxResults: Int = 0, nextToken: String? = nil
    ) throws -> Page<ExecutionSummary> {
        try listExecutions(origin: stateMachineArn.map(ExecutionOrigin.stateMachine), status: status, maxResults: maxResults, nextToken: nextToken)
    }

    /// Executions newest first, optionally of one origin (a state machine, a version or an alias) and one status.
    package func listExecutions(
        origin: ExecutionOrigin?, status: ExecutionRecord.Status? = nil, maxResults: Int = 0, nextToken: String? = nil
    ) throws -> Page<ExecutionSummary> {
        let limit = try Self.pageSize(maxResults)
        // A version's or an alias's ARN never equals a state machine's, so the ARN alone scopes the token.
        let scope = "\(origin?.condition.arn ?? "*")|\(status?.rawValue ?? "*")"
        var conditions: [String] = []
        var values: [(any SQLBindable)?] = []
        if let (column, arn) = origin?.condition {
            conditions.append("\(column) = ?")
            values.append(arn)
        }
        if let status {
            conditions.append("status = ?")
            values.append(status.rawValue)
        }
        if let nextToken {
            let key = try PageToken(decoding: nextToken, listing: "executions", scope: scope, keyCount: 2).key
            guard let bits = key[0].intValue, let arn = key[1].stringValue else {
                throw StoreError(.invalidToken, "Invalid Token: 'Invalid token'")
            }
            conditions.append("(start_date, arn) < (?, ?)")
            values += [Double(bitPattern: UInt64(bitPattern: Int64(bits))), arn]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(Self.summaryColumns) FROM executions \(filter) ORDER BY start_date DESC, arn DESC LIMIT ?"
        values.append(limit + 1)
        settle()
        let rows = try database().statement(sql).rows(values, Self.summary)
        guard rows.count > limit else { return Page(items: rows, nextToken: nil) }
        let last = rows[limit - 1]
        let bits = Int(Int64(bitPattern: last.startDate.timeIntervalSince1970.bitPattern))
        let token = PageToken(listing: "executions", scope: scope, key: [.int(bits), .string(last.arn)])
        return Page(items: Array(rows.prefix(limit)), nextToken: token.encoded())
    }
}
