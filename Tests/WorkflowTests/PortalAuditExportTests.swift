import Foundation
import JSON
import StepwiseTesting
import Testing

/// workflows/audit.asl.json and workflows/export.asl.json end to end on the local services (issue 9).
@Suite("Portal: audit and export", .serialized, .timeLimit(.minutes(3)))
struct PortalAuditExportTests {
    /// The clean file migrated DUAL_PROV, then the stores drift apart: c-0002 changed in legacy (status, email),
    /// c-0003 deleted from legacy, c-0004 deleted from the cloud, c-0005 changed later in legacy (planId,
    /// updatedAt), c-0000 only in legacy with a quote and a line break in its address.
    static func driftedStores() async throws -> URL {
        let directory = try Portal.dataDirectory(["imports/clean.csv": try Portal.fixture("subscribers-clean.csv")])
        let run = try await Portal.run(
            "migration", directory, ["jobId": "job-setup", "mode": "DUAL_PROV", "bucket": "portal-data", "key": "imports/clean.csv"])
        #expect(run.output?["succeeded"] == 5, "\(run.stderr)")
        _ = try await Portal.sql(directory, "UPDATE subscribers SET status = 'SUSPENDED', email = NULL WHERE uid = 'c-0002'")
        _ = try await Portal.sql(directory, "DELETE FROM subscribers WHERE uid = 'c-0003'")
        _ = try await Portal.sql(directory, "UPDATE subscribers SET plan_id = 'plan-gold', updated_at = '2025-01-01T00:00:00Z' WHERE uid = 'c-0005'")
        _ = try await Portal.sql(
            directory,
            """
            INSERT INTO subscribers (uid, msisdn, imsi, status, plan_id, address, created_at, updated_at) VALUES ('c-0000', '+14155550000', \
            '310150000000000', 'ACTIVE', 'plan-pro', 'Flat "B"
            Line 2', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')
            """)
        _ = try await Portal.probe(directory, "arn:aws:states:::dynamodb:deleteItem", ["TableName": "Subscribers", "Key": ["uid": ["S": "c-0004"]]])
        return directory
    }

    @Test("Audit lists the uids missing on each side and every field that differs")
    func audit() async throws {
        let directory = try await Self.driftedStores()
        let run = try await Portal.run("audit", directory, ["jobId": "job-audit", "bucket": "portal-data"])
        #expect(
            run.output == [
                "jobId": "job-audit", "status": "COMPLETED", "cloudCount": 4, "legacyCount": 5, "missingInCloud": 2, "missingInLegacy": 1,
                "mismatched": 2, "reportKey": "reports/job-audit-audit.json",
            ])
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-audit-audit.json"))
        #expect(report == (try JSON(parsing: try Portal.fixture("expected/audit-report.json"))))
        let job = try await Portal.job(directory, "job-audit")
        #expect(job["job_type"] == "AUDIT")
        #expect(job["job_status"] == "COMPLETED")
        #expect(job["output_file_key"] == "reports/job-audit-audit.json")
    }

    @Test("Audit of stores in step (and of empty ones) finds nothing")
    func auditInStep() async throws {
        let empty = try Portal.dataDirectory(["imports/none.txt": ""])
        let none = try await Portal.run("audit", empty, ["jobId": "job-empty", "bucket": "portal-data"])
        #expect(none.output?["cloudCount"] == 0)
        #expect(none.output?["mismatched"] == 0)
        let directory = try Portal.dataDirectory(["imports/clean.csv": try Portal.fixture("subscribers-clean.csv")])
        _ = try await Portal.run(
            "migration", directory, ["jobId": "job-setup", "mode": "DUAL_PROV", "bucket": "portal-data", "key": "imports/clean.csv"])
        let run = try await Portal.run("audit", directory, ["jobId": "job-step", "bucket": "portal-data"])
        #expect(run.output?["cloudCount"] == 5)
        #expect(run.output?["legacyCount"] == 5)
        #expect(run.output?["missingInCloud"] == 0)
        #expect(run.output?["missingInLegacy"] == 0)
        #expect(run.output?["mismatched"] == 0)
    }

    @Test("MERGED CSV export keeps the later updatedAt per uid, masks PII, quotes per RFC 4180 and sorts by uid")
    func mergedCSV() async throws {
        let directory = try await Self.driftedStores()
        let run = try await Portal.run(
            "export", directory,
            [
                "jobId": "job-x-merged", "bucket": "portal-data", "source": "MERGED", "format": "CSV", "filters": [:], "maskPII": true,
            ])
        #expect(run.output == ["jobId": "job-x-merged", "status": "COMPLETED", "records": 6, "exportKey": "exports/job-x-merged.csv", "parts": 0])
        #expect(try Portal.object(directory, key: "exports/job-x-merged.csv") == (try Portal.fixture("expected/export-merged-masked.csv")))
        let job = try await Portal.job(directory, "job-x-merged")
        #expect(job["job_type"] == "EXPORT")
        #expect(job["job_status"] == "COMPLETED")
        #expect(job["processed_records"] == 6)
        #expect(job["output_file_key"] == "exports/job-x-merged.csv")
    }

    @Test("CLOUD JSON export with a status filter, unmasked")
    func cloudJSON() async throws {
        let directory = try await Self.driftedStores()
        let run = try await Portal.run(
            "export", directory,
            [
                "jobId": "job-x-cloud", "bucket": "portal-data", "source": "CLOUD", "format": "JSON", "filters": ["status": "INACTIVE"],
                "maskPII": false,
            ])
        #expect(run.output == ["jobId": "job-x-cloud", "status": "COMPLETED", "records": 1, "exportKey": "exports/job-x-cloud.json", "parts": 0])
        let exported = try JSON(parsing: try Portal.object(directory, key: "exports/job-x-cloud.json"))
        #expect(exported == (try JSON(parsing: try Portal.fixture("expected/export-cloud-inactive.json"))))
        #expect((try await Portal.job(directory, "job-x-cloud"))["filters"] == #"{"status":"INACTIVE"}"#)
    }

    @Test("LEGACY CSV export with a planId filter")
    func legacyCSV() async throws {
        let directory = try await Self.driftedStores()
        let run = try await Portal.run(
            "export", directory,
            [
                "jobId": "job-x-legacy", "bucket": "portal-data", "source": "LEGACY", "format": "CSV", "filters": ["planId": "plan-pro"],
                "maskPII": false,
            ])
        #expect(run.output?["records"] == 2)
        #expect(try Portal.object(directory, key: "exports/job-x-legacy.csv") == (try Portal.fixture("expected/export-legacy-plan-pro.csv")))
    }

    @Test("Both filters together, and masking in JSON")
    func bothFiltersMasked() async throws {
        let directory = try await Self.driftedStores()
        let run = try await Portal.run(
            "export", directory,
            [
                "jobId": "job-x-both", "bucket": "portal-data", "source": "MERGED", "format": "JSON",
                "filters": ["status": "ACTIVE", "planId": "plan-basic"], "maskPII": true,
            ])
        #expect(run.output?["records"] == 1)
        let exported = try JSON(parsing: try Portal.object(directory, key: "exports/job-x-both.json"))
        #expect(exported[0]?["uid"] == "c-0001")
        #expect(exported[0]?["imsi"] == "***********0001")
        #expect(exported[0]?["email"] == "a***@example.com")
    }

    @Test("An unknown source fails the export job")
    func invalidSource() async throws {
        let directory = try Portal.dataDirectory()
        let run = try await Portal.run(
            "export", directory, ["jobId": "job-x-bad", "bucket": "portal-data", "source": "TAPE", "format": "CSV", "maskPII": false])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("FAILED: Export.InvalidInput"))
        #expect((try await Portal.job(directory, "job-x-bad"))["job_status"] == "FAILED")
    }
}
