import Foundation
import JSON
import Testing

@testable import StepwiseServer

/// DescribeMapRun, ListMapRuns, UpdateMapRun, and a Map Run's children through ListExecutions, DescribeExecution
/// and GetExecutionHistory (asl-reference §8; shapes from botocore's stepfunctions service-2.json).
@Suite("AWS API: Map Runs", .serialized, .timeLimit(.minutes(1)))
struct APIMapRunTests {
    static let model = "com.amazonaws.swf.service.v2.model#"

    static func definition(_ extra: String = "", processor: String = #""Echo": {"Type": "Pass", "End": true}"#, start: String = "Echo") -> String {
        """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$.items", "Label": "Each"\(extra),
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "\(start)",
            "States": {\(processor)}}}}}
        """
    }

    static let nope = "arn:aws:states:us-east-1:123456789012:mapRun:dm/Each:nope"
    static let waiting = #""Hold": {"Type": "Wait", "Seconds": 3600, "End": true}"#

    /// Starts an execution whose Map Run holds its children in a Wait, one at a time; answers it and its Map Run.
    static func holding(_ client: APIClient, items: String) async throws -> (execution: String, mapRun: String) {
        let machine = try await client.createMachine("hold", Self.definition(#", "MaxConcurrency": 1"#, processor: Self.waiting, start: "Hold"))
        let execution = try await client.start(machine, name: "e1", input: items)
        return (execution, try await Self.mapRunArn(client, execution))
    }

    /// The Map Run ARN of an execution's only Map Run, once it started.
    static func mapRunArn(_ client: APIClient, _ executionArn: String) async throws -> String {
        for _ in 0..<500 {
            let runs = try await client.ok("ListMapRuns", ["executionArn": .string(executionArn)])
            if let arn = runs["mapRuns"]?[0]?["mapRunArn"]?.stringValue { return arn }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ClientError(description: "no Map Run for \(executionArn)")
    }

    static func counts(_ values: [String: Int]) -> JSON {
        var object: JSONObject = [:]
        let keys = [
            "pending", "running", "succeeded", "failed", "timedOut", "aborted", "total", "resultsWritten", "failuresNotRedrivable", "pendingRedrive",
        ]
        for key in keys {
            object[key] = .int(values[key] ?? 0)
        }
        return .object(object)
    }

    @Test("A finished Map Run: DescribeMapRun, ListMapRuns, its children listed, described and with their histories")
    func finishedRun() async throws {
        try await withService { service in
            let client = service.client
            let machine = try await client.createMachine("dm", Self.definition(#", "MaxConcurrency": 2"#))
            let execution = try await client.start(machine, name: "e1", input: #"{"items": [10, 20, 30]}"#)
            #expect(try await client.finished(execution)["status"] == "SUCCEEDED")
            let runs = try await client.ok("ListMapRuns", ["executionArn": .string(execution)])
            let item = try #require(runs["mapRuns"]?[0])
            let arn = try #require(item["mapRunArn"]?.stringValue)
            #expect(arn.hasPrefix("\(Definitions.prefix):mapRun:dm/Each:"))
            #expect(item["executionArn"] == .string(execution))
            #expect(item["stateMachineArn"] == .string("\(machine)/Each"))
            #expect(item["startDate"]?.doubleValue != nil && item["stopDate"]?.doubleValue != nil)
            #expect(runs["nextToken"] == nil)

            let run = try await client.ok("DescribeMapRun", ["mapRunArn": .string(arn)])
            #expect(
                Set(run.objectValue?.keys.map { $0 } ?? []) == [
                    "mapRunArn", "executionArn", "status", "startDate", "stopDate", "maxConcurrency", "toleratedFailurePercentage",
                    "toleratedFailureCount", "itemCounts", "executionCounts", "redriveCount",
                ])
            #expect(run["status"] == "SUCCEEDED")
            #expect((run["maxConcurrency"], run["toleratedFailureCount"], run["toleratedFailurePercentage"]) == (2, 0, 0.0))
            #expect(run["itemCounts"] == Self.counts(["succeeded": 3, "total": 3]))
            #expect(run["executionCounts"] == Self.counts(["succeeded": 3, "total": 3]))

            let children = try await client.ok("ListExecutions", ["mapRunArn": .string(arn), "maxResults": 2])
            let page = try #require(children["executions"]?.arrayValue)
            #expect(page.count == 2)
            let rest = try await client.ok(
                "ListExecutions", ["mapRunArn": .string(arn), "maxResults": 2, "nextToken": children["nextToken"] ?? .null])
            let all = page + (rest["executions"]?.arrayValue ?? [])
            #expect(all.count == 3)
            #expect(all.allSatisfy { $0["mapRunArn"] == .string(arn) && $0["status"] == "SUCCEEDED" })
            #expect(all.allSatisfy { $0["stateMachineArn"] == .string("\(machine)/Each") })
            let childArn = try #require(all.first { $0["name"]?.stringValue?.hasSuffix("000000000002") == true }?["executionArn"]?.stringValue)
            #expect(childArn.hasPrefix("\(Definitions.prefix):execution:dm/Each:"))

            let child = try await client.ok("DescribeExecution", ["executionArn": .string(childArn)])
            #expect(child["status"] == "SUCCEEDED")
            #expect(child["input"] == "20")
            #expect(child["output"] == "20")
            #expect(child["mapRunArn"] == .string(arn))
            #expect(child["redriveStatus"] == "NOT_REDRIVABLE")
            let history = try await client.ok("GetExecutionHistory", ["executionArn": .string(childArn)])
            #expect(
                history["events"]?.arrayValue?.map { $0["type"]?.stringValue ?? "" } == [
                    "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
                ])
            #expect(history["events"]?[0]?["executionStartedEventDetails"]?["input"] == "20")
        }
    }

    @Test("UpdateMapRun raises MaxConcurrency of a running Map Run; StopExecution aborts the run and its running children")
    func updateAndStop() async throws {
        try await withService { service in
            let client = service.client
            let (execution, arn) = try await Self.holding(client, items: #"{"items": [1, 2, 3, 4, 5]}"#)
            var run = try await client.ok("DescribeMapRun", ["mapRunArn": .string(arn)])
            #expect(run["executionCounts"] == Self.counts(["running": 1, "pending": 4, "total": 5]))
            #expect(try await client.ok("UpdateMapRun", ["mapRunArn": .string(arn), "maxConcurrency": 3, "toleratedFailurePercentage": 20.5]) == [:])
            run = try await client.ok("DescribeMapRun", ["mapRunArn": .string(arn)])
            #expect((run["status"], run["maxConcurrency"], run["toleratedFailurePercentage"]) == ("RUNNING", 3, 20.5))
            #expect(run["executionCounts"] == Self.counts(["running": 3, "pending": 2, "total": 5]))
            #expect(run["stopDate"] == nil)

            _ = try await client.ok("StopExecution", ["executionArn": .string(execution)])
            run = try await client.ok("DescribeMapRun", ["mapRunArn": .string(arn)])
            #expect(run["status"] == "ABORTED")
            #expect(run["executionCounts"] == Self.counts(["aborted": 3, "pending": 2, "total": 5]))
            let aborted = try await client.ok("ListExecutions", ["mapRunArn": .string(arn), "statusFilter": "ABORTED"])
            #expect(aborted["executions"]?.arrayValue?.count == 3)
            let (status, body) = try await client.call("UpdateMapRun", ["mapRunArn": .string(arn), "maxConcurrency": 5])
            #expect(status == 400)
            #expect(awsError(body).type == "\(Self.model)ValidationException")
            #expect(body["reason"] == "CANNOT_UPDATE_COMPLETED_MAP_RUN")
        }
    }

    @Test(
        "Map Run actions answer AWS's errors",
        arguments: [
            ("DescribeMapRun", #"{"mapRunArn": "\#(APIMapRunTests.nope)"}"#, "ResourceNotFound"),
            ("DescribeMapRun", #"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:execution:dm:e"}"#, "InvalidArn"),
            ("DescribeMapRun", #"{"mapRunArn": "nope"}"#, "InvalidArn"),
            ("UpdateMapRun", #"{"mapRunArn": "\#(APIMapRunTests.nope)", "maxConcurrency": 1}"#, "ResourceNotFound"),
            ("UpdateMapRun", #"{"mapRunArn": "\#(APIMapRunTests.nope)", "maxConcurrency": -1}"#, "ValidationException"),
            ("UpdateMapRun", #"{"mapRunArn": "\#(APIMapRunTests.nope)", "toleratedFailurePercentage": 101}"#, "ValidationException"),
            ("UpdateMapRun", #"{"mapRunArn": "\#(APIMapRunTests.nope)", "toleratedFailureCount": -2}"#, "ValidationException"),
            ("ListMapRuns", #"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:dm:nope"}"#, "ExecutionDoesNotExist"),
            ("ListMapRuns", #"{"executionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:dm"}"#, "InvalidArn"),
            ("ListExecutions", #"{"mapRunArn": "\#(APIMapRunTests.nope)"}"#, "ResourceNotFound"),
            ("ListExecutions", #"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:stateMachine:dm"}"#, "InvalidArn"),
        ])
    func errors(action: String, request: String, code: String) async throws {
        try await withService { service in
            let (status, body) = try await service.client.call(action, try JSON(parsing: request))
            #expect(status == 400)
            #expect(awsError(body).type.hasSuffix("#\(code)"))
            if code == "ResourceNotFound" {
                #expect(awsError(body).message == "Resource not found: '\(try JSON(parsing: request)["mapRunArn"]?.stringValue ?? "")'")
                #expect(body["resourceName"] == (try JSON(parsing: request))["mapRunArn"])
            }
        }
    }

    @Test("UpdateMapRun with nothing to change is a ValidationException with reason MISSING_REQUIRED_PARAMETER")
    func nothingToUpdate() async throws {
        try await withService { service in
            let client = service.client
            let (execution, arn) = try await Self.holding(client, items: #"{"items": [1]}"#)
            let (status, body) = try await client.call("UpdateMapRun", ["mapRunArn": .string(arn)])
            #expect(status == 400)
            #expect(body["reason"] == "MISSING_REQUIRED_PARAMETER")
            _ = try await client.ok("StopExecution", ["executionArn": .string(execution)])
        }
    }

    @Test("The Map Run and its children survive a restart of the server")
    func restart() async throws {
        let first = try await TestService.start()
        let machine = try await first.client.createMachine("dm", Self.definition())
        let execution = try await first.client.start(machine, name: "e1", input: #"{"items": [1, 2]}"#)
        _ = try await first.client.finished(execution)
        let arn = try await Self.mapRunArn(first.client, execution)
        let before = try await first.client.ok("DescribeMapRun", ["mapRunArn": .string(arn)])
        try await first.stop()
        let second = try await TestService.start(directory: first.directory)
        #expect(try await second.client.ok("DescribeMapRun", ["mapRunArn": .string(arn)]) == before)
        let children = try await second.client.ok("ListExecutions", ["mapRunArn": .string(arn)])
        #expect(children["executions"]?.arrayValue?.count == 2)
        try await second.stop()
    }
}
