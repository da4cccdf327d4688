import Foundation
import JSON
import StepwiseServer
import StepwiseTesting
import Testing

@Suite("Activities over the AWS JSON API", .timeLimit(.minutes(3)))
struct ActivityAPITests {
    static let model = "com.amazonaws.swf.service.v2.model#"

    static func machine(_ activityArn: String) -> String {
        #"{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"\#(activityArn)","End":true}}}"#
    }

    @Test("CreateActivity is idempotent; Describe, List and Delete work; a missing activity is ActivityDoesNotExist")
    func lifecycle() async throws {
        try await withService { service in
            let client = service.client
            let created = try await client.ok("CreateActivity", ["name": "review"])
            let arn = try #require(created["activityArn"]?.stringValue)
            #expect(arn == "\(Definitions.prefix):activity:review")
            #expect(try await client.ok("CreateActivity", ["name": "review"])["activityArn"] == .string(arn))
            let described = try await client.ok("DescribeActivity", ["activityArn": .string(arn)])
            #expect(described["name"] == "review")
            #expect(described["creationDate"] == created["creationDate"])
            _ = try await client.ok("CreateActivity", ["name": "approve"])
            let listed = try await client.ok("ListActivities", ["maxResults": 1])
            #expect(listed["activities"]?.arrayValue?.map { $0["name"] } == ["approve"])
            let rest = try await client.ok("ListActivities", ["nextToken": listed["nextToken"] ?? .null])
            #expect(rest["activities"]?.arrayValue?.map { $0["name"] } == ["review"])
            #expect(try await client.ok("DeleteActivity", ["activityArn": .string(arn)]) == [:])
            let (status, missing) = try await client.call("DescribeActivity", ["activityArn": .string(arn)])
            #expect(status == 400)
            #expect(awsError(missing) == ("\(Self.model)ActivityDoesNotExist", "Activity Does Not Exist: '\(arn)'"))
            let (_, badName) = try await client.call("CreateActivity", ["name": "a b"])
            #expect(awsError(badName).type == "\(Self.model)InvalidName")
        }
    }

    @Test("A worker polls, gets the token and input, and SendTaskSuccess completes the execution with Activity events")
    func workerFlow() async throws {
        try await withService { service in
            let client = service.client
            let activity = try await client.ok("CreateActivity", ["name": "review"])["activityArn"]?.stringValue ?? ""
            let arn = try await client.start(try await client.createMachine("reviews", Self.machine(activity)), name: "r1", input: #"{"doc":1}"#)
            let task = try await client.ok("GetActivityTask", ["activityArn": .string(activity), "workerName": "w-1"])
            #expect(task["input"] == #"{"doc":1}"#)
            #expect(task["taskToken"] == .string("\(arn)#1"))
            _ = try await client.ok("SendTaskSuccess", ["taskToken": task["taskToken"] ?? .null, "output": #"{"ok":1}"#])
            #expect(try await client.finished(arn)["output"] == #"{"ok":1}"#)
            let events = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn)])["events"]?.arrayValue ?? []
            #expect(
                events.map { $0["type"]?.stringValue ?? "" } == [
                    "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited",
                    "ExecutionSucceeded",
                ])
            #expect(events[3]["activityStartedEventDetails"] == ["workerName": "w-1"])
        }
    }

    @Test("Hundreds of long polls wait at once while other requests are answered; an empty poll answers {}", .realTime)
    func manyPollers() async throws {
        try await withService { service in
            // The polls must all be waiting before the first one times out: the deadline for that is well inside
            // the poll time-out, so a slow machine fails the expectation instead of waiting forever (8 s of 10: beside
            // the whole suite 200 connections can take more than 3 s to be accepted and parsed).
            service.stepFunctions.integrations.activityPollTimeout = .seconds(10)
            let activity = try await service.client.ok("CreateActivity", ["name": "busy"])["activityArn"]?.stringValue ?? ""
            let port = await service.host.port
            try await withThrowingTaskGroup(of: JSON.self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        try await APIClient(port: port, readTimeoutSeconds: 30).ok("GetActivityTask", ["activityArn": .string(activity)])
                    }
                }
                let deadline = ContinuousClock.now + .seconds(8)
                var waiting = 0
                while waiting < 200, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(10))
                    waiting = await service.stepFunctions.integrations.broker.pollerCount(activity)
                }
                try #require(waiting == 200, "only \(waiting) polls were waiting after 8 s")
                let start = ContinuousClock.now
                _ = try await service.client.ok("ListActivities")
                #expect(ContinuousClock.now - start < .milliseconds(500))
                for try await answer in group { #expect(answer == [:]) }
            }
        }
    }
}
