import Foundation
import JSON
import StepwiseSQLite

extension Store {
    /// Executions newest first (by start date, then ARN), optionally of one state machine and one status.
    ///
    /// - Parameters: maxResults: 0–1000, 0 meaning 100; nextToken: from the previous page of the same query.
    /// - Throws: `.invalidToken` for a token not issued for this query; `.invalidArgument` for `maxResults`.
    public func listExecutions(
        stateMachineArn: String? = nil, status: ExecutionRecord.Status? = nil,
        maxResults: Int = 0, nextToken: String? = nil
    ) throws -> Page<ExecutionSummary> {
        let limit = try Self.pageSize(maxResults)
        let scope = "\(stateMachineArn ?? "*")|\(status?.rawValue ?? "*")"
        var conditions: [String] = []
        var values: [(any SQLBindable)?] = []
        if let stateMachineArn {
            conditions.append("state_machine_arn = ?")
            values.append(stateMachineArn)
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
