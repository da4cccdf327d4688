import Foundation
import JSON
import StepwiseTesting
import Testing

/// The README's quick start, exactly as written, with the built binary in a fresh copy of the repository's
/// `workflows/` and `Fixtures/`: the migration runs twice (two jobs), and the next lines show what it did.
@Suite("README quick start", .serialized, .heavy, .timeLimit(.minutes(5)))
struct ReadmeTests {
    /// The `swift run stepwise …` lines of the README's first code block, as arguments (comments left out).
    static func quickStart() throws -> [[String]] {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").compactMap { line in
            let command = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard command.hasPrefix("swift run stepwise ") else { return nil }
            return command.dropFirst("swift run stepwise ".count).split(separator: " ").map(String.init)
        }
    }

    @Test func theFirstCommandRunsTheMigrationJobTwiceOnAFreshCopy() async throws {
        let commands = try Self.quickStart()
        try #require(commands.count == 3)
        #expect(commands[0] == ["run", "workflows/migration.asl.json", "--input", "@workflows/migration.input.json"])
        let root = try TestSupport.temporaryDirectory()
        for folder in ["workflows", "Fixtures"] {
            try FileManager.default.copyItem(
                at: TestSupport.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        var jobs: [String] = []
        for (run, label) in ["first", "second"].enumerated() {
            let (status, stdout) = try await TestSupport.execute(commands[0], in: root, label: label)
            let stderr = try String(contentsOf: root.appendingPathComponent("\(label).err"), encoding: .utf8)
            #expect(status == 0, "\(stderr)")
            #expect(stderr == "")
            let output = try JSON(parsing: stdout)
            let job = try #require(output["jobId"]?.stringValue)
            // The second job finds the five subscribers there already: DUPLICATE_UID.
            #expect(
                output == [
                    "jobId": .string(job), "status": "COMPLETED", "processed": 5, "succeeded": run == 0 ? 5 : 0, "failed": run == 0 ? 0 : 5,
                    "reportKey": .string("reports/\(job).json"),
                ])
            jobs.append(job)
        }
        #expect(jobs[0] != jobs[1])

        let (listed, listing) = try await TestSupport.execute(commands[1], in: root, label: "ls")
        #expect(listed == 0)
        let lines = listing.split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(lines.sorted() == ["\(jobs[0]).json", "\(jobs[0])/", "\(jobs[1]).json", "\(jobs[1])/"].sorted())
        let get = commands[2].map { $0.replacingOccurrences(of: "JOB_ID", with: jobs[0]) }
        let (got, report) = try await TestSupport.execute(get, in: root, label: "report")
        #expect(got == 0)
        #expect(
            try JSON(parsing: report) == [
                "jobId": .string(jobs[0]), "processed": 5, "succeeded": 5, "failed": 0, "failures": [], "truncated": false,
                "partsPrefix": .string("reports/\(jobs[0])/failures/"),
            ])
    }
}
