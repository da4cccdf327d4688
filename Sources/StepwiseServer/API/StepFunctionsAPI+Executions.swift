import Foundation
import JSON
import StepwiseStore

/// The execution actions.
extension StepFunctionsAPI {
    static let inputLength = 262_144

    static func startExecution(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("stateMachineArn", max: arnLength)
        let name = try request.string("name", min: 1, max: nameLength)
        let input = try request.string("input", max: inputLength)
        _ = try request.string("traceHeader", max: 256)
        let execution = try await engine.startExecution(stateMachineArn: arn, name: name, input: input, expressInMemory: true)
        return ["executionArn": .string(execution.arn), "startDate": execution.startDate.epochJSON]
    }

    static func startSyncExecution(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("stateMachineArn", max: arnLength)
        let name = try request.string("name", min: 1, max: nameLength)
        let input = try request.string("input", max: inputLength)
        _ = try request.string("traceHeader", max: 256)
        _ = try request.choice("includedData", ["ALL_DATA", "METADATA_ONLY"])
        let run = try await engine.startSyncExecution(stateMachineArn: arn, name: name, input: input)
        let stopDate = run.result.stopDate ?? Date()
        let milliseconds = max(100, Int((stopDate.timeIntervalSince(run.info.startTime) * 10).rounded(.up)) * 100)
        var output: JSONObject = [
            "executionArn": .string(run.info.arn), "stateMachineArn": .string(run.info.stateMachineArn),
            "name": .string(run.info.name), "startDate": run.info.startTime.epochJSON, "stopDate": stopDate.epochJSON,
            "status": .string(run.result.status.rawValue), "input": .string(run.info.input.serialized()),
            "inputDetails": ["included": true],
            "billingDetails": ["billedMemoryUsedInMB": 64, "billedDurationInMilliseconds": .int(milliseconds)],
        ]
        if let result = run.result.output {
            output["output"] = .string(result.serialized())
            output["outputDetails"] = ["included": true]
        }
        if let error = run.result.error { output["error"] = .string(error) }
        if let cause = run.result.cause { output["cause"] = .string(cause) }
        return .object(output)
    }

    static func stopExecution(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("executionArn", max: arnLength)
        let error = try request.string("error", max: 256)
        let cause = try request.string("cause", max: 32_768)
        let stopDate = try await engine.stopExecution(arn: arn, error: error, cause: cause)
        return ["stopDate": stopDate.epochJSON]
    }

    static func describeExecution(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("executionArn", max: arnLength)
        _ = try request.choice("includedData", ["ALL_DATA", "METADATA_ONLY"])
        let execution = try await engine.execution(arn: arn)
        var output: JSONObject = [
            "executionArn": .string(execution.arn), "stateMachineArn": .string(execution.stateMachineArn),
            "name": .string(execution.name), "status": .string(execution.status.rawValue),
            "startDate": execution.startDate.epochJSON, "input": .string(execution.input), "inputDetails": ["included": true],
            "redriveCount": 0,
        ]
        if let stopDate = execution.stopDate { output["stopDate"] = stopDate.epochJSON }
        if let result = execution.output {
            output["output"] = .string(result)
            output["outputDetails"] = ["included": true]
        }
        if let error = execution.error { output["error"] = .string(error) }
        if let cause = execution.cause { output["cause"] = .string(cause) }
        if let mapRunArn = execution.mapRunArn {
            output["mapRunArn"] = .string(mapRunArn)
            for (key, value) in childRedrive(execution.status) { output[key] = value }
        }
        return .object(output)
    }

    static func listExecutions(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.string("stateMachineArn", min: 1, max: arnLength)
        let mapRunArn = try request.string("mapRunArn", min: 1, max: 2000)
        let status = try request.choice("statusFilter", ExecutionRecord.Status.allCases.map(\.rawValue))
        let redriveFilter = try request.choice("redriveFilter", ["REDRIVEN", "NOT_REDRIVEN"])
        let maxResults = try request.int("maxResults", pageSize) ?? 0
        let nextToken = try request.string("nextToken", min: 1, max: 3096)
        guard (arn == nil) != (mapRunArn == nil) else {
            throw APIError.validation("Must provide a StateMachine ARN or a MapRun ARN, but not both")
        }
        let page =
            if let arn {
                try await engine.listExecutions(
                    stateMachineArn: arn, status: status.flatMap(ExecutionRecord.Status.init), maxResults: maxResults, nextToken: nextToken)
            } else {
                try await listChildExecutions(engine, mapRunArn: mapRunArn ?? "", status: status, maxResults: maxResults, nextToken: nextToken)
            }
        let items = redriveFilter == "REDRIVEN" ? [] : page.items.map(json)
        return paged("executions", items, page.nextToken)
    }

    static func getExecutionHistory(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("executionArn", max: arnLength)
        let maxResults = try request.int("maxResults", pageSize) ?? 0
        let reverseOrder = try request.bool("reverseOrder") ?? false
        let nextToken = try request.string("nextToken", min: 1, max: 1024)
        let includeData = try request.bool("includeExecutionData") ?? true
        let page = try await engine.history(arn: arn, maxResults: maxResults, reverseOrder: reverseOrder, nextToken: nextToken)
        let events = page.items.map { includeData ? $0.json() : withoutData($0.json()) }
        return paged("events", events, page.nextToken)
    }

    static func json(_ execution: ExecutionSummary) -> JSON {
        var object: JSONObject = [
            "executionArn": .string(execution.arn), "stateMachineArn": .string(execution.stateMachineArn),
            "name": .string(execution.name), "status": .string(execution.status.rawValue),
            "startDate": execution.startDate.epochJSON, "redriveCount": 0,
        ]
        if let stopDate = execution.stopDate { object["stopDate"] = stopDate.epochJSON }
        if let mapRunArn = execution.mapRunArn { object["mapRunArn"] = .string(mapRunArn) }
        return .object(object)
    }

    /// An event without its input and output (`includeExecutionData: false`).
    static func withoutData(_ event: JSON) -> JSON {
        guard var object = event.objectValue else { return event }
        for key in object.keys where key.hasSuffix("EventDetails") {
            guard var details = object[key]?.objectValue else { continue }
            details["input"] = nil
            details["output"] = nil
            details["inputDetails"] = nil
            details["outputDetails"] = nil
            object[key] = .object(details)
        }
        return .object(object)
    }
}
