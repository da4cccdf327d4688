import Foundation
import JSON
import StepFunctions
import Stepwise
import Synchronization
import Testing

@testable import StepwiseServer

/// The per-workflow job settings of `stepwise.json`: job ids from the input, cooperative cancels with a grace
/// period, and end notifications in the shape of EventBridge's execution status change events.
@Suite("REST jobs API: job settings", .serialized, .timeLimit(.minutes(1)))
struct JobSettingsTests {
    /// `coop` asks `check` until its job is flagged, then ends on its own; `ask` (its cancel workflow) flags it.
    static let workflows = [
        "named": Definitions.echo, "slow": Definitions.slow, "broken": Definitions.fail, "ended": Definitions.echo,
        "coop": """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:check", "Next": "Flagged?"},
          "Flagged?": {"Type": "Choice", "Choices": [{"Variable": "$.cancelled", "BooleanEquals": true, "Next": "WindDown"}], "Default": "Check"},
          "WindDown": {"Type": "Pass", "Result": {"status": "CANCELLED"}, "End": true}}}
        """,
        "ask":
            #"{"StartAt": "Flag", "States": {"Flag": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:flag", "End": true}}}"#,
    ]

    static let config = """
        {"workflows": {
          "named": {"jobIdMember": "jobId"},
          "coop": {"cancel": {"workflow": "ask", "gracePeriodSeconds": 30}},
          "slow": {"cancel": {"workflow": "ask", "gracePeriodSeconds": 0.3}, "onEnd": {"workflow": "ended", "statuses": ["ABORTED"]}},
          "broken": {"onEnd": {"workflow": "ended"}}}}
        """

    static func withJobs(_ body: (TestService) async throws -> Void) async throws {
        let flagged = Mutex<Set<String>>([])
        try await withService(
            workflows: workflows, config: config,
            configure: {
                $0.configureRuntime = { runtime in
                    runtime.register("arn:aws:lambda:us-east-1:123456789012:function:flag") { input, _ in
                        _ = flagged.withLock { $0.insert(input["jobId"]?.stringValue ?? "") }
                        return input
                    }
                    runtime.register("arn:aws:lambda:us-east-1:123456789012:function:check") { _, context in
                        try await context.sleep(seconds: 0.01)
                        return ["cancelled": .bool(flagged.withLock { $0.contains(context.executionName) })]
                    }
                }
            },
            { try await body($0) }
        )
    }

    @Test("jobIdMember: the job id and the input's member agree, whichever of them is given; different ones are a 400")
    func jobIdFromInput() async throws {
        try await Self.withJobs { service in
            let client = service.client
            let (status, job) = try await client.send("POST", "/named/jobs", body: #"{"jobId": "j-7", "x": 1}"#)
            #expect(status == 201)
            #expect(job["id"] == "j-7")
            let (_, named) = try await client.send("POST", "/named/jobs?name=j-8", body: #"{"x": 1}"#)
            #expect(named["input"] == ["x": 1, "jobId": "j-8"])
            let (_, fresh) = try await client.send("POST", "/named/jobs", body: #"{"x": 2}"#)
            #expect(fresh["input"]?["jobId"] == fresh["id"])
            let (clash, error) = try await client.send("POST", "/named/jobs?name=a", body: #"{"jobId": "b"}"#)
            #expect(clash == 400)
            #expect(error["message"] == "The job id 'a' and the input's jobId 'b' differ")
            #expect(try await client.send("POST", "/named/jobs", body: "[1]").status == 400)
            #expect(try await client.send("POST", "/named/jobs", body: #"{"jobId": 5}"#).status == 400)
        }
    }

    @Test("A cancel setting asks the job to stop (202) and the job ends on its own within the grace period")
    func cooperativeCancel() async throws {
        try await Self.withJobs { service in
            let client = service.client
            _ = try await client.send("POST", "/coop/jobs?name=c1")
            let (status, job) = try await client.send("POST", "/jobs/c1/cancel")
            #expect(status == 202)
            #expect(job["status"] == "RUNNING")
            let done = try await client.job("c1") { $0["status"] != "RUNNING" }
            #expect(done["status"] == "CANCELLED", "a job that wound down after a cancel request reads CANCELLED")
            #expect(done["output"] == ["status": "CANCELLED"])
        }
    }

    @Test("A job that does not end within the grace period is stopped; onEnd gets the status change event")
    func gracePeriodThenStop() async throws {
        try await Self.withJobs { service in
            let client = service.client
            _ = try await client.send("POST", "/slow/jobs?name=s1", body: #"{"n": 1}"#)
            let (status, _) = try await client.send("POST", "/jobs/s1/cancel")
            #expect(status == 202)
            let stopped = try await client.job("s1") { $0["status"] != "RUNNING" }
            #expect(stopped["status"] == "CANCELLED")
            #expect(stopped["error"] == "Jobs.CancelGracePeriodElapsed")
            let event = try await Self.endEvent(client, for: "s1")
            #expect(event["detail-type"] == "Step Functions Execution Status Change")
            #expect(event["source"] == "aws.states")
            #expect(event["resources"] == [.string(Definitions.executionArn("slow", "s1"))])
            #expect(event["detail"]?["status"] == "ABORTED")
            #expect(event["detail"]?["input"] == #"{"n":1}"#)
            #expect(event["detail"]?["error"] == "Jobs.CancelGracePeriodElapsed")
            #expect(event["detail"]?["stopDate"]?.intValue != nil)
        }
    }

    @Test("onEnd without statuses hears of FAILED, TIMED_OUT and ABORTED endings")
    func failedJobIsReported() async throws {
        try await Self.withJobs { service in
            _ = try await service.client.send("POST", "/broken/jobs?name=b1")
            let event = try await Self.endEvent(service.client, for: "b1")
            #expect(event["detail"]?["status"] == "FAILED")
            #expect(event["detail"]?["error"] == "Oops")
            #expect(event["detail"]?["cause"] == "it broke")
            #expect(event["detail"]?["output"] == .null)
        }
    }

    @Test("Settings are checked at start: unknown names, bad values and workflows that do not exist")
    func invalidSettings() async throws {
        let cases = [
            (#"{"workflows": {"slow": {"maxConcurency": 2}}}"#, "unknown setting 'maxConcurency'"),
            (#"{"workflows": {"slow": {"cancel": {"workflow": "nope"}}}}"#, "names the workflow 'nope', which has no nope.asl.json"),
            (#"{"workflows": {"slow": {"cancel": {"workflow": "slow", "gracePeriodSeconds": -1}}}}"#, "gracePeriodSeconds must be a number ≥ 0"),
            (
                #"{"workflows": {"slow": {"onEnd": {"workflow": "slow", "statuses": ["DONE"]}}}}"#,
                "statuses must list some of ABORTED, FAILED, SUCCEEDED, TIMED_OUT"
            ),
        ]
        for (config, message) in cases {
            do {
                let service = try await TestService.start(workflows: ["slow": Definitions.slow], config: config)
                try await service.stop()
                Issue.record("\(config) was accepted")
            } catch let error as ServeError {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }

    /// The input of the `ended` execution started for job `id`.
    static func endEvent(_ client: APIClient, for id: String) async throws -> JSON {
        for _ in 0..<500 {
            let list = try await client.ok("ListExecutions", ["stateMachineArn": .string(Definitions.machineArn("ended"))])
            for summary in list["executions"]?.arrayValue ?? [] {
                let described = try await client.ok("DescribeExecution", ["executionArn": summary["executionArn"] ?? .null])
                let event = try JSON(parsing: described["input"]?.stringValue ?? "{}")
                if event["detail"]?["name"] == .string(id) { return event }
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ClientError(description: "no end event for \(id)")
    }
}
