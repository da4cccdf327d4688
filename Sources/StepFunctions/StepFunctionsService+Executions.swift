import Foundation
import JSON
import Stepwise
import StepwiseStore

/// The execution actions: StartExecution, StopExecution, DescribeExecution, ListExecutions, GetExecutionHistory.
extension StepFunctionsService {
    /// Starts an execution (StartExecution), idempotent by name as on AWS: the same name and input while it runs
    /// answers the running execution; the same name otherwise is ExecutionAlreadyExists. An EXPRESS machine's
    /// execution runs as AWS runs it, in memory with an `…:express:…` ARN (``startExpress(_:name:input:)``).
    ///
    /// - Throws: InvalidArn, StateMachineDoesNotExist, InvalidName, InvalidExecutionInput, ExecutionAlreadyExists,
    ///   ValidationException (a Task nothing can run, a test case without a mock config file);
    ///   ServiceUnavailableException when the execution cannot be stored (a full disk).
    package func startExecution(_ input: StartExecutionInput) async throws -> ExecutionRecord {
        try await start(input, expressInMemory: true)
    }

    /// Starts an execution that is recorded whatever its state machine's type (jobs and their cancel and end
    /// workflows); otherwise as ``startExecution(_:)``.
    package func startRecordedExecution(_ input: StartExecutionInput) async throws -> ExecutionRecord {
        try await start(input, expressInMemory: false)
    }

    private func start(_ request: StartExecutionInput, expressInMemory: Bool) async throws -> ExecutionRecord {
        let (stateMachineArn, testCase) = Self.splitTestCase(request.stateMachineArn)
        let name = testCase == nil ? request.name : request.name ?? UUID().uuidString.lowercased()
        let target = try await startTarget(stateMachineArn)
        let machine = target.machine
        let value = try Self.parseInput(request.input)
        if expressInMemory, testCase == nil, machine.type == .express {
            let (info, execution) = try await startExpress(machine, name: name, input: value)
            Task { _ = await execution.result }  // held until it ends
            return Self.started(info.arn, name: info.name, of: machine, input: value, at: info.startTime)
        }
        if let name {
            guard ExecutionName.isValid(name) else { throw StepFunctionsError.invalidName(name) }
            if let existing = try await store.execution(name: name, stateMachineArn: machine.arn) {
                return try Self.idempotent(existing, input: value)
            }
        }
        let execution: Execution
        let boundArn = try testCase.map { testCase throws(StepFunctionsError) in
            try bindTestCase(testCase, machine: machine.name, execution: name ?? "")
        }
        defer { if let boundArn, durable.execution(arn: boundArn) == nil { testCases?.unbind(executionArn: boundArn) } }
        do {
            execution = try await durable.start(
                try self.machine(for: machine), definition: machine.definition, input: value, name: name,
                stateMachineArn: machine.arn, roleArn: machine.roleArn, revisionId: machine.revisionId, versionArn: target.versionArn,
                aliasArn: target.aliasArn, traceHeader: request.traceHeader)
        } catch let error as StartError {
            throw Self.refusal(error)
        } catch let error as StoreError where error.kind == .alreadyExists {
            // Another request started the same name meanwhile.
            guard let name, let existing = try await store.execution(name: name, stateMachineArn: machine.arn) else { throw error }
            return try Self.idempotent(existing, input: value)
        } catch is StoreError {
            // Not stored, so not started: never a success for an execution nothing records.
            throw StepFunctionsError.serviceUnavailable
        }
        // Built from what was just recorded: reading it back would force a commit of the queued log per request.
        return Self.started(execution.arn, name: execution.name, of: machine, input: value, at: execution.startDate)
    }

    /// The record of an execution just started, as StartExecution answers it.
    static func started(_ arn: String, name: String, of machine: StateMachineRecord, input: JSON, at startDate: Date) -> ExecutionRecord {
        ExecutionRecord(
            arn: arn, name: name, stateMachineArn: machine.arn, revisionId: machine.revisionId, definition: machine.definition,
            input: input.serialized(), startDate: startDate)
    }

    /// The API error for an execution the runtime refused to start. Some Task nothing here can run: the request
    /// cannot be served as made (AWS's ValidationException); the message names every such Task and the ways to
    /// provide it (docs/integrations.md).
    static func refusal(_ error: StartError) -> StepFunctionsError {
        StepFunctionsError.service(error.code == "MissingHandler" ? "ValidationException" : error.code, error.message)
    }

    /// The answer to a start whose name is taken by `existing`.
    static func idempotent(_ existing: ExecutionRecord, input: JSON) throws(StepFunctionsError) -> ExecutionRecord {
        guard existing.status == .running, existing.input == input.serialized() else {
            throw StepFunctionsError.service("ExecutionAlreadyExists", "Execution Already Exists: '\(existing.arn)'")
        }
        return existing
    }

    /// Parses execution input. - Throws: InvalidExecutionInput with the parser's message.
    static func parseInput(_ text: String?) throws(StepFunctionsError) -> JSON {
        guard let text else { return .object(JSONObject()) }
        do {
            return try JSON(parsing: text)
        } catch {
            throw StepFunctionsError.service("InvalidExecutionInput", "Invalid State Machine Execution Input: '\(error.message)'")
        }
    }
}
