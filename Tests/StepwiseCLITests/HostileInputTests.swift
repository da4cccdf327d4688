import Foundation
import JSON
import StepwiseTesting
import Testing

/// Inputs built to overflow a parser's stack, against the built binary: each gets its error and an exit status,
/// never a crash, a backtrace or a path of the build machine.
@Suite("Hostile inputs: the binary answers, never crashes", .timeLimit(.minutes(3)))
struct HostileInputTests {
    /// A Pass state whose JSONata Output nests `depth` arrays (about 10 KB at 5,000).
    static func deepJSONataDefinition(depth: Int = 5_000) -> String {
        let expression = "{% " + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + " %}"
        return #"{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"\#(expression)","End":true}}}"#
    }

    static let deepFilterDefinition =
        #"{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$"# + String(repeating: "[?(@.a", count: 20_000) + #"","End":true}}}"#

    func expectClean(_ status: Int32, _ stderr: String, _ context: String) {
        #expect(status == 1 || status == 2, "\(context): exit status \(status)")
        #expect(!stderr.contains("Backtrac") && !stderr.contains("Thread 0") && !stderr.contains(".swift"), "\(context): \(stderr.prefix(300))")
    }

    @Test("eval --jsonata of [×5000, -×100000 and $not(×20000 fails with S0220")
    func evalJSONata() async throws {
        let directory = try TestSupport.temporaryDirectory()
        for (label, expression) in [
            ("brackets", String(repeating: "[", count: 5_000)), ("minus", String(repeating: "-", count: 100_000)),
            ("not", String(repeating: "$not(", count: 20_000)),
        ] {
            let (status, stdout) = try await TestSupport.execute(["eval", "--jsonata", expression, "--json"], in: directory, label: label)
            let stderr = try String(contentsOf: directory.appendingPathComponent("\(label).err"), encoding: .utf8)
            expectClean(status, stderr, label)
            #expect(
                try JSON(parsing: stdout)
                    == ["error": ["code": "S0220", "message": "The expression is nested more than 250 levels deep"]])
        }
    }

    @Test("eval --jsonpath of 20,000 nested filters is a syntax error")
    func evalJSONPath() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let path = "$" + String(repeating: "[?(@.a", count: 20_000)
        let (status, _) = try await TestSupport.execute(["eval", "--jsonpath", path], in: directory)
        let stderr = try String(contentsOf: directory.appendingPathComponent("run.err"), encoding: .utf8)
        expectClean(status, stderr, "jsonpath")
        #expect(stderr.hasSuffix("filters are nested more than 100 levels deep at position 604\n"))
        #expect(stderr.count < 300)
    }

    @Test("validate and run refuse the deep definitions with AWS's diagnostics")
    func validateAndRun() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let jsonata = directory.appendingPathComponent("deep-jsonata.asl.json")
        try Self.deepJSONataDefinition().write(to: jsonata, atomically: true, encoding: .utf8)
        let filter = directory.appendingPathComponent("deep-filter.asl.json")
        try Self.deepFilterDefinition.write(to: filter, atomically: true, encoding: .utf8)
        for (label, arguments, expected) in [
            (
                "validate-jsonata", ["validate", jsonata.path],
                "INVALID_JSONATA_EXPRESSION: The expression is nested more than 250 levels deep at /States/P/Output"
            ),
            ("run-jsonata", ["run", jsonata.path], "INVALID_JSONATA_EXPRESSION: The expression is nested more than 250 levels deep"),
            (
                "validate-filter", ["validate", filter.path],
                "SCHEMA_VALIDATION_FAILED: The value for the field 'InputPath' must be a valid JSONPath at /States/P/InputPath"
            ),
        ] {
            let (status, stdout) = try await TestSupport.execute(arguments, in: directory, label: label)
            let stderr = try String(contentsOf: directory.appendingPathComponent("\(label).err"), encoding: .utf8)
            expectClean(status, stderr, label)
            #expect((stdout + stderr).contains(expected), "\(label): \(stdout) \(stderr.prefix(300))")
        }
    }

    @Test("a live serve answers the 10 KB definition with 400 and goes on serving")
    func liveServe() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let server = try await TestSupport.serve(["--db", directory.appendingPathComponent("s.db").path], in: directory)
        defer { server.process.terminate() }
        let script = """
            import json, sys, urllib.request, urllib.error
            def call(action, body):
                request = urllib.request.Request(sys.argv[1], data=json.dumps(body).encode(), method="POST", headers={
                    "X-Amz-Target": "AWSStepFunctions." + action, "Content-Type": "application/x-amz-json-1.0"})
                try:
                    with urllib.request.urlopen(request, timeout=20) as response:
                        return response.status, json.load(response)
                except urllib.error.HTTPError as error:
                    return error.code, json.load(error)
            definition = open(sys.argv[2]).read()
            role = "arn:aws:iam::123456789012:role/r"
            print(json.dumps([
                call("CreateStateMachine", {"name": "deep", "definition": definition, "roleArn": role}),
                call("ValidateStateMachineDefinition", {"definition": definition}),
                call("ListStateMachines", {}),
            ]))
            """
        let definition = directory.appendingPathComponent("deep.json")
        try Self.deepJSONataDefinition().write(to: definition, atomically: true, encoding: .utf8)
        let python = try TestSupport.spawnPython(script, arguments: [server.baseURL, definition.path], in: directory)
        #expect(await python.exited() == 0)
        let answers = try JSON(parsing: String(contentsOf: directory.appendingPathComponent("python.out"), encoding: .utf8))
        #expect(answers[0]?[0] == 400)
        #expect(answers[0]?[1]?["__type"] == "com.amazonaws.swf.service.v2.model#InvalidDefinition")
        #expect(
            answers[0]?[1]?["message"]
                == "Invalid State Machine Definition: 'INVALID_JSONATA_EXPRESSION: The expression is nested more than 250 levels deep at /States/P/Output'"
        )
        #expect(answers[1]?[0] == 200)
        #expect(answers[1]?[1]?["result"] == "FAIL")
        #expect(answers[1]?[1]?["diagnostics"]?[0]?["code"] == "INVALID_JSONATA_EXPRESSION")
        #expect(answers[2] == [200, ["stateMachines": []]])
        #expect(server.process.isRunning)
    }

    @Test("a value nested 100,000 deep by $reduce fails with U1003 in eval and in a Pass state's Output under run")
    func deepValue() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let expression = #"$reduce([1..100000], function($a,$v){{"a":$a}}, {})"#
        let (status, stdout) = try await TestSupport.execute(["eval", "--jsonata", expression, "--json"], in: directory, label: "eval")
        expectClean(status, try String(contentsOf: directory.appendingPathComponent("eval.err"), encoding: .utf8), "eval")
        #expect(
            try JSON(parsing: stdout)
                == ["error": ["code": "U1003", "message": "Value nesting limit exceeded: arrays and objects nest more than 512 levels deep"]])
        let definition = directory.appendingPathComponent("deep-value.asl.json")
        let output = #"{% $reduce([1..100000], function($a,$v){{'a':$a}}, {}) %}"#
        try #"{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"\#(output)","End":true}}}"#
            .write(to: definition, atomically: true, encoding: .utf8)
        let (runStatus, runOutput) = try await TestSupport.execute(["run", definition.path, "--json"], in: directory, label: "run")
        expectClean(runStatus, try String(contentsOf: directory.appendingPathComponent("run.err"), encoding: .utf8), "run")
        let result = try JSON(parsing: runOutput)
        #expect(result["status"] == "FAILED")
        #expect(result["error"] == "States.QueryEvaluationError")
        #expect(
            result["cause"]
                == .string(
                    "An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression "
                        + "'$reduce([1..100000], function($a,$v){{'a':$a}}, {})' specified for the field 'Output' threw an error during "
                        + "evaluation: Value nesting limit exceeded: arrays and objects nest more than 512 levels deep"))
    }
}
