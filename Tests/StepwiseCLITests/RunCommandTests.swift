import Foundation
import JSON
import StepwiseTesting
import Testing

@Suite("stepwise run", .timeLimit(.minutes(3)))
struct RunCommandTests {
    static func file(_ text: String, name: String = "machine.asl.json") throws -> String {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("A successful run prints the output and exits 0")
    func success() async throws {
        let path = try Self.file(#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"v.$": "$.x"}, "End": true}}}"#)
        let result = await TestSupport.cli("run", path, "--input", #"{"x": 2.50}"#)
        #expect(result.status == 0)
        #expect(try JSON(parsing: result.stdout) == ["v": 2.5])
        #expect(result.stderr.isEmpty)
    }

    @Test("A failed run prints STATUS: Error: Cause on stderr and exits 1")
    func failure() async throws {
        let path = try Self.file(#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Bad", "Cause": "input"}}}"#)
        let result = await TestSupport.cli("run", path)
        #expect(result.status == 1)
        #expect(result.stderr == "FAILED: Bad: input\n")
    }

    @Test("--json prints name, status, output, error, cause, dates and the events in GetExecutionHistory shape")
    func json() async throws {
        let path = try Self.file(#"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}"#)
        let result = await TestSupport.cli("run", path, "--input", "-", "--name", "job-7", "--virtual-time", "--json", stdin: #"{"a": 1}"#)
        let summary = try JSON(parsing: result.stdout)
        #expect(summary["name"] == "job-7")
        #expect(summary["status"] == "SUCCEEDED")
        #expect(summary["output"] == ["a": 1])
        #expect(summary["error"] == .null)
        let events = summary["events"]?.arrayValue ?? []
        #expect(events.map { $0["type"]?.stringValue ?? "" } == ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"])
        #expect(events[1]["stateEnteredEventDetails"]?["input"] == #"{"a":1}"#)
        let start = events[0]["timestamp"]?.doubleValue ?? 0
        #expect(((events[2]["timestamp"]?.doubleValue ?? 0) - start).rounded() == 60)
    }

    @Test("An invalid definition prints each diagnostic and exits 2")
    func invalidDefinition() async throws {
        let path = try Self.file(#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}"#)
        let result = await TestSupport.cli("run", path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A/Next"))
    }

    @Test("Usage errors go to stderr with exit 2", arguments: [["run"], ["run", "a", "b"], ["run", "x.json", "--bogus"], ["nope"]])
    func usage(arguments: [String]) async {
        let result = await TestSupport.cli(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test("--history prints a table of the events")
    func history() async throws {
        let path = try Self.file(#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#)
        let result = await TestSupport.cli("run", path, "--history")
        #expect(result.stdout.contains("PassStateEntered"))
        #expect(result.stdout.contains("ExecutionSucceeded"))
    }
}

@Suite("stepwise validate and eval", .timeLimit(.minutes(3)))
struct ValidateEvalTests {
    @Test("validate prints FILE: CODE: message at /location and exits 2 for an invalid file")
    func validateInvalid() async throws {
        let path = try RunCommandTests.file(#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "B": {"Type": "Pass", "End": true}}}"#)
        let result = await TestSupport.cli("validate", path)
        #expect(result.status == 2)
        #expect(result.stdout == "\(path): MISSING_TRANSITION_TARGET: State \"B\" is not reachable. at /States/B\n")
    }

    @Test("validate --json prints AWS's response")
    func validateJSON() async throws {
        let path = try RunCommandTests.file(#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)
        let result = await TestSupport.cli("validate", path, "--json")
        #expect(result.status == 0)
        #expect(try JSON(parsing: result.stdout) == ["result": "OK", "diagnostics": [], "truncated": false])
    }

    @Test("eval --jsonpath evaluates paths, templates and intrinsics")
    func evalJSONPath() async throws {
        let input = try RunCommandTests.file(#"{"a": [1, 2, 3], "name": "x"}"#, name: "input.json")
        #expect(await TestSupport.cli("eval", "--jsonpath", "$.a[1]", "--input", input, "--json").stdout == "{\"value\":2}\n")
        #expect(
            await TestSupport.cli("eval", "--jsonpath", #"{"n.$": "$.name"}"#, "--input", input, "--json").stdout == "{\"value\":{\"n\":\"x\"}}\n")
        #expect(await TestSupport.cli("eval", "--jsonpath", "States.ArrayLength($.a)", "--input", input, "--json").stdout == "{\"value\":3}\n")
    }

    @Test("eval --jsonpath reports a failed intrinsic as an error object with exit 1")
    func evalError() async throws {
        let result = await TestSupport.cli("eval", "--jsonpath", "States.ArrayGetItem(States.Array(1), 5)", "--json")
        #expect(result.status == 1)
        let error = try JSON(parsing: result.stdout)["error"]
        #expect(error?["code"] == "States.Runtime")
        #expect(error?["message"] == "Invalid arguments in States.ArrayGetItem")
    }
}
