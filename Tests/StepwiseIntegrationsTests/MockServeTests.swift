import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JSON
import StepwiseTesting
import Testing

/// `stepwise serve` with SFN_MOCK_CONFIG and --resources: StartExecution with `stateMachineArn#TestCaseName`.
@Suite(.timeLimit(.minutes(3))) struct MockServeTests {
    /// Starts the server on a free port; returns it and its base URL.
    func serve() async throws -> (Process, String) {
        let directory = try TestSupport.temporaryDirectory()
        let server = try await TestSupport.serve(
            ["--db", directory.appendingPathComponent("s.db").path, "--virtual-time",
             "--resources", ResourceSupport.folder.appendingPathComponent("resources.json").path],
            in: directory, environment: ["SFN_MOCK_CONFIG": MockSupport.fixtures.appendingPathComponent("MockConfigFile.json").path])
        return (server.process, server.baseURL)
    }

    func call(_ base: String, _ action: String, _ body: JSON) async throws -> (Int, JSON) {
        var request = URLRequest(url: URL(string: base)!)
        request.httpMethod = "POST"
        request.setValue("AWSStepFunctions.\(action)", forHTTPHeaderField: "X-Amz-Target")
        request.setValue("application/x-amz-json-1.0", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.serialized().utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try JSON(parsing: String(decoding: data, as: UTF8.self)))
    }

    func finished(_ base: String, _ arn: String) async throws -> JSON {
        for _ in 0..<200 {
            let (_, description) = try await call(base, "DescribeExecution", ["executionArn": .string(arn)])
            if description["status"] != "RUNNING" { return description }
            try await Task.sleep(for: .milliseconds(20))
        }
        return [:]
    }

    @Test func startExecutionRunsTheNamedTestCase() async throws {
        let (server, base) = try await serve()
        defer { server.terminate() }
        let (_, created) = try await call(base, "CreateStateMachine", [
            "name": "Payment", "definition": .string(MockSupport.payment), "roleArn": "arn:aws:iam::123456789012:role/r",
        ])
        let machine = try #require(created["stateMachineArn"]?.stringValue)
        let (_, declined) = try await call(base, "StartExecution", ["stateMachineArn": .string(machine + "#Declined"), "input": #"{"order": 7}"#])
        let first = try await finished(base, try #require(declined["executionArn"]?.stringValue))
        #expect(first["status"] == "SUCCEEDED")
        #expect(first["output"] == #"{"order":7,"failure":{"Error":"Payment.Declined","Cause":"card expired"}}"#)
        // Hybrid mocks Charge only: Ship runs with the resources file (a command that fails).
        let (_, hybrid) = try await call(base, "StartExecution", ["stateMachineArn": .string(machine + "#Hybrid"), "name": "h1"])
        let second = try await finished(base, try #require(hybrid["executionArn"]?.stringValue))
        #expect(second["status"] == "FAILED")
        #expect(second["error"] == "ValidationError")
        let (status, unknown) = try await call(base, "StartExecution", ["stateMachineArn": .string(machine + "#Nope")])
        #expect(status == 400)
        #expect(unknown["__type"] == "com.amazon.coral.validate#ValidationException")
        #expect(unknown["message"] == "1 validation error detected: state machine 'Payment' has no test case 'Nope' (it has: Declined, Hybrid)")
    }
}
