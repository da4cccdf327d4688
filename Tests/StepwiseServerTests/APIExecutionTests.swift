import Foundation
import JSON
import Testing

@testable import StepwiseServer

@Suite("AWS API: executions", .serialized, .timeLimit(.minutes(1)))
struct APIExecutionTests {
    static let model = "com.amazonaws.swf.service.v2.model#"

    @Test("StartExecution runs to the end; DescribeExecution shows input, output, status and dates")
    func startAndDescribe() async throws {
        try await withService { service in
            let client = service.client
            let machine = try await client.createMachine("m")
            let arn = try await client.start(machine, name: "run-1", input: #"{"a":1}"#)
            #expect(arn == Definitions.executionArn("m", "run-1"))
            let description = try await client.finished(arn)
            #expect(description["status"] == "SUCCEEDED")
            #expect(description["input"] == #"{"a":1}"#)
            #expect(description["output"] == #"{"done":true}"#)
            #expect(description["stateMachineArn"] == .string(machine))
            #expect(description["name"] == "run-1")
            let start = try #require(description["startDate"]?.doubleValue)
            let stop = try #require(description["stopDate"]?.doubleValue)
            #expect(stop >= start)
        }
    }

    @Test("StartExecution is idempotent by name and input while running; another input is ExecutionAlreadyExists")
    func idempotentStart() async throws {
        try await withService { service in
            let client = service.client
            let machine = try await client.createMachine("slow", Definitions.slow)
            let members: JSON = ["stateMachineArn": .string(machine), "name": "job", "input": #"{"x":1}"#]
            let first = try await client.ok("StartExecution", members)
            let second = try await client.ok("StartExecution", members)
            #expect(first == second)
            let (status, body) = try await client.call(
                "StartExecution", ["stateMachineArn": .string(machine), "name": "job", "input": #"{"x":2}"#])
            #expect(status == 400)
            #expect(
                awsError(body) == (
                    "\(Self.model)ExecutionAlreadyExists",
                    "Execution Already Exists: '\(Definitions.executionArn("slow", "job"))'"
                ))
        }
    }

    @Test(
        "StartExecution refuses bad input, bad names, unknown machines and malformed ARNs",
        arguments: [
            (
                #"{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:m","input":"{nope"}"#,
                "\(model)InvalidExecutionInput", "Invalid State Machine Execution Input: '"
            ),
            (
                #"{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:m","name":"a/b"}"#,
                "\(model)InvalidName", "Invalid Name: 'a/b'"
            ),
            (
                #"{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:missing"}"#,
                "\(model)StateMachineDoesNotExist", "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:missing'"
            ),
            (
                #"{"stateMachineArn":"arn:aws:states:us-east-1:123456789012"}"#,
                "\(model)InvalidArn", "Invalid Arn: 'Invalid ARN prefix: arn:aws:states:us-east-1:123456789012'"
            ),
            (
                #"{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:m","name":""}"#,
                "com.amazon.coral.validate#ValidationException",
                "1 validation error detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"
            ),
        ])
    func startErrors(body: String, type: String, messagePrefix: String) async throws {
        try await withService { service in
            try await service.client.createMachine("m")
            let (status, response) = try await service.client.send(
                "POST", "/", body: body, headers: ["X-Amz-Target: AWSStepFunctions.StartExecution"])
            #expect(status == 400)
            #expect(awsError(response).type == type)
            #expect(awsError(response).message.hasPrefix(messagePrefix))
        }
    }

    @Test("StopExecution aborts a running execution with its error and cause; the stop is visible at once")
    func stop() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.start(try await client.createMachine("slow", Definitions.slow), name: "s")
            let stopped = try await client.ok("StopExecution", ["executionArn": .string(arn), "error": "Halt", "cause": "by test"])
            let description = try await client.ok("DescribeExecution", ["executionArn": .string(arn)])
            #expect(description["status"] == "ABORTED")
            #expect(description["error"] == "Halt")
            #expect(description["cause"] == "by test")
            #expect(description["stopDate"] == stopped["stopDate"])
            let history = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn), "reverseOrder": true, "maxResults": 1])
            #expect(history["events"]?[0]?["type"] == "ExecutionAborted")
            let (status, body) = try await client.call("StopExecution", ["executionArn": .string(Definitions.executionArn("slow", "nope"))])
            #expect(status == 400)
            #expect(
                awsError(body) == (
                    "\(Self.model)ExecutionDoesNotExist",
                    "Execution Does Not Exist: '\(Definitions.executionArn("slow", "nope"))'"
                ))
        }
    }

    @Test("ListExecutions lists newest first, filters by status and pages")
    func list() async throws {
        try await withService { service in
            let client = service.client
            let slow = try await client.createMachine("slow", Definitions.slow)
            for name in ["e1", "e2", "e3"] { _ = try await client.start(slow, name: name) }
            _ = try await client.ok("StopExecution", ["executionArn": .string(Definitions.executionArn("slow", "e2"))])
            let all = try await client.ok("ListExecutions", ["stateMachineArn": .string(slow), "maxResults": 2])
            #expect(all["executions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["e3", "e2"])
            let rest = try await client.ok(
                "ListExecutions", ["stateMachineArn": .string(slow), "maxResults": 2, "nextToken": all["nextToken"] ?? nil])
            #expect(rest["executions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["e1"])
            let aborted = try await client.ok("ListExecutions", ["stateMachineArn": .string(slow), "statusFilter": "ABORTED"])
            #expect(aborted["executions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["e2"])
            #expect(aborted["executions"]?[0]?["status"] == "ABORTED")
            let (_, unknown) = try await client.call("ListExecutions", ["stateMachineArn": .string(Definitions.machineArn("none"))])
            #expect(awsError(unknown).type == "\(Self.model)StateMachineDoesNotExist")
        }
    }

    @Test("GetExecutionHistory pages forwards and backwards, and leaves out data when asked")
    func history() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.start(try await client.createMachine("m"), name: "h", input: #"{"secret":1}"#)
            _ = try await client.finished(arn)
            let all = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn)])
            let types = all["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue }
            #expect(types == ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"])
            let page1 = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn), "maxResults": 3])
            #expect(page1["events"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [1, 2, 3])
            let page2 = try await client.ok(
                "GetExecutionHistory", ["executionArn": .string(arn), "maxResults": 3, "nextToken": page1["nextToken"] ?? nil])
            #expect(page2["events"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [4])
            #expect(page2["nextToken"] == nil)
            let reversed = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn), "reverseOrder": true, "maxResults": 2])
            #expect(reversed["events"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [4, 3])
            let bare = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn), "includeExecutionData": false])
            #expect(bare["events"]?[0]?["executionStartedEventDetails"]?["input"] == nil)
            #expect(all["events"]?[0]?["executionStartedEventDetails"]?["input"] == #"{"secret":1}"#)
            let (_, token) = try await client.call(
                "GetExecutionHistory", ["executionArn": .string(arn), "nextToken": page1["nextToken"] ?? nil, "reverseOrder": true])
            #expect(awsError(token).type == "\(Self.model)InvalidToken")
        }
    }

    @Test("StartExecution of an EXPRESS machine: an express ARN each time, names reusable, nothing to describe or list")
    func expressStart() async throws {
        try await withService { service in
            let client = service.client
            let express = try await client.createMachine("quick", Definitions.slow, type: "EXPRESS")
            let first = try await client.start(express, name: "e1")
            let second = try await client.start(express, name: "e1")
            #expect(first.hasPrefix("\(Definitions.prefix):express:quick:e1:"))
            #expect(second.hasPrefix("\(Definitions.prefix):express:quick:e1:"))
            #expect(first != second)
            let refused = ("\(Self.model)InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'")
            for action in ["DescribeExecution", "GetExecutionHistory", "StopExecution"] {
                let (status, body) = try await client.call(action, ["executionArn": .string(first)])
                #expect(status == 400, "\(action)")
                #expect(awsError(body) == refused, "\(action)")
            }
            let (status, body) = try await client.call("ListExecutions", ["stateMachineArn": .string(express)])
            #expect(status == 400)
            #expect(awsError(body).type == "\(Self.model)StateMachineTypeNotSupported")
        }
    }

    @Test("StartSyncExecution runs an EXPRESS machine to its end and refuses a STANDARD one")
    func sync() async throws {
        try await withService { service in
            let client = service.client
            let express = try await client.createMachine("quick", Definitions.fail, type: "EXPRESS")
            let result = try await client.ok("StartSyncExecution", ["stateMachineArn": .string(express), "name": "s1", "input": "{}"])
            #expect(result["status"] == "FAILED")
            #expect(result["error"] == "Oops")
            #expect(result["cause"] == "it broke")
            #expect(result["executionArn"]?.stringValue?.hasPrefix("\(Definitions.prefix):express:quick:s1:") == true)
            let standard = try await client.createMachine("std")
            let (status, body) = try await client.call("StartSyncExecution", ["stateMachineArn": .string(standard)])
            #expect(status == 400)
            #expect(
                awsError(body) == (
                    "\(Self.model)StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine"
                ))
        }
    }
}
