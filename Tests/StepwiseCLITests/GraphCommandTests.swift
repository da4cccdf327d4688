import Foundation
import StepwiseTesting
import Testing

@Suite("stepwise graph", .timeLimit(.minutes(3)))
struct GraphCommandTests {
    /// A Parallel whose second branch fails, caught; no Task, so `stepwise run` runs it anywhere.
    static let caughtParallel = """
        {"StartAt": "Fan", "States": {
          "Fan": {"Type": "Parallel", "Next": "Unused", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handle"}],
            "Branches": [
              {"StartAt": "Fine", "States": {"Fine": {"Type": "Pass", "End": true}}},
              {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom"}}}]},
          "Unused": {"Type": "Pass", "End": true},
          "Handle": {"Type": "Succeed"}}}
        """

    static var migration: String { TestSupport.packageRoot.appendingPathComponent("workflows/migration.asl.json").path }

    @Test("The built binary prints a self-contained SVG document, byte-identical across processes")
    func binary() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let first = try await TestSupport.execute(["graph", Self.migration], in: directory, label: "first")
        let second = try await TestSupport.execute(["graph", Self.migration], in: directory, label: "second")
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(first.stdout.hasSuffix("</svg>\n"))
        #expect(first.stdout == second.stdout, "hash seeds differ between processes; the output must not")
        let mermaid = try await TestSupport.execute(["graph", Self.migration, "--format", "mermaid"], in: directory, label: "mermaid")
        #expect(mermaid.stdout.hasPrefix("flowchart TD\n"))
        let dot = try await TestSupport.execute(["graph", Self.migration, "--format=dot"], in: directory, label: "dot")
        #expect(dot.stdout.hasPrefix("digraph \"stepwise\" {\n") && dot.stdout.hasSuffix("}\n"))
    }

    @Test("With --db and --execution the states are coloured by the stored run; without FILE, the definition it ran is drawn")
    func execution() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("fan.asl.json").path
        try Self.caughtParallel.write(toFile: file, atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("runs.db").path
        let run = try await TestSupport.execute(["run", file, "--db", database, "--name", "job-1"], in: directory, label: "run")
        #expect(run.status == 0)
        let result = await TestSupport.cli("graph", file, "--db", database, "--execution", "job-1")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        for (state, status) in [("Fan", "caught"), ("Fine", "succeeded"), ("Boom", "failed"), ("Unused", "not-reached"), ("Handle", "succeeded")] {
            #expect(result.stdout.contains("data-state=\"\(state)\" data-status=\"\(status)\""), "\(state) is \(status)")
        }
        #expect(result.stdout.contains("<g class=\"sw-legend\">"))
        let recorded = await TestSupport.cli("graph", "--db", database, "--execution", "job-1")
        #expect(recorded.stdout == result.stdout)
        let mermaid = await TestSupport.cli("graph", file, "--db", database, "--execution", "job-1", "--format", "mermaid")
        #expect(mermaid.stdout.contains("classDef caught "))
    }

    @Test("An unknown execution exits 1 with AWS's message")
    func unknownExecution() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("fan.asl.json").path
        try Self.caughtParallel.write(toFile: file, atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("runs.db").path
        _ = await TestSupport.cli("run", file, "--db", database, "--name", "job-1")
        let result = await TestSupport.cli("graph", file, "--db", database, "--execution", "nope")
        #expect(result.status == 1)
        #expect(result.stderr == "stepwise graph: Execution Does Not Exist: 'nope'\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("An invalid definition is reported as `stepwise validate` reports it, and exits 2")
    func invalidDefinition() async throws {
        let file = try RunCommandTests.file(#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}"#)
        let result = await TestSupport.cli("graph", file)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let validate = await TestSupport.cli("validate", file)
        #expect(result.stderr == validate.stdout)
        #expect(result.stderr.hasPrefix("\(file): MISSING_TRANSITION_TARGET: "))
    }

    @Test("Unreadable files, a bad format and missing arguments are clear errors with exit 2")
    func usageErrors() async throws {
        let missing = await TestSupport.cli("graph", "/no/such/file.asl.json")
        #expect(missing.status == 2)
        #expect(missing.stderr == "stepwise graph: /no/such/file.asl.json: no such file\n")
        let notJSON = await TestSupport.cli("graph", try RunCommandTests.file("{not json"))
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.contains("INVALID_JSON_DESCRIPTION"))
        let format = await TestSupport.cli("graph", Self.migration, "--format", "png")
        #expect(format.status == 2)
        #expect(format.stderr == "stepwise graph: --format must be svg, mermaid or dot\n")
        let nothing = await TestSupport.cli("graph")
        #expect(nothing.status == 2)
        let half = await TestSupport.cli("graph", Self.migration, "--execution", "job-1")
        #expect(half.status == 2)
        #expect(half.stderr.hasPrefix("stepwise graph: expected FILE, or --db PATH and --execution NAME_OR_ARN"))
    }

    @Test("--output writes the picture to a file and nothing to stdout; a definition can come from stdin")
    func outputAndStdin() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let target = directory.appendingPathComponent("picture.dot").path
        let result = await TestSupport.cli("graph", Self.migration, "--format", "dot", "--output", target)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == (await TestSupport.cli("graph", Self.migration, "--format", "dot")).stdout)
        let piped = await TestSupport.cli(["graph", "-", "--format", "mermaid"], stdin: Self.caughtParallel)
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("subgraph n1 [\"Fan (Parallel)\"]"))
        let unwritable = await TestSupport.cli("graph", Self.migration, "--output", directory.appendingPathComponent("no/such/dir.svg").path)
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.hasPrefix("stepwise graph: cannot write "))
    }
}
