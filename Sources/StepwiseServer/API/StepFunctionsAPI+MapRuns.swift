import Foundation
import JSON
import Stepwise
import StepwiseStore

/// The Map Run actions (asl-reference §8): DescribeMapRun, ListMapRuns, UpdateMapRun.
extension StepFunctionsAPI {
    static let longArnLength = 2000

    static func describeMapRun(_ engine: Engine, _ request: Members) async throws -> JSON {
        let run = try await engine.mapRun(arn: try request.required("mapRunArn", max: longArnLength))
        var output: JSONObject = [
            "mapRunArn": .string(run.arn), "executionArn": .string(run.executionArn), "status": .string(run.status.rawValue),
            "startDate": run.startDate.epochJSON, "maxConcurrency": .int(run.maxConcurrency),
            "toleratedFailurePercentage": .double(run.toleratedFailurePercentage), "toleratedFailureCount": .int(run.toleratedFailureCount),
            "itemCounts": run.itemCounts.json, "executionCounts": run.executionCounts.json, "redriveCount": 0,
        ]
        if let stopDate = run.stopDate { output["stopDate"] = stopDate.epochJSON }
        return .object(output)
    }

    static func listMapRuns(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("executionArn", max: arnLength)
        let maxResults = try request.int("maxResults", pageSize) ?? 0
        let nextToken = try request.string("nextToken", min: 1, max: 1024)
        let page = try await engine.mapRuns(executionArn: arn, maxResults: maxResults, nextToken: nextToken)
        let items = page.items.map { run -> JSON in
            var item: JSONObject = [
                "executionArn": .string(run.executionArn), "mapRunArn": .string(run.arn), "stateMachineArn": .string(run.stateMachineArn),
                "startDate": run.startDate.epochJSON,
            ]
            if let stopDate = run.stopDate { item["stopDate"] = stopDate.epochJSON }
            return .object(item)
        }
        return paged("mapRuns", items, page.nextToken)
    }

    static func updateMapRun(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("mapRunArn", max: longArnLength)
        let maxConcurrency = try request.int("maxConcurrency", 0...Int.max)
        let percentage = try request.double("toleratedFailurePercentage", 0...100)
        let count = try request.int("toleratedFailureCount", 0...Int.max)
        try await engine.updateMapRun(arn: arn, maxConcurrency: maxConcurrency, toleratedFailureCount: count, toleratedFailurePercentage: percentage)
        return .object(JSONObject())
    }

    /// ListExecutions with a mapRunArn: the Map Run's child executions.
    static func listChildExecutions(
        _ engine: Engine, mapRunArn: String, status: String?, maxResults: Int, nextToken: String?
    ) async throws -> Page<ExecutionSummary> {
        try await engine.listExecutions(
            mapRunArn: mapRunArn, status: status.flatMap(ExecutionRecord.Status.init), maxResults: maxResults, nextToken: nextToken)
    }

    /// DescribeExecution's redrive fields for a Map Run's child: only its Map Run could redrive it.
    static func childRedrive(_ status: ExecutionRecord.Status) -> JSONObject {
        switch status {
        case .running: ["redriveStatus": "NOT_REDRIVABLE", "redriveStatusReason": "Execution is RUNNING and cannot be redriven"]
        case .succeeded: ["redriveStatus": "NOT_REDRIVABLE", "redriveStatusReason": "Execution is SUCCEEDED and cannot be redriven"]
        default: ["redriveStatus": "REDRIVABLE_BY_MAP_RUN"]
        }
    }
}
