import Foundation
import Stepwise
import StepwiseStore

extension Engine {
    /// Starts a recorded execution (StartExecution), idempotent by name as on AWS: the same name and input
    /// while it runs answers the running execution; the same name otherwise is ExecutionAlreadyExists.
    ///
    /// - Parameter input: JSON text (nil means `{}`).
    /// - Throws: InvalidArn, StateMachineDoesNotExist, InvalidName, InvalidExecutionInput, ExecutionAlreadyExists,
    ///   ValidationException (a Task nothing can run); ServiceUnavailableException (503) when the execution cannot
    ///   be stored (a full disk).
    ///
    /// With `expressInMemory` (the StartExecution action), an EXPRESS machine's execution runs as AWS runs it, in
    /// memory with an `…:express:…` ARN (``startExpress(_:name:input:)``); jobs record theirs whatever the type.
    public func startExecution(stateMachineArn: String, name: String?, input: String?, expressInMemory: Bool = false) async throws -> ExecutionRecord
    {
        let (stateMachineArn, testCase) = Self.splitTestCase(stateMachineArn)
        let name = testCase == nil ? name : name ?? UUID().uuidString.lowercased()
        let machine = try await stateMachine(arn: stateMachineArn)
        let value = try Self.parseInput(input)
        if expressInMemory, testCase == nil, machine.type == .express {
            let (info, execution) = try await startExpress(machine, name: name, input: value)
            Task { _ = await execution.result }  // held until it ends
            return Self.started(info.arn, name: info.name, of: machine, input: value, at: info.startTime)
        }
        if let name {
            guard ExecutionName.isValid(name) else { throw APIError.invalidName(name) }
            if let existing = try await store.execution(name: name, stateMachineArn: stateMachineArn) {
                return try Self.idempotent(existing, input: value)
            }
        }
        let execution: Execution
        let boundArn = try testCase.map { testCase throws(APIError) in try bindTestCase(testCase, machine: machine.name, execution: name ?? "") }
        defer { if let boundArn, durable.execution(arn: boundArn) == nil { testCases?.unbind(executionArn: boundArn) } }
        do {
            execution = try await durable.start(
                try self.machine(for: machine), definition: machine.definition, input: value, name: name,
                stateMachineArn: machine.arn, roleArn: machine.roleArn, revisionId: machine.revisionId)
        } catch let error as StartError {
            throw Self.refusal(error)
        } catch let error as StoreError where error.kind == .alreadyExists {
            // Another request started the same name meanwhile.
            guard let name, let existing = try await store.execution(name: name, stateMachineArn: stateMachineArn) else { throw error }
            return try Self.idempotent(existing, input: value)
        } catch is StoreError {
            // Not stored, so not started: never a 200 for an execution nothing records.
            throw APIError.serviceUnavailable
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
    /// cannot be served as made (AWS's ValidationException, 400); the message names every such Task and the ways to
    /// provide it (docs/integrations.md).
    static func refusal(_ error: StartError) -> APIError {
        APIError.service(error.code == "MissingHandler" ? "ValidationException" : error.code, error.message)
    }

    /// The answer to a start whose name is taken by `existing`.
    static func idempotent(_ existing: ExecutionRecord, input: JSON) throws(APIError) -> ExecutionRecord {
        guard existing.status == .running, existing.input == input.serialized() else {
            throw APIError.service("ExecutionAlreadyExists", "Execution Already Exists: '\(existing.arn)'")
        }
        return existing
    }

    /// Parses execution input. - Throws: InvalidExecutionInput with the parser's message.
    static func parseInput(_ text: String?) throws(APIError) -> JSON {
        guard let text else { return .object(JSONObject()) }
        do {
            return try JSON(parsing: text)
        } catch {
            throw APIError.service("InvalidExecutionInput", "Invalid State Machine Execution Input: '\(error.message)'")
        }
    }

    /// Stops a running execution with an optional error and cause; answers its stop date. Stopping an execution
    /// that already ended changes nothing and answers the date it ended. An execution RUNNING in the store that
    /// nothing here drives (it could not be resumed, or its recording stopped) is aborted in the store.
    public func stopExecution(arn: String, error: String?, cause: String?) async throws -> Date {
        let record = try await execution(arn: arn)
        guard record.status == .running else { return record.stopDate ?? Date() }
        if let live = durable.execution(arn: arn) {
            await live.stop(error: error, cause: cause)
            _ = await live.result
            await durable.sync()
        } else {
            _ = try await durable.stopUnattended(arn: arn, error: error, cause: cause)
        }
        return try await execution(arn: arn).stopDate ?? Date()
    }

    /// The execution with this ARN, as stored (a Distributed Map's child too). - Throws: InvalidArn, ExecutionDoesNotExist.
    public func execution(arn: String) async throws -> ExecutionRecord {
        _ = try ResourceARN.execution(arn)
        if let record = try await store.execution(arn: arn) { return record }
        guard let child = try await store.mapRunExecution(arn: arn) else { throw APIError.executionDoesNotExist(arn) }
        return child
    }

    /// A page of executions, newest first (ListExecutions).
    public func listExecutions(
        stateMachineArn: String, status: ExecutionRecord.Status?, maxResults: Int,
        nextToken: String?
    ) async throws -> Page<ExecutionSummary> {
        let machine = try await stateMachine(arn: stateMachineArn)
        guard machine.type == .standard else { throw APIError.typeNotSupported }
        return try await storeCall {
            try await store.listExecutions(stateMachineArn: stateMachineArn, status: status, maxResults: maxResults, nextToken: nextToken)
        }
    }

    /// A page of an execution's history events (GetExecutionHistory).
    public func history(arn: String, maxResults: Int, reverseOrder: Bool, nextToken: String?) async throws -> Page<EventRow> {
        _ = try ResourceARN.execution(arn)
        return try await storeCall(notFound: .executionDoesNotExist(arn)) {
            try await store.history(arn: arn, maxResults: maxResults, reverseOrder: reverseOrder, nextToken: nextToken)
        }
    }
}
