import Foundation
import JSON
import StepwiseTesting
import Testing

/// `stepwise run` with --mock-config, --test-case, --state-machine-name and --resources.
@Suite(.timeLimit(.minutes(3))) struct MockCLITests {
    let config = MockSupport.fixtures.appendingPathComponent("MockConfigFile.json").path
    let resources = ResourceSupport.folder.appendingPathComponent("resources.json").path

    func file(_ text: String, name: String) throws -> String {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func runsATestCaseOfTheMachineNamedAfterTheFile() async throws {
        let path = try file(MockSupport.fetcher, name: "Fetcher.asl.json")
        let result = await TestSupport.cli("run", path, "--mock-config", config, "--test-case", "FlakyThenData", "--virtual-time")
        #expect(result.status == 0)
        #expect(try JSON(parsing: result.stdout) == ["data": 42])
    }

    @Test func theMachineNameCanBeGiven() async throws {
        let path = try file(MockSupport.fetcher, name: "fetch-v2.json")
        let result = await TestSupport.cli(
            "run", path, "--mock-config", config, "--test-case", "RunsOut", "--state-machine-name", "Fetcher", "--virtual-time", "--json")
        let summary = try JSON(parsing: result.stdout)
        #expect(result.status == 1)
        #expect(summary["error"] == "States.Runtime")
        #expect(summary["events"]?[0]?["executionStartedEventDetails"] != nil)
    }

    @Test func mocksAndResourcesCombine() async throws {
        let definition = """
            {"StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "charge"}, "ResultPath": "$.charge", "Next": "Add"},
              "Add": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:adder", "End": true}}}
            """
        let path = try file(definition, name: "Payment.asl.json")
        let result = await TestSupport.cli(
            "run", path, "--mock-config", config, "--test-case", "Hybrid", "--resources", resources, "--input", #"{"a": 1, "b": 2}"#)
        #expect(result.status == 0)
        #expect(try JSON(parsing: result.stdout) == ["sum": 3])
    }

    @Test func usageAndFileErrorsExit2() async throws {
        let path = try file(MockSupport.fetcher, name: "Fetcher.asl.json")
        let alone = await TestSupport.cli("run", path, "--mock-config", config)
        #expect(alone.status == 2)
        #expect(alone.stderr == "stepwise run: --mock-config needs --test-case NAME\n")
        let unknown = await TestSupport.cli("run", path, "--mock-config", config, "--test-case", "Nope")
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr == "stepwise run: StateMachines.Fetcher.TestCases: state machine 'Fetcher' has no test case 'Nope' "
                + "(it has: FlakyThenData, FlakyThenReal, RunsOut, Unmocked)\n")
        let badFile = try file(#"{"resources": {"x": {"command": []}}}"#, name: "resources.json")
        let bad = await TestSupport.cli("run", path, "--resources", badFile)
        #expect(bad.status == 2)
        #expect(bad.stderr == "stepwise run: \(badFile): resources.x.command: command must be a non-empty array of strings\n")
    }

    @Test func unrunnableTasksAreAllReportedAtStart() async throws {
        let definition = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Next": "B"},
              "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
            """
        let path = try file(definition, name: "Unrunnable.asl.json")
        let result = await TestSupport.cli("run", path)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("stepwise run: Nothing can run the Task resource 'arn:aws:states:::sqs:sendMessage' of state 'A'") == true)
        #expect(lines.last?.hasPrefix("Nothing can run the Task resource 'arn:aws:states:::lambda:invoke' of state 'B'") == true)
    }
}
