import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

/// workflows/migration.asl.json at its edges: the throttling mock config through the CLI, values with trailing
/// whitespace, a report larger than one object, and a DUAL_PROV compensation that fails (issue 9).
@Suite("Portal: migration edges", .serialized, .heavy, .timeLimit(.minutes(5)))
struct PortalMigrationEdgeTests {
    static let header = "uid,msisdn,imsi,status,planId,email,firstName,lastName,address,dateOfBirth,createdAt,updatedAt\n"

    static func input(_ job: String, _ mode: String, _ key: String) -> JSON {
        ["jobId": .string(job), "mode": .string(mode), "bucket": "portal-data", "key": .string(key)]
    }

    /// The file's own test cases: throttled job, cloud and legacy writes are retried and every record is still
    /// written (PassThrough after the throttles); a write throttled past its retries fails that record only.
    @Test("The throttling mock config, run as the README says, retries and still provisions every valid record")
    func throttlingMockConfig() async throws {
        let directory = try Portal.dataDirectory(["imports/clean.csv": try Portal.fixture("subscribers-clean.csv")])
        let mocks = TestSupport.packageRoot.appendingPathComponent("Fixtures/portal/mocks/migration-throttling.json").path
        let run = await TestSupport.cli(
            "run", Portal.workflow("migration"), "--data-dir", directory.path, "--virtual-time", "--json", "--mock-config", mocks,
            "--test-case", "ThrottledWrites", "--input", Self.input("job-throttled", "DUAL_PROV", "imports/clean.csv").serialized())
        let summary = try JSON(parsing: run.stdout)
        #expect(summary["status"] == "SUCCEEDED")
        #expect(summary["output"]?["succeeded"] == 5)
        // The job record's first write was throttled and retried (the batches' retries happen in child executions).
        let failed = (summary["events"]?.arrayValue ?? []).filter { $0["type"] == "TaskFailed" }
        #expect(failed.map { $0["taskFailedEventDetails"]?["error"] } == ["DynamoDB.ProvisionedThroughputExceededException"])
        let cloud = try await Portal.cloud(directory)
        let legacy = try await Portal.legacy(directory)
        #expect(Set(cloud.keys) == ["c-0001", "c-0002", "c-0003", "c-0004", "c-0005"])
        #expect(Set(legacy.keys) == Set(cloud.keys))
        let job = try await Portal.job(directory, "job-throttled")
        #expect(job["job_status"] == "COMPLETED")
        #expect(job["success_records"] == 5)

        let again = try Portal.dataDirectory(["imports/clean.csv": try Portal.fixture("subscribers-clean.csv")])
        let past = try await Portal.run(
            "migration", again, Self.input("job-past", "CLOUD", "imports/clean.csv"), "--mock-config", mocks, "--test-case",
            "FirstWriteThrottledPastRetries")
        #expect(past.output?["succeeded"] == 4)
        let report = try JSON(parsing: try Portal.object(again, key: "reports/job-past.json"))
        #expect(report["failures"] == [["row": 1, "uid": "c-0001", "reason": "PROVISIONING_FAILED"]])
        #expect(Set(try await Portal.cloud(again).keys) == ["c-0002", "c-0003", "c-0004", "c-0005"])
    }

    /// `$` in the rules is the end of the value (JavaScript), so a line break or a blank after a number is not a
    /// number: msisdn and imsi are not trimmed, status is exact; uid, email and dateOfBirth are trimmed and stored so.
    @Test("Values with a trailing line break or blank are INVALID_MSISDN / INVALID_IMSI / INVALID_STATUS")
    func trailingWhitespace() async throws {
        let rows = [
            "w-01,\"+14155550101\n\",310150000000001,ACTIVE", "w-02,+14155550102 ,310150000000002,ACTIVE",
            "w-03,\"+14155550103\r\n\",310150000000003,ACTIVE", "w-04,+14155550104,\"310150000000004\n\",ACTIVE",
            "w-05,+14155550105,310150000000005 ,ACTIVE", "w-06,+14155550106,\"310150000000006\t\",ACTIVE",
            "w-07,+14155550107,310150000000007,\"ACTIVE\n\"", "w-08,+14155550108,310150000000008,ACTIVE,,\"a\tb@example.com\"",
            " w-09 ,+14155550109,310150000000009,ACTIVE,,\" ok@example.com\n\",,,,\"1990-01-01 \"",
        ]
        let csv = Self.header + rows.map { $0 + String(repeating: ",", count: 11 - $0.filter { $0 == "," }.count) }.joined(separator: "\n") + "\n"
        let directory = try Portal.dataDirectory(["imports/blanks.csv": csv])
        let run = try await Portal.run("migration", directory, Self.input("job-blanks", "CLOUD", "imports/blanks.csv"))
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-blanks.json"))
        #expect(
            report["failures"] == [
                ["row": 1, "uid": "w-01", "reason": "INVALID_MSISDN"], ["row": 2, "uid": "w-02", "reason": "INVALID_MSISDN"],
                ["row": 3, "uid": "w-03", "reason": "INVALID_MSISDN"], ["row": 4, "uid": "w-04", "reason": "INVALID_IMSI"],
                ["row": 5, "uid": "w-05", "reason": "INVALID_IMSI"], ["row": 6, "uid": "w-06", "reason": "INVALID_IMSI"],
                ["row": 7, "uid": "w-07", "reason": "INVALID_STATUS"], ["row": 8, "uid": "w-08", "reason": "INVALID_EMAIL"],
            ])
        #expect(run.output?["succeeded"] == 1)
        let stored = try await Portal.cloud(directory)["w-09"]
        #expect(stored?["email"] == "ok@example.com")
        #expect(stored?["dateOfBirth"] == "1990-01-01")
    }

    /// 2,600 failures of 60-character uids are ~290 KB of report: more than one state payload (256 KiB) may carry,
    /// which used to fail the job with States.DataLimitExceeded. Now each batch writes its failures as a part, the report holds as
    /// many as fit (in row order) and says it is truncated, and the parts together hold them all.
    @Test("A report with more failures than one object can hold: truncated inline list, every failure in the parts")
    func reportBeyondOnePayload() async throws {
        let invalid = 2600
        let uid = { (row: Int) in "r-" + String(repeating: "x", count: 53) + String(format: "%05d", row) }
        var csv = Self.header
        for row in 1...(invalid + 10) {
            let msisdn = row <= invalid ? "0800" : String(format: "+1415%07d", row)
            csv += "\(uid(row)),\(msisdn),\(String(format: "310150%09d", row)),ACTIVE,,,,,,,,\n"
        }
        let directory = try Portal.dataDirectory(["imports/bad.csv": csv])
        let run = try await Portal.run("migration", directory, Self.input("job-bad", "CLOUD", "imports/bad.csv"))
        #expect(run.stderr == "")
        #expect(
            run.output == [
                "jobId": "job-bad", "status": "COMPLETED", "processed": 2610, "succeeded": 10, "failed": 2600, "reportKey": "reports/job-bad.json",
            ])
        let reportText = try Portal.object(directory, key: "reports/job-bad.json")
        #expect(reportText.utf8.count < 256 * 1024)
        let report = try JSON(parsing: reportText)
        #expect(report["truncated"] == true)
        #expect(report["partsPrefix"] == "reports/job-bad/failures/")
        let expected = (1...invalid).map { row -> JSON in ["row": .int(row), "uid": .string(uid(row)), "reason": "INVALID_MSISDN"] }
        let inline = report["failures"]?.arrayValue ?? []
        #expect(inline.count > 1500 && inline.count < invalid)
        #expect(inline == Array(expected.prefix(inline.count)))
        let parts = Portal.keys(directory, prefix: "reports/job-bad/failures/")
        #expect(parts.count == 26)
        let all = try parts.flatMap { try JSON(parsing: try Portal.object(directory, key: $0)).arrayValue ?? [] }
        #expect(all == expected)
        let job = try await Portal.job(directory, "job-bad")
        #expect(job["failed_records"] == 2600)
        #expect(job["counted_batches"] == nil)
    }
}
