import Foundation
import JSON
import StepFunctions
import StepwiseStore

/// The Map Run actions (asl-reference §8): DescribeMapRun, ListMapRuns, UpdateMapRun.
extension StepFunctionsAPI {
    static let longArnLength = 2000

    static func describeMapRun(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let run = try await service.describeMapRun(DescribeMapRunInput(mapRunArn: try request.required("mapRunArn", max: longArnLength)))
        var output: JSONObject = [
            "mapRunArn": .string(run.arn), "executionArn": .string(run.executionArn), "status": .string(run.status.rawValue),
            "startDate": run.startDate.epochJSON, "maxConcurrency": .int(run.maxConcurrency),
            "toleratedFailurePercentage": .double(run.toleratedFailurePercentage), "toleratedFailureCount": .int(run.toleratedFailureCount),
            "itemCounts": run.itemCounts.json, "executionCounts": run.executionCounts.json, "redriveCount": .int(run.redriveCount),
        ]
        if let stopDate = run.stopDate { output["stopDate"] = stopDate.epochJSON }
        if let redriveDate = run.redriveDate { output["redriveDate"] = redriveDate.epochJSON }
        return .object(output)
    }

    static func listMapRuns(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("executionArn", max: arnLength)
        let page = try await service.listMapRuns(ListMapRunsInput(executionArn: arn, page: try pageRequest(request, tokenLength: 1024)))
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

    static func updateMapRun(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("mapRunArn", max: longArnLength)
        let maxConcurrency = try request.int("maxConcurrency", 0...Int.max)
        let percentage = try request.double("toleratedFailurePercentage", 0...100)
        let count = try request.int("toleratedFailureCount", 0...Int.max)
        try await service.updateMapRun(
            UpdateMapRunInput(mapRunArn: arn, maxConcurrency: maxConcurrency, toleratedFailureCount: count, toleratedFailurePercentage: percentage))
        return .object(JSONObject())
    }
}
