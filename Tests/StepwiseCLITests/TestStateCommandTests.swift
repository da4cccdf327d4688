import Foundation
import JSON
import StepwiseTesting
import Testing

/// `stepwise test-state`: the built binary runs one state once and prints AWS's answer (`--json`) or lines for people.
@Suite("stepwise test-state", .timeLimit(.minutes(3)))
struct TestStateCommandTests {
    let directory: URL

    init() throws { directory = try TestSupport.temporaryDirectory() }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return name
    }

    func stderr(_ label: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent("\(label).err"), encoding: .utf8)) ?? ""
    }

    @Test("--json prints AWS's TestState answer with the inspection data of DEBUG, and exits 0")
    func json() async throws {
        let file = try write(
            "pass.json", #"{"Type": "Pass", "InputPath": "$.a", "Parameters": {"b.$": "$.b"}, "ResultPath": "$.r", "Next": "Done"}"#)
        let (status, stdout) = try await TestSupport.execute(
            ["test-state", file, "--input", #"{"a":{"b":1}}"#, "--inspection-level", "debug", "--json"], in: directory)
        #expect(status == 0)
        #expect(
            stdout
                == #"{"status":"SUCCEEDED","output":"{\"a\":{\"b\":1},\"r\":{\"b\":1}}","nextState":"Done","inspectionData":{"input":"{\"a\":{\"b\":1}}","afterInputPath":"{\"b\":1}","afterParameters":"{\"b\":1}","afterResultSelector":"{\"b\":1}","afterResultPath":"{\"a\":{\"b\":1},\"r\":{\"b\":1}}"}}"#
                + "\n")
    }

    @Test("--state tests a state of a machine; people get one line per member, payloads as JSON")
    func machineState() async throws {
        let file = try write(
            "flow.asl.json",
            """
            {"StartAt": "Check", "States": {
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.cost", "NumericLessThan": 10, "Next": "Approved"}], "Default": "Ask"},
              "Ask": {"Type": "Pass", "Next": "Approved"}, "Approved": {"Type": "Succeed"}}}
            """)
        let (status, stdout) = try await TestSupport.execute(
            ["test-state", file, "--state", "Check", "--input", #"{"cost": 12}"#, "--inspection-level", "TRACE"], in: directory)
        #expect(status == 0)
        #expect(
            stdout == """
                status: SUCCEEDED
                nextState: Ask
                output: {"cost":12}
                inspectionData:
                  input: {"cost":12}
                  afterInputPath: {"cost":12}

                """)
    }

    @Test("A mocked error with retries left is RETRIABLE and exits 1; a caught one names the catcher's Next")
    func mockedErrors() async throws {
        let file = try write(
            "task.json",
            """
            {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 2, "MaxAttempts": 2}],
             "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}], "End": true}
            """)
        let mock = #"{"errorOutput": {"error": "Busy", "cause": "later"}}"#
        let (retriable, first) = try await TestSupport.execute(
            ["test-state", file, "--mock", mock, "--state-configuration", #"{"retrierRetryCount": 1}"#, "--inspection-level", "DEBUG"], in: directory)
        #expect(retriable == 1)
        #expect(
            first == """
                status: RETRIABLE
                error: Busy
                cause: later
                inspectionData:
                  input: {}
                  afterInputPath: {}
                  afterParameters: {}
                  errorDetails: {"retryIndex":0,"retryBackoffIntervalSeconds":4}

                """)
        let (caught, second) = try await TestSupport.execute(
            ["test-state", file, "--mock", mock, "--state-configuration", #"{"retrierRetryCount": 2}"#, "--json"], in: directory, label: "caught")
        #expect(caught == 1)
        #expect(
            second
                == #"{"status":"CAUGHT_ERROR","output":"{\"Error\":\"Busy\",\"Cause\":\"later\"}","error":"Busy","cause":"later","nextState":"Recover"}"#
                + "\n")
    }

    @Test("Without a mock a Task runs through the resources file, under the local role")
    func realCall() async throws {
        let resources = try write("resources.json", #"{"resources": {"echo": {"command": ["cat"]}}}"#)
        let file = try write("echo.json", #"{"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:echo", "End": true}"#)
        let (status, stdout) = try await TestSupport.execute(
            ["test-state", file, "--input", #"{"n": 1}"#, "--resources", resources, "--data-dir", directory.path, "--json"], in: directory)
        #expect(status == 0)
        #expect(stdout == #"{"status":"SUCCEEDED","output":"{\"n\":1}"}"# + "\n")
    }

    @Test("What TestState refuses, and usage errors, exit 2 with the reason on stderr")
    func refusals() async throws {
        let pass = try write("lone.json", #"{"Type": "Pass", "End": true}"#)
        let (refused, _) = try await TestSupport.execute(["test-state", pass, "--mock", #"{"result": {"a": 1}}"#], in: directory, label: "refused")
        #expect(refused == 2)
        #expect(stderr("refused") == "stepwise test-state: ValidationException: State type 'Pass' is not supported when a mock is specified\n")
        let level = await TestSupport.cli("test-state", directory.appendingPathComponent(pass).path, "--inspection-level", "LOUD")
        #expect(level.status == 2)
        #expect(level.stderr == "stepwise test-state: --inspection-level must be INFO, DEBUG or TRACE, not 'LOUD'\n")
        let missing = await TestSupport.cli("test-state", directory.appendingPathComponent("nope.json").path)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasSuffix("nope.json: no such file\n"))
    }
}
