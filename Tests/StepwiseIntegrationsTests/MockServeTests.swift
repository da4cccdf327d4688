import Foundation
import JSON
import StepwiseTesting
import Testing

/// `stepwise serve` with SFN_MOCK_CONFIG and --resources: StartExecution with `stateMachineArn#TestCaseName`.
@Suite(.timeLimit(.minutes(3))) struct MockServeTests {
    /// Starts the server on a free port (with the fixture resources file unless `resources` is false); returns it
    /// and a client.
    func serve(resources: Bool = true) async throws -> (Process, ServeClient) {
        let directory = try TestSupport.temporaryDirectory()
        let file = ["--resources", ResourceSupport.folder.appendingPathComponent("resources.json").path]
        let server = try await TestSupport.serve(
            ["--db", directory.appendingPathComponent("s.db").path, "--virtual-time"] + (resources ? file : []),
            in: directory, environment: ["SFN_MOCK_CONFIG": MockSupport.fixtures.appendingPathComponent("MockConfigFile.json").path])
        return (server.process, ServeClient(server))
    }

    @Test func startExecutionRunsTheNamedTestCase() async throws {
        let (server, client) = try await serve()
        defer { server.terminate() }
        let machine = try await client.createStateMachine("Payment", MockSupport.payment)
        let (_, declined) = try await client.call("StartExecution", ["stateMachineArn": .string(machine + "#Declined"), "input": #"{"order": 7}"#])
        let first = try await client.finished(try #require(declined["executionArn"]?.stringValue))
        #expect(first["status"] == "SUCCEEDED")
        #expect(first["output"] == #"{"order":7,"failure":{"Error":"Payment.Declined","Cause":"card expired"}}"#)
        // Hybrid mocks Charge only: Ship runs with the resources file (a command that fails).
        let (_, hybrid) = try await client.call("StartExecution", ["stateMachineArn": .string(machine + "#Hybrid"), "name": "h1"])
        let second = try await client.finished(try #require(hybrid["executionArn"]?.stringValue))
        #expect(second["status"] == "FAILED")
        #expect(second["error"] == "ValidationError")
        let (status, unknown) = try await client.call("StartExecution", ["stateMachineArn": .string(machine + "#Nope")])
        #expect(status == 400)
        #expect(unknown["__type"] == "com.amazon.coral.validate#ValidationException")
        #expect(unknown["message"] == "1 validation error detected: state machine 'Payment' has no test case 'Nope' (it has: Declined, Hybrid)")
    }

    /// Issue 8, item 7 under `serve`: a state only test cases mock is reported when an execution whose test case
    /// does not mock it starts (not when it is reached), with every other Task nothing can run, in one
    /// ValidationException whose advice is what a server's user can do.
    @Test func aStateOnlyOtherTestCasesMockIsReportedAtStart() async throws {
        let (server, client) = try await serve(resources: false)
        defer { server.terminate() }
        let machine = try await client.createStateMachine("Payment", MockSupport.payment)
        let local =
            ", map the resource in a resources file (stepwise serve --resources FILE), or use an integration that runs locally "
            + "(the HTTP Task, activities, callbacks, nested executions and the local AWS services; docs/integrations.md)."
        let charge =
            "Nothing can run the Task resource 'arn:aws:states:::lambda:invoke' of state 'Charge': start the execution with a "
            + "test case that mocks the state (stateMachineArn#Declined or stateMachineArn#Hybrid)" + local
        let ship =
            "Nothing can run the Task resource 'arn:aws:states:::sqs:sendMessage' of state 'Ship': mock the state in a test case "
            + "of a mock config file (SFN_MOCK_CONFIG=FILE) and start the execution with stateMachineArn#TestCaseName" + local
        let (status, plain) = try await client.call("StartExecution", ["stateMachineArn": .string(machine), "name": "plain"])
        #expect(status == 400)
        #expect(plain["__type"] == "com.amazonaws.swf.service.v2.model#ValidationException")
        #expect(plain["message"] == .string(charge + "\n" + ship))
        let (hybridStatus, hybrid) = try await client.call("StartExecution", ["stateMachineArn": .string(machine + "#Hybrid"), "name": "h1"])
        #expect(hybridStatus == 400)
        #expect(hybrid["message"] == .string(ship))
        let (_, listed) = try await client.call("ListExecutions", ["stateMachineArn": .string(machine)])
        #expect(listed["executions"] == [])
    }
}
