import Foundation
import JSON
import StepwiseTesting

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The AWS JSON API of a `stepwise serve` child process, as the integration tests call it.
struct ServeClient {
    let base: String

    init(_ server: ServeProcess) { base = server.baseURL }

    init(base: String) { self.base = base }

    /// POSTs one action; answers the status and the JSON body.
    func call(_ action: String, _ body: JSON) async throws -> (Int, JSON) {
        var request = URLRequest(url: URL(string: base)!)
        request.httpMethod = "POST"
        request.setValue("AWSStepFunctions.\(action)", forHTTPHeaderField: "X-Amz-Target")
        request.setValue("application/x-amz-json-1.0", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.serialized().utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try JSON(parsing: String(decoding: data, as: UTF8.self)))
    }

    /// Creates a state machine; answers its ARN.
    func createStateMachine(_ name: String, _ definition: String) async throws -> String {
        let (_, created) = try await call(
            "CreateStateMachine",
            [
                "name": .string(name), "definition": .string(definition), "roleArn": "arn:aws:iam::123456789012:role/r",
            ])
        return created["stateMachineArn"]?.stringValue ?? ""
    }

    /// Starts an execution; answers its ARN ("" when the start was refused).
    func startExecution(_ machine: String, name: String, input: String) async throws -> String {
        let (_, started) = try await call("StartExecution", ["stateMachineArn": .string(machine), "name": .string(name), "input": .string(input)])
        return started["executionArn"]?.stringValue ?? ""
    }

    /// The types of the execution's history events.
    func eventTypes(_ arn: String) async throws -> [String] {
        let (_, history) = try await call("GetExecutionHistory", ["executionArn": .string(arn)])
        return history["events"]?.arrayValue?.map { $0["type"]?.stringValue ?? "" } ?? []
    }

    /// Waits (up to `seconds`) for the execution to record an event of `type`.
    func waitFor(_ type: String, in arn: String, seconds: Double = 20) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await eventTypes(arn).contains(type) { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Waits (up to `seconds`) for the execution to end; answers its description (the last one seen).
    func finished(_ arn: String, seconds: Double = 20) async throws -> JSON {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let (_, description) = try await call("DescribeExecution", ["executionArn": .string(arn)])
            if description["status"] != "RUNNING" || Date() >= deadline { return description }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
