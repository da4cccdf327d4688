import Foundation
import JSON
import StepFunctions
import Testing

@testable import StepwiseServer

@Suite("stepwise serve: workflows directory and restarts", .serialized, .timeLimit(.minutes(1)))
struct APIServeTests {
    @Test("--workflows registers NAME.asl.json as NAME, and a changed file updates it at the next start")
    func workflowsDirectory() async throws {
        let first = try await TestService.start(workflows: ["hello": Definitions.pass])
        let arn = Definitions.machineArn("hello")
        let before = try await first.client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])
        #expect(before["definition"] == .string(Definitions.pass))
        try await first.stop()

        let unchanged = try await TestService.start(workflows: ["hello": Definitions.pass], directory: first.directory)
        #expect(try await unchanged.client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])["revisionId"] == before["revisionId"])
        try await unchanged.stop()

        let changed = try await TestService.start(workflows: ["hello": Definitions.echo], directory: first.directory)
        let after = try await changed.client.ok("DescribeStateMachine", ["stateMachineArn": .string(arn)])
        #expect(after["definition"] == .string(Definitions.echo))
        #expect(after["revisionId"] != before["revisionId"])
        try await changed.stop()
    }

    @Test("An invalid workflow file stops the start with the file's name and AWS's message")
    func invalidWorkflow() async throws {
        await #expect(throws: ServeError.self) {
            try await TestService.start(workflows: ["bad": "{}"])
        }
        do {
            _ = try await TestService.start(workflows: ["bad": "{}"])
        } catch let error as ServeError {
            #expect(
                error.message
                    == "bad.asl.json: Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /'"
            )
        }
    }

    @Test("A running execution survives a restart and can be stopped by the new process")
    func resumeAfterRestart() async throws {
        let first = try await TestService.start(workflows: ["slow": Definitions.slow])
        let arn = try await first.client.start(Definitions.machineArn("slow"), name: "long")
        try await first.stop()
        let second = try await TestService.start(workflows: ["slow": Definitions.slow], directory: first.directory)
        do {
            #expect(try await second.client.ok("DescribeExecution", ["executionArn": .string(arn)])["status"] == "RUNNING")
            _ = try await second.client.ok("StopExecution", ["executionArn": .string(arn)])
            #expect(try await second.client.ok("DescribeExecution", ["executionArn": .string(arn)])["status"] == "ABORTED")
            try await second.stop()
        } catch {
            try? await second.stop()
            throw error
        }
    }
}
