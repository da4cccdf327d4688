import Foundation
import JSON
import StepwiseTesting
import Testing

/// workflows/reconcile-packages.asl.json end to end on the seeded local services: the "3 objects in S3, 0 rows"
/// state of Fixtures/registry reconciled, a second run that changes nothing, a changed ETag, an orphan, and a
/// `kill -9` of `stepwise run` in the middle followed by `stepwise resume`.
@Suite("Package registry: reconcile-packages", .serialized, .heavy, .timeLimit(.minutes(5)))
struct PackageRegistryReconcileTests {
    static func counts(
        listed: Int, registered: Int = 0, updated: Int = 0, unchanged: Int = 0, skipped: Int = 0, checked: Int, orphaned: Int = 0
    ) -> JSON {
        [
            "listed": .int(listed), "registered": .int(registered), "updated": .int(updated), "unchanged": .int(unchanged),
            "skipped": .int(skipped), "checked": .int(checked), "orphaned": .int(orphaned),
        ]
    }

    /// The parent execution's events, from the database the run recorded it in.
    static func events(_ name: String, database: String) async throws -> [JSON] {
        let result = await TestSupport.cli("history", name, "--db", database, "--json")
        guard result.status == 0 else { throw Registry.Failed(description: "history: \(result.stderr)") }
        return try JSON(parsing: result.stdout)["events"]?.arrayValue ?? []
    }

    @Test("3 objects in S3, 0 rows: every object registered, the report counts them; a second run changes nothing")
    func threeObjectsNoRowsThenIdempotent() async throws {
        let directory = try Registry.dataDirectory()
        let database = directory.deletingLastPathComponent().appendingPathComponent("stepwise.db").path
        let first = try await Registry.run("reconcile-packages", directory, [:], name: "recon-1", ["--db", database])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.output
                == [
                    "runId": "recon-1", "counts": Self.counts(listed: 3, registered: 3, checked: 3), "reportKey": "reports/reconcile/recon-1.json",
                    "truncated": false,
                ])
        let rows = try await Registry.rows(directory)
        #expect(rows.count == 3)
        for (index, key) in Registry.fixtureKeys.enumerated() {
            let parts = key.split(separator: "/").map(String.init)
            let row = rows.first { $0["s3Key"] == .string(key) }
            #expect(
                row
                    == [
                        "name": .string(parts[1]), "version": .string(parts[2]), "size": .int(Registry.fixtureSizes[index]),
                        "etag": .string(Registry.fixtureETags[index]), "s3Key": .string(key), "status": "REGISTERED",
                        "registeredAt": row?["registeredAt"] ?? .null, "registeredBy": "reconcile:recon-1",
                    ], "\(key)")
        }
        #expect(
            try Registry.report(directory, "recon-1")
                == [
                    "runId": "recon-1", "bucket": "pkg-artifacts", "prefix": "packages/", "counts": Self.counts(listed: 3, registered: 3, checked: 3),
                    "registered": .array(Registry.fixtureKeys.map(JSON.string)), "updated": [], "skipped": [], "orphaned": [], "truncated": false,
                    "partsPrefix": "reports/reconcile/recon-1/",
                ])
        // The parent's history does not grow with the bucket: two Distributed Maps and a few Tasks, plus 7 events per
        // report part read (at most 20), so at most 35 + 140 events for any number of objects.
        let events = try await Self.events("recon-1", database: database)
        #expect(events.count == 42)
        #expect(events.filter { $0["type"] == "MapRunStarted" }.count == 2)

        let before = try await Registry.items(directory)
        let second = try await Registry.run("reconcile-packages", directory, [:], name: "recon-2")
        #expect(second.output?["counts"] == Self.counts(listed: 3, unchanged: 3, checked: 3))
        // Every item as it was, attribute for attribute.
        #expect(JSON.array(try await Registry.items(directory)).serialized() == JSON.array(before).serialized())
        let report = try Registry.report(directory, "recon-2")
        #expect(report["registered"] == [] && report["updated"] == [] && report["orphaned"] == [])
        // No changes, no parts.
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("s3/pkg-artifacts/reports/reconcile/recon-2").path))
    }

    @Test("A changed object's row is updated, a row whose object is gone becomes ORPHANED, a key outside the layout is skipped")
    func changedOrphanedSkipped() async throws {
        let directory = try Registry.dataDirectory()
        #expect(try await Registry.run("reconcile-packages", directory, [:], name: "recon-a").status == 0)
        let changed = "sentiment-classifier 1.0.0, rebuilt\n"
        try await Registry.put(directory, Registry.fixtureKeys[1], changed)
        try await Registry.remove(directory, Registry.fixtureKeys[2])
        try await Registry.put(directory, "packages/README.txt", "not a package\n")
        let run = try await Registry.run("reconcile-packages", directory, [:], name: "recon-b")
        #expect(run.output?["counts"] == Self.counts(listed: 3, updated: 1, unchanged: 1, skipped: 1, checked: 3, orphaned: 1))
        let report = try Registry.report(directory, "recon-b")
        #expect(report["updated"] == [.string(Registry.fixtureKeys[1])])
        #expect(report["orphaned"] == [.string(Registry.fixtureKeys[2])])
        #expect(report["skipped"] == ["packages/README.txt"])
        let updated = try #require(try await Registry.row(directory, "sentiment-classifier", "1.0.0"))
        #expect(updated["size"] == .int(changed.utf8.count))
        #expect(updated["etag"] != .string(Registry.fixtureETags[1]))
        #expect(updated["etag"]?.stringValue?.count == 34)
        #expect(updated["status"] == "REGISTERED")
        #expect(updated["updatedBy"] == "reconcile:recon-b")
        #expect(updated["registeredBy"] == "reconcile:recon-a")
        let orphan = try #require(try await Registry.row(directory, "sentiment-classifier", "1.1.0"))
        #expect(orphan["status"] == "ORPHANED")
        #expect(orphan["orphanedBy"] == "reconcile:recon-b")
        #expect(orphan["etag"] == .string(Registry.fixtureETags[2]))

        // Again: nothing to do (an ORPHANED row is not checked again).
        let again = try await Registry.run("reconcile-packages", directory, [:], name: "recon-c")
        #expect(again.output?["counts"] == Self.counts(listed: 3, unchanged: 2, skipped: 1, checked: 2))
        // The object comes back: its row is REGISTERED again.
        try await Registry.put(directory, Registry.fixtureKeys[2], "sentiment-classifier 1.1.0, restored\n")
        let back = try await Registry.run("reconcile-packages", directory, [:], name: "recon-d")
        #expect(back.output?["counts"] == Self.counts(listed: 4, updated: 1, unchanged: 2, skipped: 1, checked: 3))
        #expect(try await Registry.row(directory, "sentiment-classifier", "1.1.0")?["status"] == "REGISTERED")
    }

    @Test("Throttled writes and a slow-down from S3 (mock config, PassThrough) are retried: the outcome is a clean run's")
    func mockConfigRetries() async throws {
        let directory = try Registry.dataDirectory()
        let run = try await Registry.run(
            "reconcile-packages", directory, [:], name: "recon-mock",
            ["--mock-config", Registry.fixtures.appendingPathComponent("mocks/mock-config.json").path, "--test-case", "ThrottledWrites"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output?["counts"] == Self.counts(listed: 3, registered: 3, checked: 3))
        #expect(try await Registry.rows(directory).count == 3)
    }

    @Test("kill -9 during a reconciliation of 1,503 objects, then stepwise resume: every object registered exactly once")
    func killAndResume() async throws {
        let directory = try Registry.dataDirectory()
        let work = directory.deletingLastPathComponent()
        // Seed the fixtures, then add 1,500 generated packages.
        #expect(try await Registry.run("reconcile-packages", directory, ["prefix": "none/"], name: "seed-only").status == 0)
        for number in 1...1500 {
            let name = String(format: "model-%04d", number)
            let url = directory.appendingPathComponent("s3/pkg-artifacts/packages/\(name)/1.0.0/\(name)-1.0.0.tgz")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("\(name) weights\n".utf8).write(to: url)
        }
        let database = work.appendingPathComponent("stepwise.db").path
        let run = try TestSupport.spawn(
            [
                "run", Portal.workflow("reconcile-packages"), "--db", database, "--data-dir", directory.path, "--name", "recon-kill", "--input",
                #"{"batchSize": 10}"#,
            ], in: work, label: "run")
        let deadline = Date().addingTimeInterval(120)
        while run.isRunning, Date() < deadline, (try? await Registry.count(directory)) ?? 0 < 150 {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(run.isRunning, "the run finished before it could be killed")
        kill(run.processIdentifier, SIGKILL)
        await run.exited()
        let interrupted = try await Registry.count(directory)
        #expect(interrupted >= 150 && interrupted < 1503)
        let resume = try await TestSupport.execute(["resume", "--db", database, "--data-dir", directory.path], in: work, label: "resume")
        #expect(resume.status == 0)
        let report = try Registry.report(directory, "recon-kill")
        #expect(report["counts"] == Self.counts(listed: 1503, registered: 1503, checked: 1503))
        #expect(report["truncated"] == true)
        let rows = try await Registry.rows(directory)
        #expect(rows.count == 1503)
        #expect(rows.allSatisfy { $0["registeredBy"] == "reconcile:recon-kill" && $0["status"] == "REGISTERED" && $0["updatedBy"] == nil })
        // The parent's history: the same 35 events plus 20 parts read, whatever was interrupted.
        let events = try await Self.events("recon-kill", database: database)
        #expect(events.count == 35 + 20 * 7)
    }
}
