import Foundation
import JSON
import Stepwise
import StepwiseServices
import StepwiseTesting
import Testing

/// workflows/migration.asl.json end to end on the local services (issue 9).
@Suite("Portal: migration", .serialized, .heavy, .timeLimit(.minutes(5)))
struct PortalMigrationTests {
    static let valid = ["u-0001", "u-0012", "u-0014", "u-0020", "u-0021", "u-0023"]

    static func directory() throws -> URL {
        try Portal.dataDirectory([
            "imports/mixed.csv": try Portal.fixture("subscribers-mixed.csv"),
            "imports/existing.csv": try Portal.fixture("subscribers-existing.csv"),
        ])
    }

    static func input(_ job: String, _ mode: String, _ key: String = "imports/mixed.csv") -> JSON {
        ["jobId": .string(job), "mode": .string(mode), "bucket": "portal-data", "key": .string(key)]
    }

    /// Seeds u-0900/u-0901 in `mode`, then migrates the mixed file in `mode`: every invalid reason, a uid repeated
    /// in the file and one already provisioned.
    @Test("Every mode reports each invalid reason and DUPLICATE_UID, exactly as the expected report", arguments: ["CLOUD", "LEGACY", "DUAL_PROV"])
    func mixed(mode: String) async throws {
        let directory = try Self.directory()
        let seed = try await Portal.run("migration", directory, Self.input("job-seed", mode, "imports/existing.csv"))
        #expect(seed.output?["succeeded"] == 2)
        let run = try await Portal.run("migration", directory, Self.input("job-mixed", mode))
        #expect(run.stderr == "")
        #expect(
            run.output == [
                "jobId": "job-mixed", "status": "COMPLETED", "processed": 23, "succeeded": 6, "failed": 17, "reportKey": "reports/job-mixed.json",
            ])
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-mixed.json"))
        #expect(report == (try JSON(parsing: try Portal.fixture("expected/migration-mixed-report.json"))))

        let cloud = try await Portal.cloud(directory)
        let legacy = try await Portal.legacy(directory)
        let expected = Set(Self.valid + ["u-0900", "u-0901"])
        #expect(Set(cloud.keys) == (mode == "LEGACY" ? [] : expected))
        #expect(Set(legacy.keys) == (mode == "CLOUD" ? [] : expected))
        // The duplicate rows changed nothing: u-0001 keeps row 1's data, u-0900 the seed's.
        if mode != "LEGACY" {
            #expect(cloud["u-0001"]?["msisdn"] == "+14155550101")
            #expect(cloud["u-0900"]?["msisdn"] == "+14155559900")
            #expect(cloud["u-0020"]?["address"] == "Flat 2 \"B\", High St\nLondon")
            #expect(cloud["u-0020"]?["lastName"] == "O\"Brien")
            #expect(cloud["u-0014"]?["planId"] == nil)
        }
        if mode != "CLOUD" {
            #expect(legacy["u-0001"]?["msisdn"] == "+14155550101")
            #expect(legacy["u-0900"]?["msisdn"] == "+14155559900")
            #expect(legacy["u-0012"]?["date_of_birth"] == "2024-02-29")
            #expect(legacy["u-0014"]?["plan_id"] == .null)
        }

        let job = try await Portal.job(directory, "job-mixed")
        #expect(job["job_type"] == "MIGRATION")
        #expect(job["job_status"] == "COMPLETED")
        #expect(job["processed_records"] == 23)
        #expect(job["success_records"] == 6)
        #expect(job["failed_records"] == 17)
        #expect(job["input_file_key"] == "imports/mixed.csv")
        #expect(job["output_file_key"] == "reports/job-mixed.json")
        for field in ["created_at", "started_at", "finished_at"] { #expect(job[field]?.stringValue?.isEmpty == false, "\(field)") }
        #expect(job["error"] == nil)
    }

    @Test("A clean file provisions every record to both stores with identical fields")
    func clean() async throws {
        let directory = try Portal.dataDirectory(["imports/clean.csv": try Portal.fixture("subscribers-clean.csv")])
        let run = try await Portal.run("migration", directory, Self.input("job-clean", "DUAL_PROV", "imports/clean.csv"))
        #expect(run.output?["succeeded"] == 5)
        #expect(run.output?["failed"] == 0)
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-clean.json"))
        #expect(
            report == [
                "jobId": "job-clean", "processed": 5, "succeeded": 5, "failed": 0, "failures": [], "truncated": false,
                "partsPrefix": "reports/job-clean/failures/",
            ])
        let cloud = try await Portal.cloud(directory)
        let legacy = try await Portal.legacy(directory)
        #expect(cloud.count == 5)
        #expect(legacy.count == 5)
        #expect(cloud["c-0001"]?["address"] == "10 Oak Ave, Portland")
        #expect(legacy["c-0001"]?["address"] == "10 Oak Ave, Portland")
        #expect(cloud["c-0005"]?["updatedAt"] == "2024-05-01T00:00:00Z")
    }

    /// u-0900 exists only in the legacy store: its cloud write succeeds, the legacy insert is a duplicate, so the
    /// cloud item is deleted again. u-0012 meets an injected legacy failure (a trigger): PROVISIONING_FAILED, and
    /// its cloud item is deleted too.
    @Test("DUAL_PROV compensation: a record refused by the legacy store is removed from the cloud store")
    func compensation() async throws {
        let directory = try Self.directory()
        _ = try await Portal.run("migration", directory, Self.input("job-seed", "LEGACY", "imports/existing.csv"))
        _ = try await Portal.sql(
            directory,
            "CREATE TRIGGER refuse_u0012 BEFORE INSERT ON subscribers WHEN NEW.uid = 'u-0012' BEGIN SELECT RAISE(ABORT, 'injected legacy failure'); END"
        )
        let run = try await Portal.run("migration", directory, Self.input("job-dual", "DUAL_PROV"))
        #expect(run.output?["succeeded"] == 5)
        #expect(run.output?["failed"] == 18)
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-dual.json"))
        let failures = report["failures"]?.arrayValue ?? []
        #expect(failures.contains(["row": 12, "uid": "u-0012", "reason": "PROVISIONING_FAILED"]))
        #expect(failures.contains(["row": 22, "uid": "u-0900", "reason": "DUPLICATE_UID"]))
        let cloud = try await Portal.cloud(directory)
        let legacy = try await Portal.legacy(directory)
        #expect(cloud["u-0900"] == nil)
        #expect(cloud["u-0012"] == nil)
        #expect(legacy["u-0012"] == nil)
        #expect(legacy["u-0900"]?["msisdn"] == "+14155559900")
        // Nothing half-provisioned: every subscriber this job wrote is in both stores.
        let migrated = Set(legacy.filter { $0.value["migration_job_id"] == "job-dual" }.keys)
        #expect(Set(cloud.keys) == migrated)
        #expect(migrated == Set(Self.valid).subtracting(["u-0012"]))
    }

    @Test("An unknown mode fails the execution and the job record with the error")
    func invalidMode() async throws {
        let directory = try Self.directory()
        let run = try await Portal.run("migration", directory, Self.input("job-bad", "EVERYWHERE"))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("FAILED: Migration.InvalidMode"))
        let job = try await Portal.job(directory, "job-bad")
        #expect(job["job_status"] == "FAILED")
        #expect(job["error"]?.stringValue?.contains("EVERYWHERE") == true)
    }

    @Test("A missing input file fails the job with the reader's error")
    func missingFile() async throws {
        let directory = try Self.directory()
        let run = try await Portal.run("migration", directory, Self.input("job-missing", "CLOUD", "imports/nope.csv"))
        #expect(run.status == 1)
        #expect(run.stderr.contains("States.ItemReaderFailed"))
        let job = try await Portal.job(directory, "job-missing")
        #expect(job["job_status"] == "FAILED")
        #expect(job["error"]?.stringValue?.contains("NoSuchKey") == true)
    }

    @Test("Throttled writes are retried with backoff and the run still provisions every valid record")
    func throttlingRetried() async throws {
        let directory = try Self.directory()
        let runtime = Portal.runtime(directory)
        let calls = Counter()
        let throttled = Counter()
        let put = try #require(Portal.service(directory, "arn:aws:states:::dynamodb:putItem", state: "PutCloud"))
        runtime.register("arn:aws:states:::dynamodb:putItem") { input, context in
            // Every record's first two attempts are throttled.
            if calls.next() % 3 != 0 {
                _ = throttled.next()
                throw StatesError("DynamoDB.ProvisionedThroughputExceededException", "Rate of requests exceeds the allowed throughput.")
            }
            return try await put(input, context)
        }
        let execution = try await runtime.start(
            try Portal.machine("migration"), input: Self.input("job-throttled", "DUAL_PROV"), name: "job-throttled")
        let result = await execution.result
        #expect(result.status == .succeeded)
        // Nothing was seeded, so u-0900 (row 22) is provisioned too.
        #expect(result.output?["succeeded"] == 7)
        #expect(result.output?["failed"] == 16)
        #expect(throttled.count == 2 * calls.count / 3)
        #expect(throttled.count == 16)  // 8 rows reach PutCloud (u-0001 twice)
        #expect(Set(try await Portal.cloud(directory).keys) == Set(Self.valid + ["u-0900"]))
        #expect(Set(try await Portal.legacy(directory).keys) == Set(Self.valid + ["u-0900"]))
    }

    /// Cancelling = setting the job record CANCELLED (what `POST /jobs/{id}/cancel` in the portal does); batches
    /// that start afterwards provision nothing, the ones in flight finish their records, so no subscriber is ever
    /// half-provisioned, and the job ends CANCELLED with the counts of what was done.
    @Test("Cancelling in the middle of a migration: job CANCELLED, counts of what was done, nothing half-provisioned")
    func cancellation() async throws {
        let directory = try Portal.dataDirectory(["imports/many.csv": try await Portal.generated(600, prefix: "k")])
        let runtime = Portal.runtime(directory, clock: .real)
        let put = try #require(Portal.service(directory, "arn:aws:states:::dynamodb:putItem", state: "PutCloud"))
        let cancel = try #require(Portal.service(directory, "arn:aws:states:::dynamodb:updateItem", state: "Cancel"))
        let calls = Counter()
        runtime.register("arn:aws:states:::dynamodb:putItem") { input, context in
            if calls.next() == 60 {
                _ = try await cancel(Portal.cancelRequest("job-cancel"), context)
            }
            return try await put(input, context)
        }
        let input: JSON = ["jobId": "job-cancel", "mode": "DUAL_PROV", "bucket": "portal-data", "key": "imports/many.csv", "batchSize": 10]
        let execution = try await runtime.start(try Portal.machine("migration"), input: input, name: "job-cancel")
        let result = await execution.result
        #expect(result.status == .succeeded)
        let output = try #require(result.output)
        #expect(output["status"] == "CANCELLED")
        let processed = try #require(output["processed"]?.intValue)
        #expect(processed > 0 && processed < 600 && processed % 10 == 0)
        let job = try await Portal.job(directory, "job-cancel")
        #expect(job["job_status"] == "CANCELLED")
        #expect(job["processed_records"] == output["processed"])
        #expect(job["success_records"] == output["succeeded"])
        let cloud = try await Portal.cloud(directory)
        let legacy = try await Portal.legacy(directory)
        #expect(Set(cloud.keys) == Set(legacy.keys))
        #expect(cloud.count == output["succeeded"]?.intValue)
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-cancel.json"))
        #expect(report["processed"] == output["processed"])
    }

    /// SIGKILL during a DUAL_PROV migration run with --db, then `stepwise resume`: re-dispatched writes find their
    /// own item (same job and row) and count as provisioned, so the counts are those of an uninterrupted run.
    @Test("SIGKILL in the middle of a migration, then resume: exact counts, nothing written twice")
    func killAndResume() async throws {
        let rows = 1000
        let directory = try Portal.dataDirectory(["imports/kill.csv": try await Portal.generated(rows, prefix: "s")])
        let work = directory.deletingLastPathComponent()
        let database = work.appendingPathComponent("stepwise.db").path
        let input = Self.input("job-kill", "DUAL_PROV", "imports/kill.csv")
        let run = try TestSupport.spawn(
            [
                "run", Portal.workflow("migration"), "--db", database, "--data-dir", directory.path, "--name", "job-kill", "--input",
                input.serialized(),
            ],
            in: work, label: "run")
        // Kill once some subscribers are written.
        let legacyFile = directory.appendingPathComponent("rds/legacy.sqlite")
        for _ in 0..<600 where run.isRunning {
            if let size = try? FileManager.default.attributesOfItem(atPath: legacyFile.path)[.size] as? Int, size > 40_000 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(run.isRunning, "the run finished before it could be killed")
        Foundation.kill(run.processIdentifier, SIGKILL)
        await run.exited()
        let interrupted = try await Portal.legacy(directory).count
        let resume = try await TestSupport.execute(["resume", "--db", database, "--data-dir", directory.path], in: work, label: "resume")
        #expect(resume.status == 0)
        let job = try await Portal.job(directory, "job-kill")
        // The generator makes 20 invalid rows and 10 repeated uids per 1,000.
        #expect(job["job_status"] == "COMPLETED")
        #expect(job["processed_records"] == .int(rows))
        #expect(job["success_records"] == 970)
        #expect(job["failed_records"] == 30)
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-kill.json"))
        let reasons = (report["failures"]?.arrayValue ?? []).compactMap { $0["reason"]?.stringValue }
        #expect(reasons.filter { $0 == "DUPLICATE_UID" }.count == 10)
        let cloud = try await Portal.cloud(directory)
        let legacy = try await Portal.legacy(directory)
        #expect(cloud.count == 970)
        #expect(Set(cloud.keys) == Set(legacy.keys))
        // Each subscriber carries the row that wrote it: no other row of the file wrote it (again).
        for (uid, item) in cloud { #expect(item["migrationRow"] == legacy[uid]?["migration_row"], "\(uid)") }
        #expect(interrupted > 0 && interrupted < 970)
    }

}
