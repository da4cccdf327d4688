import Foundation
import Stepwise
import StepwiseStore

/// What StartExecution and StartSyncExecution ask for.
package struct StartExecutionInput: Sendable {
    /// The state machine's ARN; `arn#TestCaseName` runs a test case of the mock config file.
    package var stateMachineArn: String
    package var name: String?
    /// JSON text (nil means `{}`).
    package var input: String?
    /// The X-Ray trace header, kept with a recorded execution (DescribeExecution answers it).
    package var traceHeader: String?

    package init(stateMachineArn: String, name: String? = nil, input: String? = nil) {
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.input = input
    }
}

/// How a synchronous Express execution ended (StartSyncExecution's answer).
package struct StartSyncExecutionOutput: Sendable {
    package var info: ExecutionInfo
    package var result: ExecutionResult
    /// When it stopped (the time of the answer, should the result carry no date).
    package var stopDate: Date

    /// What AWS bills: the duration rounded up to the next 100 ms, at least 100 ms.
    package var billedDurationInMilliseconds: Int {
        max(100, Int((stopDate.timeIntervalSince(info.startTime) * 10).rounded(.up)) * 100)
    }
}

/// What StopExecution asks for.
package struct StopExecutionInput: Sendable {
    package var executionArn: String
    package var error: String?
    package var cause: String?

    package init(executionArn: String, error: String? = nil, cause: String? = nil) {
        self.executionArn = executionArn
        self.error = error
        self.cause = cause
    }
}

/// What DescribeExecution asks for.
package struct DescribeExecutionInput: Sendable {
    package var executionArn: String

    package init(executionArn: String) { self.executionArn = executionArn }
}

/// DescribeExecution's answer: the stored execution (its `redriveCount` and `redriveDate` with it) and whether it
/// can be redriven now: `redriveStatus` REDRIVABLE, NOT_REDRIVABLE (with `redriveStatusReason`) or, for a Map
/// Run's child, REDRIVABLE_BY_MAP_RUN.
package struct DescribeExecutionOutput: Sendable {
    package var execution: ExecutionRecord
    package var redriveStatus: (status: String, reason: String?)
}

/// What ListExecutions asks for: the executions of a state machine or the child executions of a Map Run.
package struct ListExecutionsInput: Sendable {
    /// Which executions the redrive filter keeps.
    package enum RedriveFilter: String, Sendable, CaseIterable {
        case redriven = "REDRIVEN"
        case notRedriven = "NOT_REDRIVEN"
    }

    package var stateMachineArn: String?
    package var mapRunArn: String?
    package var statusFilter: ExecutionRecord.Status?
    package var redriveFilter: RedriveFilter?
    package var page: PageRequest

    package init(
        stateMachineArn: String? = nil, mapRunArn: String? = nil, statusFilter: ExecutionRecord.Status? = nil,
        redriveFilter: RedriveFilter? = nil, page: PageRequest = PageRequest()
    ) {
        self.stateMachineArn = stateMachineArn
        self.mapRunArn = mapRunArn
        self.statusFilter = statusFilter
        self.redriveFilter = redriveFilter
        self.page = page
    }
}

/// What GetExecutionHistory asks for.
package struct GetExecutionHistoryInput: Sendable {
    package var executionArn: String
    package var reverseOrder: Bool
    package var page: PageRequest

    package init(executionArn: String, reverseOrder: Bool = false, page: PageRequest = PageRequest()) {
        self.executionArn = executionArn
        self.reverseOrder = reverseOrder
        self.page = page
    }
}

/// What RedriveExecution asks for.
package struct RedriveExecutionInput: Sendable {
    package var executionArn: String
    /// Idempotency: a redrive repeated with the token of the execution's last redrive, within 15 minutes of it,
    /// answers that redrive's date and redrives nothing.
    package var clientToken: String?

    package init(executionArn: String, clientToken: String? = nil) {
        self.executionArn = executionArn
        self.clientToken = clientToken
    }
}
