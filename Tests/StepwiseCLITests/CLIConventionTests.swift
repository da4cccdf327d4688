import Foundation
import JSON
import StepwiseTesting
import Testing

/// What every command shares (help, usage errors) and the output details of run and validate.
@Suite("CLI conventions and output details", .timeLimit(.minutes(2)))
struct CLIConventionTests {
    static let commands = ["run", "serve", "validate", "eval", "executions", "history", "resume", "data", "graph", "doctor", "deploy"]

    @Test("--help prints the command's usage on stdout and exits 0", arguments: commands)
    func help(command: String) async {
        let result = await TestSupport.cli(command, "--help")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Usage: stepwise \(command)"))
        #expect(result.stderr.isEmpty)
    }

    @Test("The top-level help lists every command")
    func topLevelHelp() async {
        let result = await TestSupport.cli("--help")
        #expect(result.status == 0)
        for command in Self.commands { #expect(result.stdout.contains("  \(command) ")) }
    }

    @Test("An unknown option of any command is a usage error: exit 2, a message on stderr, nothing on stdout", arguments: commands)
    func unknownOption(command: String) async {
        let result = await TestSupport.cli(command, "--no-such-option")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-option"))
        #expect(result.stdout.isEmpty)
    }

    @Test("A failure without an error or a cause prints only what there is")
    func failureWithoutCause() async throws {
        let bare = try RunCommandTests.file(#"{"StartAt": "F", "States": {"F": {"Type": "Fail"}}}"#)
        #expect(await TestSupport.cli("run", bare).stderr == "FAILED\n")
        let named = try RunCommandTests.file(#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Oops"}}}"#)
        #expect(await TestSupport.cli("run", named).stderr == "FAILED: Oops\n")
    }

    @Test("--json with --history keeps stdout one JSON document; the table goes to stderr")
    func jsonWithHistory() async throws {
        let path = try RunCommandTests.file(#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#)
        let result = await TestSupport.cli("run", path, "--json", "--history")
        #expect(result.status == 0)
        #expect(try JSON(parsing: result.stdout)["status"] == "SUCCEEDED")
        #expect(result.stderr.contains("PassStateEntered"))
    }

    @Test("validate checks every file: exit 2 if any is invalid, one line (or one JSON object) per file")
    func validateSeveral() async throws {
        let good = try RunCommandTests.file(#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)
        let bad = try RunCommandTests.file(#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "X"}}}"#)
        let text = await TestSupport.cli("validate", good, bad)
        #expect(text.status == 2)
        #expect(
            text.stdout == """
                \(good): OK
                \(bad): MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/A/Next
                \(bad): MISSING_END_STATE: Workflow has no terminal state

                """)
        let json = await TestSupport.cli("validate", good, good, "--json")
        #expect(json.status == 0)
        #expect(
            json.stdout.split(separator: "\n").map { try? JSON(parsing: String($0)) }
                == Array(repeating: ["result": "OK", "diagnostics": [], "truncated": false], count: 2))
    }

    @Test("validate --json caps the diagnostics as AWS does and says it truncated them")
    func validateTruncates() async throws {
        let states = (0..<5).map { #""S\#($0)": {"Type": "Pass", "Next": "Missing\#($0)"}"# }.joined(separator: ", ")
        let path = try RunCommandTests.file(#"{"StartAt": "S0", "States": {\#(states)}}"#)
        let capped = try JSON(parsing: await TestSupport.cli("validate", path, "--json", "--max-results", "2").stdout)
        #expect(capped["result"] == "FAIL")
        #expect(capped["diagnostics"]?.arrayValue?.count == 2)
        #expect(capped["truncated"] == true)
        let all = try JSON(parsing: await TestSupport.cli("validate", path, "--json").stdout)
        #expect(all["truncated"] == false)
        #expect(await TestSupport.cli("validate", path, "--json", "--max-results", "0").status == 2)
    }

    @Test("eval --jsonpath reads $$ from --context")
    func evalContext() async throws {
        let context = try RunCommandTests.file(#"{"Execution": {"Name": "job-9"}}"#, name: "context.json")
        let result = await TestSupport.cli("eval", "--jsonpath", #"{"who.$": "$$.Execution.Name"}"#, "--context", context, "--json")
        #expect(result.stdout == #"{"value":{"who":"job-9"}}"# + "\n")
    }

    /// On a terminal, a run shows its current state and elapsed time on stderr while it runs (here a real 2 s Wait,
    /// under `script`, which gives the binary a pseudo-terminal).
    @Test("On a terminal a run redraws its progress while a state runs", .realTime)
    func progress() async throws {
        let path = try RunCommandTests.file(#"{"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": 2, "End": true}}}"#)
        let directory = try TestSupport.temporaryDirectory()
        let command = "\(try TestSupport.stepwiseBinary().path) run \(path)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qefc", command, directory.appendingPathComponent("typescript").path]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        #expect(await process.exited() == 0)
        let screen = try String(contentsOf: directory.appendingPathComponent("typescript"), encoding: .utf8)
        #expect(screen.contains(" · Hold · 0."))
        #expect(screen.contains(" · Hold · 1."), "the elapsed time goes on while the Wait runs")
        #expect(screen.contains("s · 1 state entered · 2 events"))
    }
}
