import Foundation
import JSON
import StepwiseStore
import StepwiseTesting
import Testing

/// `stepwise run --db` on a disk that fills up: a real write failure from the kernel (the process may not grow a
/// file past `ulimit -f`, so its write-ahead log fails with EFBIG), then `stepwise resume` once there is room.
@Suite("stepwise run --db on a full disk", .heavy, .timeLimit(.minutes(3)))
struct DiskFullTests {
    /// Sixty rounds of an 8 KB state through a Pass and a Wait: about 3 MB of history.
    static let definition = """
        {"StartAt": "Grow", "States": {
          "Grow": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)", "pad.$": "$.pad"}, "Next": "Wait"},
          "Wait": {"Type": "Wait", "Seconds": 1, "Next": "More"},
          "More": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": 60, "Next": "Grow"}], "Default": "Done"},
          "Done": {"Type": "Succeed"}}}
        """
    static let input: JSON = ["i": 0, "pad": .string(String(repeating: "p", count: 8_000))]

    /// Runs the binary with files limited to `bytes` (and SIGXFSZ ignored, so a write past it fails with EFBIG).
    static func runLimited(_ arguments: [String], bytes: Int, in directory: URL) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f \(bytes / 512); trap '' XFSZ; exec \"$0\" \"$@\"", try TestSupport.stepwiseBinary().path] + arguments
        process.currentDirectoryURL = directory
        let out = directory.appendingPathComponent("limited.out")
        let err = directory.appendingPathComponent("limited.err")
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let status = await process.exited()
        return (status, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test("The run exits 1 saying the execution is left RUNNING at its last recorded step; resume then finishes it as an uninterrupted run")
    func fullDiskThenResume() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let file = try RunCommandTests.file(Self.definition, name: "grow.asl.json")
        let database = directory.appendingPathComponent("runs.db").path
        // The database exists before the limit applies: creating it is not what fails.
        #expect(
            await TestSupport.cli("run", file, "--db", database, "--virtual-time", "--name", "warm", "--input", #"{"i":59,"pad":""}"#).status == 0)

        let run = try await Self.runLimited(
            ["run", file, "--db", "runs.db", "--virtual-time", "--name", "big", "--input", Self.input.serialized()], bytes: 512 * 1024, in: directory)
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        let record = try #require(try await store.execution(nameOrArn: "big"))
        try await store.close()
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr == """
                stepwise run: could not record execution big in runs.db (sqlite: disk I/O error). It is left RUNNING at its last recorded \
                step (event \(record.eventCount) of its history); once the database can be written again (free some disk space), \
                `stepwise resume --db runs.db` carries it on from there.

                """)
        #expect(record.status == .running)
        #expect(record.eventCount > 0 && record.eventCount < 300)

        let resume = try await TestSupport.execute(["resume", "--db", "runs.db"], in: directory, label: "resume")
        #expect(resume.status == 0)
        #expect(resume.stdout == "big: SUCCEEDED\n")
        let reader = try await Store(path: database, options: Store.Options(readOnly: true))
        let finished = try #require(try await reader.execution(nameOrArn: "big"))
        let events = try await reader.allEvents(arn: finished.arn)
        try await reader.close()
        let reference = try await TestSupport.run(Self.definition, input: Self.input)
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        #expect(events.map { $0["type"]?.stringValue ?? "" } == reference.types)
        #expect(try JSON(parsing: finished.output ?? "") == reference.result.output)
    }
}
