import Foundation
import StepwiseTesting
import Testing

/// The progress display of the built binary, in a pseudo-terminal (python3's pty module) and out of one.
@Suite("Progress on a terminal", .serialized, .timeLimit(.minutes(2)))
struct ProgressTerminalTests {
    /// A Map of three items, each waiting one real second: long enough for a few frames.
    static let definition = """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1, "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Pause", "States": {
            "Pause": {"Type": "Wait", "Seconds": 1, "End": true}}}}}}
        """

    /// Runs the binary with its stderr on a pseudo-terminal (stdout to a file); answers what the terminal got,
    /// the stdout and the exit status.
    static let script = """
        import os, pty, subprocess, sys
        master, slave = pty.openpty()
        with open(sys.argv[1], "wb") as stdout:
            process = subprocess.Popen(sys.argv[3:], stdin=subprocess.DEVNULL, stdout=stdout, stderr=slave)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        process.wait()
        with open(sys.argv[2], "wb") as terminal:
            terminal.write(b"".join(chunks))
        print(process.returncode)
        """

    func run(_ extra: [String], in directory: URL) async throws -> (status: String, terminal: String, stdout: String) {
        let workflow = directory.appendingPathComponent("pauses.asl.json")
        try Self.definition.write(to: workflow, atomically: true, encoding: .utf8)
        let stdout = directory.appendingPathComponent("stdout")
        let terminal = directory.appendingPathComponent("terminal")
        let arguments = [
            stdout.path, terminal.path, try TestSupport.stepwiseBinary().path, "run", workflow.path, "--input", #"{"items": [1, 2, 3]}"#,
        ]
        let process = try TestSupport.spawnPython(
            Self.script, arguments: arguments + extra + ["--data-dir", directory.appendingPathComponent("data").path], in: directory)
        await process.exited()
        let status = try String(contentsOf: directory.appendingPathComponent("python.out"), encoding: .utf8)
        return (status, try String(contentsOf: terminal, encoding: .utf8), try String(contentsOf: stdout, encoding: .utf8))
    }

    @Test func aTerminalSeesTheMapAdvanceAndOneSummaryLine() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let (status, terminal, stdout) = try await run([], in: directory)
        #expect(status == "0\n")
        #expect(stdout == "[\n  1,\n  2,\n  3\n]\n")
        #expect(terminal.contains("▶ pauses · "))
        #expect(terminal.contains("  ⧉ Each (Map) · 1/3 done · 0 failed · 1 running"))
        #expect(terminal.contains("\r\u{1B}[1A\u{1B}[J"))  // each frame replaces the last, in place
        // The last thing written: the frame erased, then the summary line.
        let summary = try #require(terminal.components(separatedBy: "\u{1B}[J").last)
        let pattern = /✔ SUCCEEDED in \d+\.\ds · 4 states entered · 18 events · 3 items \(3 succeeded\)/
        #expect(summary.trimmingCharacters(in: .newlines).wholeMatch(of: pattern) != nil, "\(summary)")
        #expect(summary.unicodeScalars.last == "\n")
    }

    @Test func jsonAndAPipeShowNoProgress() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let (status, terminal, stdout) = try await run(["--json"], in: directory)
        #expect(status == "0\n")
        #expect(terminal == "")
        #expect(stdout.hasPrefix("{\"name\":"))
        let workflow = directory.appendingPathComponent("pauses.asl.json").path
        let (piped, _) = try await TestSupport.execute(["run", workflow, "--input", #"{"items": []}"#], in: directory, label: "piped")
        #expect(piped == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("piped.err"), encoding: .utf8) == "")
    }
}
