import Foundation
import Stepwise
import StepwiseStore

/// Map Runs of Distributed Maps and their child executions (DescribeMapRun, ListMapRuns, UpdateMapRun,
/// ListExecutions by mapRunArn).
extension StepFunctionsService {
    /// DescribeMapRun: the Map Run with this ARN. - Throws: InvalidArn, ResourceNotFound.
    package func describeMapRun(_ input: DescribeMapRunInput) async throws -> MapRunRecord {
        _ = try ResourceARN.mapRun(input.mapRunArn)
        guard let record = try await store.mapRun(arn: input.mapRunArn) else { throw StepFunctionsError.resourceNotFound(input.mapRunArn) }
        return record
    }

    /// A page of an execution's Map Runs (ListMapRuns). - Throws: InvalidArn, ExecutionDoesNotExist, InvalidToken.
    package func listMapRuns(_ input: ListMapRunsInput) async throws -> Page<MapRunRecord> {
        _ = try await execution(arn: input.executionArn)
        return try await storeCall {
            try await store.mapRuns(executionArn: input.executionArn, maxResults: input.page.maxResults, nextToken: input.page.nextToken)
        }
    }

    /// A page of a Map Run's child executions, newest first. - Throws: InvalidArn, ResourceNotFound, InvalidToken.
    func childExecutions(
        mapRunArn: String, status: ExecutionRecord.Status?, redriven: Bool? = nil, page: PageRequest
    ) async throws -> Page<ExecutionSummary> {
        _ = try await describeMapRun(DescribeMapRunInput(mapRunArn: mapRunArn))
        return try await storeCall {
            try await store.mapRunExecutions(
                mapRunArn: mapRunArn, status: status, maxResults: page.maxResults, nextToken: page.nextToken, redriven: redriven)
        }
    }

    /// Changes a running Map Run's settings (UpdateMapRun). The change is a step of the execution that runs the
    /// Map, so it is journaled and survives a restart; it is stored when this returns.
    ///
    /// - Throws: InvalidArn, ResourceNotFound; ValidationException (MISSING_REQUIRED_PARAMETER with nothing to
    ///   change, CANNOT_UPDATE_COMPLETED_MAP_RUN once the run ended).
    package func updateMapRun(_ input: UpdateMapRunInput) async throws {
        let arn = input.mapRunArn
        let record = try await describeMapRun(DescribeMapRunInput(mapRunArn: arn))
        guard input.maxConcurrency != nil || input.toleratedFailureCount != nil || input.toleratedFailurePercentage != nil else {
            throw StepFunctionsError.validation(
                "At least one of maxConcurrency, toleratedFailureCount or toleratedFailurePercentage must be provided",
                reason: "MISSING_REQUIRED_PARAMETER")
        }
        guard record.status == .running, let execution = durable.execution(arn: record.executionArn) else {
            throw StepFunctionsError.validation(
                "Map Run '\(arn)' is \(record.status.rawValue) and can no longer be updated", reason: "CANNOT_UPDATE_COMPLETED_MAP_RUN")
        }
        await execution.updateMapRun(
            arn: arn, maxConcurrency: input.maxConcurrency, toleratedFailureCount: input.toleratedFailureCount,
            toleratedFailurePercentage: input.toleratedFailurePercentage)
        await durable.sync()
    }
}
