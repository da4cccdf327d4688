import Foundation
import Stepwise
import StepwiseStore

extension StepFunctionsService {
    /// How long after it stopped an execution can be redriven, and how long it can have been open (AWS's quotas).
    static let redrivablePeriod: TimeInterval = 14 * 86_400
    static let maxExecutionTime: TimeInterval = 365 * 86_400
    /// A redrive appends ExecutionRedriven and at least one more event: the history must have room for both.
    static let maxRedrivableEvents = 24_999
    /// How long a client token answers for the redrive it was given with.
    static let clientTokenLifetime: TimeInterval = 15 * 60

    /// RedriveExecution: carries a FAILED, TIMED_OUT or ABORTED STANDARD execution on from the states that did not
    /// succeed (``DurableRuntime/redrive(arn:clientToken:at:)``); answers its redrive date.
    ///
    /// - Throws: InvalidArn, ExecutionDoesNotExist, ExecutionNotRedrivable (with the reason DescribeExecution
    ///   gives as `redriveStatusReason`; a Distributed Map's child, which only its Map Run redrives; an execution
    ///   of an EXPRESS state machine).
    /// `anyType` lets an execution of an EXPRESS state machine that was recorded (a job's) be redriven too.
    package func redriveExecution(_ input: RedriveExecutionInput, anyType: Bool = false) async throws -> Date {
        let arn = input.executionArn
        _ = try ResourceARN.execution(arn)
        await durable.sync()
        guard let record = try await store.execution(arn: arn) else {
            if try await store.mapRunExecution(arn: arn) != nil {
                throw StepFunctionsError.notRedrivable("Execution can only be redriven by redriving the execution that runs its Map Run")
            }
            throw StepFunctionsError.executionDoesNotExist(arn)
        }
        if let token = input.clientToken, let date = record.redriveDate, Date().timeIntervalSince(date) < Self.clientTokenLifetime,
            try await store.redriveToken(arn: arn) == token
        {
            return date
        }
        let reason =
            anyType
            ? Self.redriveRefusal(record, machine: try await store.stateMachine(arn: record.stateMachineArn), now: Date())
            : try await Self.redriveRefusal(record, in: store)
        if let reason { throw StepFunctionsError.notRedrivable(reason) }
        return try await storeCall(notFound: .executionDoesNotExist(arn)) {
            try await durable.redrive(arn: arn, clientToken: input.clientToken).redriveDate
        }
    }

    /// Why a stored execution cannot be redriven now (ExecutionNotRedrivable's message), or nil when it can: as
    /// ``redriveRefusal(_:machine:now:)``, and an execution of an EXPRESS state machine (a job's) never can.
    package static func redriveRefusal(_ record: ExecutionRecord, in store: Store) async throws -> String? {
        let machine = try await store.stateMachine(arn: record.stateMachineArn)
        if machine?.type == .express { return "Execution of an EXPRESS state machine cannot be redriven" }
        return redriveRefusal(record, machine: machine, now: Date())
    }

    /// Why a stored STANDARD execution cannot be redriven now, in AWS's words (`redriveStatusReason`), or nil
    /// when it can.
    static func redriveRefusal(_ record: ExecutionRecord, machine: StateMachineRecord?, now: Date) -> String? {
        if machine?.status == .deleting { return "State machine is in DELETING status" }
        switch record.status {
        case .running, .pendingRedrive, .succeeded: return "Execution is \(record.status.rawValue) and cannot be redriven"
        case .failed, .timedOut, .aborted: break
        }
        if now.timeIntervalSince(record.startDate) > maxExecutionTime { return "Execution has exceeded the max execution time" }
        if let stop = record.stopDate, now.timeIntervalSince(stop) > redrivablePeriod { return "Execution redrivable period exceeded" }
        if record.eventCount >= maxRedrivableEvents { return "Execution history event limit exceeded" }
        return nil
    }

    /// DescribeExecution's `redriveStatus` and `redriveStatusReason` for a stored execution.
    func redriveStatus(of record: ExecutionRecord) async throws -> (status: String, reason: String?) {
        if record.mapRunArn != nil {
            switch record.status {
            case .running, .succeeded: return ("NOT_REDRIVABLE", "Execution is \(record.status.rawValue) and cannot be redriven")
            default: return ("REDRIVABLE_BY_MAP_RUN", nil)
            }
        }
        let machine = try await store.stateMachine(arn: record.stateMachineArn)
        guard let reason = Self.redriveRefusal(record, machine: machine, now: Date()) else { return ("REDRIVABLE", nil) }
        return ("NOT_REDRIVABLE", reason)
    }
}
