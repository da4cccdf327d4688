import Foundation
import JSON
import StepFunctions
import StepwiseStore

/// The execution actions.
extension StepFunctionsAPI {
    static let inputLength = StepFunctionsService.payloadLimit

    static func startExecution(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = try startInput(request)
        let execution = try await service.startExecution(input)
        return ["executionArn": .string(execution.arn), "startDate": execution.startDate.epochJSON]
    }

    static func startSyncExecution(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = try startInput(request)
        let traceHeader = input.traceHeader
        let metadataOnly = try metadataOnly(request)
        let run = try await service.startSyncExecution(input)
        var output: JSONObject = [
            "executionArn": .string(run.info.arn), "stateMachineArn": .string(run.info.stateMachineArn),
            "name": .string(run.info.name), "startDate": run.info.startTime.epochJSON, "stopDate": run.stopDate.epochJSON,
            "status": .string(run.result.status.rawValue),
            "billingDetails": ["billedMemoryUsedInMB": 64, "billedDurationInMilliseconds": .int(run.billedDurationInMilliseconds)],
        ]
        if !metadataOnly {
            output["input"] = .string(run.info.input.serialized())
            output["inputDetails"] = ["included": true]
        }
        if !metadataOnly, let result = run.result.output {
            output["output"] = .string(result.serialized())
            output["outputDetails"] = ["included": true]
        }
        if let traceHeader { output["traceHeader"] = .string(traceHeader) }
        if let error = run.result.error { output["error"] = .string(error) }
        if let cause = run.result.cause { output["cause"] = .string(cause) }
        return .object(output)
    }

    /// The members StartExecution and StartSyncExecution share.
    static func startInput(_ request: Members) throws(StepFunctionsError) -> StartExecutionInput {
        var input = StartExecutionInput(
            stateMachineArn: try request.required("stateMachineArn", max: arnLength), name: try request.string("name", min: 1, max: nameLength),
            input: try request.string("input", max: inputLength))
        input.traceHeader = try request.string("traceHeader", max: 256)
        if let header = input.traceHeader, !header.unicodeScalars.allSatisfy(\.isASCII) {
            throw StepFunctionsError.validation(
                #"Value '\#(header)' at 'traceHeader' failed to satisfy constraint: Member must satisfy regular expression pattern: \p{ASCII}*"#)
        }
        return input
    }

    static func stopExecution(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = StopExecutionInput(
            executionArn: try request.required("executionArn", max: arnLength), error: try request.string("error", max: 256),
            cause: try request.string("cause", max: 32_768))
        return ["stopDate": try await service.stopExecution(input).epochJSON]
    }

    static func describeExecution(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("executionArn", max: arnLength)
        let metadataOnly = try metadataOnly(request)
        let described = try await service.describeExecution(DescribeExecutionInput(executionArn: arn))
        let execution = described.execution
        var output: JSONObject = [
            "executionArn": .string(execution.arn), "stateMachineArn": .string(execution.stateMachineArn),
            "name": .string(execution.name), "status": .string(execution.status.rawValue),
            "startDate": execution.startDate.epochJSON,
            "redriveCount": .int(execution.redriveCount), "redriveStatus": .string(described.redriveStatus.status),
        ]
        if !metadataOnly {
            output["input"] = .string(execution.input)
            output["inputDetails"] = ["included": true]
        }
        if let date = execution.redriveDate { output["redriveDate"] = date.epochJSON }
        if let reason = described.redriveStatus.reason { output["redriveStatusReason"] = .string(reason) }
        if let stopDate = execution.stopDate { output["stopDate"] = stopDate.epochJSON }
        if !metadataOnly, let result = execution.output {
            output["output"] = .string(result)
            output["outputDetails"] = ["included": true]
        }
        if let error = execution.error { output["error"] = .string(error) }
        if let cause = execution.cause { output["cause"] = .string(cause) }
        if let mapRunArn = execution.mapRunArn { output["mapRunArn"] = .string(mapRunArn) }
        if let traceHeader = execution.traceHeader { output["traceHeader"] = .string(traceHeader) }
        if let version = execution.stateMachineVersionArn { output["stateMachineVersionArn"] = .string(version) }
        if let alias = execution.stateMachineAliasArn { output["stateMachineAliasArn"] = .string(alias) }
        return .object(output)
    }

    static func listExecutions(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = ListExecutionsInput(
            stateMachineArn: try request.string("stateMachineArn", min: 1, max: arnLength),
            mapRunArn: try request.string("mapRunArn", min: 1, max: longArnLength),
            statusFilter: try request.choice("statusFilter", ExecutionRecord.Status.allCases.map(\.rawValue)).flatMap(ExecutionRecord.Status.init),
            redriveFilter: try request.choice("redriveFilter", ListExecutionsInput.RedriveFilter.allCases.map(\.rawValue))
                .flatMap(ListExecutionsInput.RedriveFilter.init),
            page: try pageRequest(request, tokenLength: 3096))
        let page = try await service.listExecutions(input)
        return paged("executions", page.items.map(json), page.nextToken)
    }

    static func redriveExecution(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = RedriveExecutionInput(
            executionArn: try request.required("executionArn", max: arnLength), clientToken: try request.string("clientToken", min: 1, max: 64))
        return ["redriveDate": try await service.redriveExecution(input).epochJSON]
    }

    static func getExecutionHistory(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let (input, includeData) = try historyInput(request)
        let page = try await service.getExecutionHistory(input)
        let events = page.items.map { includeData ? $0.json() : withoutData($0.json()) }
        return paged("events", events, page.nextToken)
    }

    /// GetExecutionHistory's response body written straight from the events' stored text (the bytes
    /// ``getExecutionHistory`` serializes, without parsing each event's details into values and writing them
    /// again); nil when the request leaves out the execution data, which that path removes.
    static func executionHistoryBody(_ service: StepFunctionsService, _ request: Members) async throws -> [UInt8]? {
        let (input, includeData) = try historyInput(request)
        guard includeData else { return nil }
        let page = try await service.getExecutionHistory(input)
        var body = Array(#"{"events":"#.utf8)
        body += EventRow.jsonArray(page.items)
        if let nextToken = page.nextToken {
            body += #","nextToken":"#.utf8
            body += JSON.string(nextToken).serializedBytes()
        }
        body.append(UInt8(ascii: "}"))
        return body
    }

    static func historyInput(_ request: Members) throws -> (GetExecutionHistoryInput, includeData: Bool) {
        let arn = try request.required("executionArn", max: arnLength)
        let maxResults = try request.int("maxResults", pageSize) ?? 0
        let reverseOrder = try request.bool("reverseOrder") ?? false
        let nextToken = try request.string("nextToken", min: 1, max: 1024)
        let includeData = try request.bool("includeExecutionData") ?? true
        let input = GetExecutionHistoryInput(
            executionArn: arn, reverseOrder: reverseOrder, page: PageRequest(maxResults: maxResults, nextToken: nextToken))
        return (input, includeData)
    }

    static func json(_ execution: ExecutionSummary) -> JSON {
        var object: JSONObject = [
            "executionArn": .string(execution.arn), "stateMachineArn": .string(execution.stateMachineArn),
            "name": .string(execution.name), "status": .string(execution.status.rawValue),
            "startDate": execution.startDate.epochJSON, "redriveCount": .int(execution.redriveCount),
        ]
        if let date = execution.redriveDate { object["redriveDate"] = date.epochJSON }
        if let stopDate = execution.stopDate { object["stopDate"] = stopDate.epochJSON }
        if let mapRunArn = execution.mapRunArn { object["mapRunArn"] = .string(mapRunArn) }
        if let itemCount = execution.itemCount { object["itemCount"] = .int(itemCount) }
        if let version = execution.stateMachineVersionArn { object["stateMachineVersionArn"] = .string(version) }
        if let alias = execution.stateMachineAliasArn { object["stateMachineAliasArn"] = .string(alias) }
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
