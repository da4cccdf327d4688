import Foundation
import JSON
import Stepwise
import StepwiseStore

extension StepFunctionsService {
    /// Stops a running execution with an optional error and cause; answers its stop date. Stopping an execution
    /// that already ended changes nothing and answers the date it ended. An execution RUNNING in the store that
    /// nothing here drives (it could not be resumed, or its recording stopped) is aborted in the store.
    ///
    /// - Throws: InvalidArn, ExecutionDoesNotExist.
    package func stopExecution(_ input: StopExecutionInput) async throws -> Date {
        let arn = input.executionArn
        let record = try await execution(arn: arn)
        guard record.status == .running else { return record.stopDate ?? Date() }
        if let live = durable.execution(arn: arn) {
            await live.stop(error: input.error, cause: input.cause)
            _ = await live.result
            await durable.sync()
        } else {
            _ = try await durable.stopUnattended(arn: arn, error: input.error, cause: input.cause)
        }
        return try await execution(arn: arn).stopDate ?? Date()
    }

    /// DescribeExecution: the execution as stored (a Distributed Map's child too). - Throws: InvalidArn,
    /// ExecutionDoesNotExist.
    package func describeExecution(_ input: DescribeExecutionInput) async throws -> DescribeExecutionOutput {
        let record = try await execution(arn: input.executionArn)
        return DescribeExecutionOutput(execution: record, redriveStatus: try await redriveStatus(of: record))
    }

    /// The execution with this ARN, as stored (a Distributed Map's child too). - Throws: InvalidArn, ExecutionDoesNotExist.
    func execution(arn: String) async throws -> ExecutionRecord {
        _ = try ResourceARN.execution(arn)
        if let record = try await store.execution(arn: arn) { return record }
        guard let child = try await store.mapRunExecution(arn: arn) else { throw StepFunctionsError.executionDoesNotExist(arn) }
        return child
    }

    /// A page of executions, newest first (ListExecutions): a STANDARD state machine's (all of them, or those
    /// started through one of its versions or aliases), or a Map Run's children; `redriveFilter` keeps those
    /// redriven at least once (REDRIVEN) or never (NOT_REDRIVEN).
    ///
    /// - Throws: ValidationException unless exactly one of the two ARNs is given; InvalidArn,
    ///   StateMachineDoesNotExist (also for an unknown version), StateMachineTypeNotSupported (EXPRESS),
    ///   ResourceNotFound (a Map Run or an alias), InvalidToken.
    package func listExecutions(_ input: ListExecutionsInput) async throws -> Page<ExecutionSummary> {
        guard (input.stateMachineArn == nil) != (input.mapRunArn == nil) else {
            throw StepFunctionsError.validation("Must provide a StateMachine ARN or a MapRun ARN, but not both")
        }
        var page: Page<ExecutionSummary>
        if let arn = input.stateMachineArn {
            let origin = try await executionOrigin(arn)
            page = try await storeCall {
                try await store.listExecutions(
                    origin: origin, status: input.statusFilter, maxResults: input.page.maxResults, nextToken: input.page.nextToken,
                    redriven: input.redriveFilter.map { $0 == .redriven })
            }
        } else {
            page = try await childExecutions(
                mapRunArn: input.mapRunArn ?? "", status: input.statusFilter, redriven: input.redriveFilter.map { $0 == .redriven }, page: input.page)
        }
        return page
    }

    /// Which executions ListExecutions by `arn` lists: a STANDARD state machine's, or those started through one of
    /// its versions or aliases.
    private func executionOrigin(_ arn: String) async throws -> Store.ExecutionOrigin {
        let target = try QualifiedARN(arn)
        let machine = try await stateMachine(of: target)
        guard machine.type == .standard else { throw StepFunctionsError.typeNotSupported }
        switch target.qualifier {
        case .none:
            return .stateMachine(machine.arn)
        case .version(let number):
            guard let version = try await store.stateMachineVersion(arn: machine.arn, number: number) else {
                throw StepFunctionsError.stateMachineDoesNotExist(arn)
            }
            return .version(version.arn)
        case .alias:
            guard try await store.stateMachineAlias(arn: arn) != nil else { throw StepFunctionsError.noSuchResource(arn) }
            return .alias(arn)
        }
    }

    /// A page of an execution's history events (GetExecutionHistory); an execution started through a version or
    /// an alias names them in its ExecutionStarted event, as on AWS.
    ///
    /// - Throws: InvalidArn, ExecutionDoesNotExist, InvalidToken.
    package func getExecutionHistory(_ input: GetExecutionHistoryInput) async throws -> Page<EventRow> {
        let arn = input.executionArn
        _ = try ResourceARN.execution(arn)
        var page = try await storeCall(notFound: .executionDoesNotExist(arn)) {
            try await store.history(arn: arn, maxResults: input.page.maxResults, reverseOrder: input.reverseOrder, nextToken: input.page.nextToken)
        }
        if let index = page.items.firstIndex(where: { $0.id == 1 && $0.type == "ExecutionStarted" }),
            let execution = try await store.execution(arn: arn), execution.stateMachineVersionArn != nil
        {
            page.items[index].details = Self.startedDetails(page.items[index].details, of: execution)
        }
        return page
    }

    /// ExecutionStarted's details with the version and alias the execution was started through.
    static func startedDetails(_ details: String?, of execution: ExecutionRecord) -> String? {
        let key = "executionStartedEventDetails"
        guard var row = details.flatMap({ try? JSON(parsing: $0) })?.objectValue, var object = row[key]?.objectValue else { return details }
        if let alias = execution.stateMachineAliasArn { object["stateMachineAliasArn"] = .string(alias) }
        if let version = execution.stateMachineVersionArn { object["stateMachineVersionArn"] = .string(version) }
        row[key] = .object(object)
        return JSON.object(row).serialized()
    }
}
