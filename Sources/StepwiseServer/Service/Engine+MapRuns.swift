import Foundation
import Stepwise
import StepwiseStore

/// Map Runs of Distributed Maps and their child executions (DescribeMapRun, ListMapRuns, UpdateMapRun,
/// ListExecutions by mapRunArn).
extension Engine {
    /// The Map Run with this ARN. - Throws: InvalidArn, ResourceNotFound.
    public func mapRun(arn: String) async throws -> MapRunRecord {
        _ = try ResourceARN.mapRun(arn)
        guard let record = try await store.mapRun(arn: arn) else { throw APIError.resourceNotFound(arn) }
        return record
    }

    /// A page of an execution's Map Runs. - Throws: InvalidArn, ExecutionDoesNotExist, InvalidToken.
    public func mapRuns(executionArn: String, maxResults: Int, nextToken: String?) async throws -> Page<MapRunRecord> {
        _ = try await execution(arn: executionArn)
        return try await storeCall { try await store.mapRuns(executionArn: executionArn, maxResults: maxResults, nextToken: nextToken) }
    }

    /// A page of a Map Run's child executions, newest first. - Throws: InvalidArn, ResourceNotFound, InvalidToken.
    public func listExecutions(
        mapRunArn: String, status: ExecutionRecord.Status?, maxResults: Int, nextToken: String?
    ) async throws -> Page<ExecutionSummary> {
        _ = try await mapRun(arn: mapRunArn)
        return try await storeCall {
            try await store.mapRunExecutions(mapRunArn: mapRunArn, status: status, maxResults: maxResults, nextToken: nextToken)
        }
    }

    /// Changes a running Map Run's settings (UpdateMapRun). The change is a step of the execution that runs the
    /// Map, so it is journaled and survives a restart; it is stored when this returns.
    ///
    /// - Throws: InvalidArn, ResourceNotFound; ValidationException (MISSING_REQUIRED_PARAMETER with nothing to
    ///   change, CANNOT_UPDATE_COMPLETED_MAP_RUN once the run ended).
    public func updateMapRun(arn: String, maxConcurrency: Int?, toleratedFailureCount: Int?, toleratedFailurePercentage: Double?) async throws {
        let record = try await mapRun(arn: arn)
        guard maxConcurrency != nil || toleratedFailureCount != nil || toleratedFailurePercentage != nil else {
            throw APIError.validation(
                "At least one of maxConcurrency, toleratedFailureCount or toleratedFailurePercentage must be provided",
                reason: "MISSING_REQUIRED_PARAMETER")
        }
        guard record.status == .running, let execution = durable.execution(arn: record.executionArn) else {
            throw APIError.validation(
                "Map Run '\(arn)' is \(record.status.rawValue) and can no longer be updated", reason: "CANNOT_UPDATE_COMPLETED_MAP_RUN")
        }
        await execution.updateMapRun(
            arn: arn, maxConcurrency: maxConcurrency, toleratedFailureCount: toleratedFailureCount,
            toleratedFailurePercentage: toleratedFailurePercentage)
        await durable.sync()
    }
}
