import Foundation
import JSON

/// How an execution ended: status, output or error and cause, and its dates (DescribeExecution's fields).
public struct ExecutionResult: Sendable {
    public let status: ExecutionStatus
    public let output: JSON?
    public let error: String?
    public let cause: String?
    public let startDate: Date
    public let stopDate: Date?
}
