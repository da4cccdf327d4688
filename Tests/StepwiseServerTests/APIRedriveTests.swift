import Foundation
import JSON
import Testing

@testable import StepFunctions
@testable import StepwiseServer
@testable import StepwiseStore

/// RedriveExecution over the AWS JSON API, with DescribeExecution's and ListExecutions' redrive members.
@Suite("AWS API: RedriveExecution", .serialized, .timeLimit(.minutes(1)))
struct APIRedriveTests {
    static let model = "com.amazonaws.swf.service.v2.model#"
    /// Fails in `Flaky` until the execution is redriven, then succeeds with the redrive count.
    static let flaky = """
        {"QueryLanguage":"JSONata","StartAt":"Prep","States":{"Prep":{"Type":"Pass","Output":{"n":1},"Next":"Flaky"},
         "Flaky":{"Type":"Pass","End":true,
          "Output":"{% $states.context.Execution.RedriveCount = 0 ? $error('first attempt') : {'n': $states.input.n, 'redrives': $states.context.Execution.RedriveCount} %}"}}}
        """

    @Test("A failed execution is redriven: redriveDate, then the history goes on and DescribeExecution shows the redrive")
    func redrive() async throws {
        try await withService { service in
            let client = service.client
            let machine = try await client.createMachine("flaky", Self.flaky)
            let arn = try await client.start(machine, name: "run")
            let failed = try await client.finished(arn)
            #expect(failed["status"] == "FAILED")
            #expect(failed["redriveCount"] == 0)
            #expect(failed["redriveStatus"] == "REDRIVABLE")
            #expect(failed["redriveStatusReason"] == nil)
            #expect(failed["redriveDate"] == nil)
            let answer = try await client.ok("RedriveExecution", ["executionArn": .string(arn), "clientToken": "token-1"])
            #expect(answer.objectValue?.keys.sorted() == ["redriveDate"])
            let redriveDate = try #require(answer["redriveDate"]?.doubleValue)
            // The same client token answers the same redrive and redrives nothing more.
            #expect(try await client.ok("RedriveExecution", ["executionArn": .string(arn), "clientToken": "token-1"]) == answer)
            let done = try await client.finished(arn)
            #expect(done["status"] == "SUCCEEDED")
            #expect(done["output"] == #"{"n":1,"redrives":1}"#)
            #expect(done["redriveCount"] == 1)
            #expect(done["redriveDate"]?.doubleValue == redriveDate)
            #expect(done["redriveStatus"] == "NOT_REDRIVABLE")
            #expect(done["redriveStatusReason"] == "Execution is SUCCEEDED and cannot be redriven")
            let history = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn)])
            let events = history["events"]?.arrayValue ?? []
            #expect(
                events.map { $0["type"]?.stringValue ?? "" } == [
                    "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "EvaluationFailed", "ExecutionFailed",
                    "ExecutionRedriven", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
                ])
            #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...10))
            #expect(events[6]["executionRedrivenEventDetails"] == ["redriveCount": 1])
            #expect(events[6]["previousEventId"] == 6)
            #expect(events[6]["timestamp"]?.doubleValue == redriveDate)
            #expect(events[7]["stateEnteredEventDetails"]?["input"] == #"{"n":1}"#)
            // Succeeded now: refused with the reason DescribeExecution gives.
            let (status, body) = try await client.call("RedriveExecution", ["executionArn": .string(arn)])
            #expect(status == 400)
            #expect(awsError(body) == ("\(Self.model)ExecutionNotRedrivable", "Execution is SUCCEEDED and cannot be redriven"))
        }
    }

    @Test("ListExecutions filters by redriveFilter and shows each execution's redriveCount and redriveDate")
    func listing() async throws {
        try await withService { service in
            let client = service.client
            let machine = try await client.createMachine("flaky", Self.flaky)
            let redriven = try await client.start(machine, name: "redriven")
            _ = try await client.finished(redriven)
            let plain = try await client.start(machine, name: "plain")
            _ = try await client.finished(plain)
            let date = try await client.ok("RedriveExecution", ["executionArn": .string(redriven)])["redriveDate"]
            _ = try await client.finished(redriven)
            func names(_ filter: String?) async throws -> [String] {
                var members: JSONObject = ["stateMachineArn": .string(machine)]
                if let filter { members["redriveFilter"] = .string(filter) }
                return try await client.ok("ListExecutions", .object(members))["executions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            }
            #expect(try await names("REDRIVEN") == ["redriven"])
            #expect(try await names("NOT_REDRIVEN") == ["plain"])
            #expect(Set(try await names(nil)) == ["redriven", "plain"])
            let items = try await client.ok("ListExecutions", ["stateMachineArn": .string(machine)])["executions"]?.arrayValue ?? []
            let byName = Dictionary(uniqueKeysWithValues: items.map { ($0["name"]?.stringValue ?? "", $0) })
            #expect(byName["redriven"]?["redriveCount"] == 1)
            #expect(byName["redriven"]?["redriveDate"] == date)
            #expect(byName["plain"]?["redriveCount"] == 0)
            #expect(byName["plain"]?["redriveDate"] == nil)
            let (status, body) = try await client.call("ListExecutions", ["stateMachineArn": .string(machine), "redriveFilter": "SOME"])
            #expect(status == 400)
            #expect(awsError(body).type == "com.amazon.coral.validate#ValidationException")
        }
    }

    @Test("Refusals: a running execution, an unknown one, a malformed ARN, an EXPRESS machine's execution")
    func refusals() async throws {
        try await withService { service in
            let client = service.client
            let slow = try await client.createMachine("slow", Definitions.slow)
            let running = try await client.start(slow, name: "running")
            let described = try await client.ok("DescribeExecution", ["executionArn": .string(running)])
            #expect(described["redriveStatus"] == "NOT_REDRIVABLE")
            #expect(described["redriveStatusReason"] == "Execution is RUNNING and cannot be redriven")
            var (status, body) = try await client.call("RedriveExecution", ["executionArn": .string(running)])
            #expect(status == 400)
            #expect(awsError(body) == ("\(Self.model)ExecutionNotRedrivable", "Execution is RUNNING and cannot be redriven"))
            let missing = Definitions.executionArn("slow", "missing")
            (status, body) = try await client.call("RedriveExecution", ["executionArn": .string(missing)])
            #expect(awsError(body) == ("\(Self.model)ExecutionDoesNotExist", "Execution Does Not Exist: '\(missing)'"))
            (status, body) = try await client.call("RedriveExecution", ["executionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:slow"])
            #expect(awsError(body) == ("\(Self.model)InvalidArn", "Invalid Arn: 'Resource type not valid in this context: stateMachine'"))
            (status, body) = try await client.call("RedriveExecution", [:])
            #expect(awsError(body).type == "com.amazon.coral.validate#ValidationException")
            (status, body) = try await client.call("RedriveExecution", ["executionArn": .string(running), "clientToken": ""])
            #expect(awsError(body).type == "com.amazon.coral.validate#ValidationException")
            let aborted = try await client.ok("StopExecution", ["executionArn": .string(running)])
            #expect(aborted["stopDate"] != nil)
            #expect(try await client.ok("DescribeExecution", ["executionArn": .string(running)])["redriveStatus"] == "REDRIVABLE")
            _ = try await client.ok("RedriveExecution", ["executionArn": .string(running)])
            let again = try await client.ok("DescribeExecution", ["executionArn": .string(running)])
            #expect(again["status"] == "RUNNING")
            #expect(again["redriveCount"] == 1)
            #expect(again["stopDate"] == nil)
        }
    }

    @Test("The reasons an execution cannot be redriven, in AWS's words, in AWS's order of checks")
    func reasons() throws {
        let now = Date(timeIntervalSince1970: 100 * 86_400)
        var record = ExecutionRecord(
            arn: Definitions.executionArn("m", "r"), name: "r", stateMachineArn: Definitions.machineArn("m"), definition: "{}",
            status: .failed, input: "{}", startDate: now.addingTimeInterval(-3_600), stopDate: now.addingTimeInterval(-60), eventCount: 10)
        #expect(StepFunctionsService.redriveRefusal(record, machine: nil, now: now) == nil)
        record.eventCount = 24_999
        #expect(StepFunctionsService.redriveRefusal(record, machine: nil, now: now) == "Execution history event limit exceeded")
        record.stopDate = now.addingTimeInterval(-14 * 86_400 - 1)
        #expect(StepFunctionsService.redriveRefusal(record, machine: nil, now: now) == "Execution redrivable period exceeded")
        record.startDate = now.addingTimeInterval(-366 * 86_400)
        #expect(StepFunctionsService.redriveRefusal(record, machine: nil, now: now) == "Execution has exceeded the max execution time")
        for status in [ExecutionRecord.Status.running, .succeeded] {
            record.status = status
            #expect(
                StepFunctionsService.redriveRefusal(record, machine: nil, now: now) == "Execution is \(status.rawValue) and cannot be redriven")
        }
        var machine = StateMachineRecord(
            name: "m", arn: Definitions.machineArn("m"), definition: "{}", roleArn: Definitions.role, revisionId: "r1", creationDate: now)
        machine.status = .deleting
        #expect(StepFunctionsService.redriveRefusal(record, machine: machine, now: now) == "State machine is in DELETING status")
    }
}
