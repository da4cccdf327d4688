import Foundation
import JSON
import Stepwise
import StepwiseStore
import StepwiseTesting
import Testing

/// A Distributed Map over a 100,000-row CSV with batching, tolerated failures and a result writer — run straight
/// through, and killed with SIGKILL while it runs, then resumed.
@Suite("Distributed Map over 100,000 rows", .serialized, .heavy, .timeLimit(.minutes(5)))
struct DistributedMapCrashTests {
    static let rows = 100_000
    /// Every 5,000th row has no number: 20 of the 1,000 batches fail, within the 5 % tolerance.
    static func csv() -> String {
        var text = "uid,value\n"
        text.reserveCapacity(rows * 12)
        for row in 1...rows { text += "u\(row),\(row % 5_000 == 0 ? "x" : "1")\n" }
        return text
    }

    static func prepare() throws -> (directory: URL, dataDirectory: String, workflow: String) {
        let directory = try TestSupport.temporaryDirectory()
        let bucket = directory.appendingPathComponent("data/s3/bigmap-input")
        try FileManager.default.createDirectory(at: bucket, withIntermediateDirectories: true)
        try csv().write(to: bucket.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        let workflow = try #require(Bundle.module.url(forResource: "CrashWorkflows/bigmap", withExtension: "asl.json")).path
        return (directory, directory.appendingPathComponent("data").path, workflow)
    }

    /// Reads the ResultWriter's manifest and counts the SUCCEEDED and FAILED records and the summed rows.
    static func summary(_ output: JSON, dataDirectory: String) throws -> (succeeded: Int, failed: Int, total: Int) {
        let key = try #require(output["ResultWriterDetails"]?["Key"]?.stringValue)
        let root = URL(fileURLWithPath: dataDirectory).appendingPathComponent("s3/bigmap-input")
        let manifest = try JSON(parsing: String(contentsOf: root.appendingPathComponent(key), encoding: .utf8))
        func records(_ status: String) throws -> [JSON] {
            guard let file = manifest["ResultFiles"]?[status]?[0]?["Key"]?.stringValue else { return [] }
            return try JSON(parsing: String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)).arrayValue ?? []
        }
        let succeeded = try records("SUCCEEDED")
        let total = try succeeded.reduce(0) { sum, record in
            sum + (try JSON(parsing: record["Output"]?.stringValue ?? "{}"))["total"].flatMap(\.intValue)!
        }
        return (succeeded.count, try records("FAILED").count, total)
    }

    @Test("It runs to the end with 980 batches written as succeeded and 20 as failed")
    func straight() async throws {
        let (directory, data, workflow) = try Self.prepare()
        let run = try await TestSupport.execute(
            ["run", workflow, "--data-dir", data, "--virtual-time", "--input", #"{"job": "j-1"}"#], in: directory)
        #expect(run.status == 0)
        let summary = try Self.summary(try JSON(parsing: run.stdout), dataDirectory: data)
        #expect(summary.succeeded == 980)
        #expect(summary.failed == 20)
        #expect(summary.total == 98_000)
    }

    @Test("Killed with SIGKILL while it runs, it resumes and ends with the same results")
    func killed() async throws {
        let (directory, data, workflow) = try Self.prepare()
        let database = directory.appendingPathComponent("map.db").path
        let arguments = ["run", workflow, "--data-dir", data, "--db", database, "--name", "big", "--input", #"{"job": "j-2"}"#]
        var kills = 0
        for delay in [0.6, 1.2] where kills == 0 {
            let process = try TestSupport.spawn(arguments, in: directory, label: "run-\(delay)")
            try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                await process.exited()
                kills += 1
            }
        }
        #expect(kills == 1, "the run ended before it could be killed: nothing was tested")
        let resumed = try await TestSupport.execute(["resume", "--db", database, "--data-dir", data, "--json"], in: directory, label: "resume")
        #expect(resumed.status == 0)
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        let record = try #require(try await store.execution(nameOrArn: "big"))
        let events = try await store.allEvents(arn: record.arn)
        try await store.close()
        #expect(record.status == .succeeded)
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        let summary = try Self.summary(try JSON(parsing: try #require(record.output)), dataDirectory: data)
        #expect(summary.succeeded == 980)
        #expect(summary.failed == 20)
        #expect(summary.total == 98_000)
    }
}
