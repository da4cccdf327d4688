import Foundation
import JSON
import StepwiseTesting
import Testing

/// Audit and export over stores far past what one state payload (256 KiB) can hold, and the MERGED export's
/// merge-then-filter order (issue 9). The stores are seeded through the local services.
@Suite("Portal: audit and export at scale", .serialized, .heavy, .timeLimit(.minutes(5)))
struct PortalScaleTests {
    /// 63-character uids, so a few thousand of them outgrow one report object.
    static let prefix = "a-" + String(repeating: "x", count: 55) + "-"

    static func uid(_ number: Int) -> String { prefix + String(format: "%05d", number) }

    /// 3,500 subscribers in the cloud store; the legacy store has the first 100 as they are, the next 30 changed
    /// later (SUSPENDED, updated 2025), and 50 of its own (90001…90050).
    static func stores() async throws -> URL {
        let directory = try Portal.dataDirectory(["imports/none.txt": ""])
        let cloud = (1...3500).map { PortalSeed.subscriber($0, prefix: prefix) }
        try await PortalSeed.cloud(directory, cloud)
        let changed = (101...130).map { PortalSeed.subscriber($0, prefix: prefix, status: "SUSPENDED", updatedAt: "2025-01-01T00:00:00Z") }
        try await PortalSeed.legacy(directory, Array(cloud.prefix(100)) + changed + (90001...90050).map { PortalSeed.subscriber($0, prefix: prefix) })
        return directory
    }

    @Test("Audit of 3,550 subscribers: exact counts, a truncated report whose parts hold every finding in uid order")
    func auditAtScale() async throws {
        let directory = try await Self.stores()
        let run = try await Portal.run("audit", directory, ["jobId": "job-big", "bucket": "portal-data"])
        #expect(run.stderr == "")
        #expect(
            run.output == [
                "jobId": "job-big", "status": "COMPLETED", "cloudCount": 3500, "legacyCount": 180, "missingInCloud": 50, "missingInLegacy": 3370,
                "mismatched": 30, "reportKey": "reports/job-big-audit.json",
            ])
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-big-audit.json"))
        #expect(report["truncated"] == true)
        #expect(report["counts"] == ["missingInCloud": 50, "missingInLegacy": 3370, "mismatched": 30])
        let parts = try Portal.keys(directory, prefix: "reports/job-big-audit/").map { try JSON(parsing: try Portal.object(directory, key: $0)) }
        let missingInLegacy = parts.flatMap { $0["missingInLegacy"]?.arrayValue ?? [] }
        #expect(missingInLegacy == (131...3500).map { .string(Self.uid($0)) })
        #expect(parts.flatMap { $0["missingInCloud"]?.arrayValue ?? [] } == (90001...90050).map { .string(Self.uid($0)) })
        let mismatched = parts.flatMap { $0["mismatched"]?.arrayValue ?? [] }
        #expect(mismatched.map { $0["uid"] } == (101...130).map { .string(Self.uid($0)) })
        #expect(
            mismatched.first?["differences"] == [
                ["field": "status", "cloud": "ACTIVE", "legacy": "SUSPENDED"],
                ["field": "updatedAt", "cloud": "2024-01-01T00:00:00Z", "legacy": "2025-01-01T00:00:00Z"],
            ])
        let inline = report["missingInLegacy"]?.arrayValue ?? []
        #expect(inline.count > 1000 && inline == Array(missingInLegacy.prefix(inline.count)))
        #expect(report["mismatched"]?.arrayValue?.count == 30)
        let job = try await Portal.job(directory, "job-big")
        #expect(job["job_status"] == "COMPLETED")
        #expect(job["failed_records"] == 3480)
        // The work table is emptied once the job is done.
        let left = try await Portal.sql(directory, "SELECT COUNT(*) AS n FROM cloud_snapshot")
        #expect(left["FormattedRecords"] == #"[{"n":0}]"#)
    }

    @Test("MERGED CSV export of 3,550 subscribers: numbered parts, each with its header, together every record in uid order")
    func exportAtScale() async throws {
        let directory = try await Self.stores()
        let run = try await Portal.run(
            "export", directory,
            [
                "jobId": "job-all", "bucket": "portal-data", "source": "MERGED", "format": "CSV", "filters": [:], "maskPII": false,
            ])
        let output = try #require(run.output, "\(run.stderr)")
        #expect(output["records"] == 3550)
        #expect(output["exportKey"] == "exports/job-all/")
        let keys = Portal.keys(directory, prefix: "exports/job-all/")
        #expect(output["parts"] == .int(keys.count))
        #expect(keys.count > 5 && keys.first == "exports/job-all/part-00000-001.csv")
        let header = "uid,msisdn,imsi,status,planId,email,firstName,lastName,address,dateOfBirth,createdAt,updatedAt"
        var lines: [String] = []
        for key in keys {
            let text = try Portal.object(directory, key: key)
            #expect(text.utf8.count < 256 * 1024)
            var partLines = text.components(separatedBy: "\r\n")
            #expect(partLines.removeFirst() == header)
            #expect(partLines.removeLast() == "")
            #expect(!partLines.contains(""), "\(key): \(partLines.count) lines, empty at \(partLines.firstIndex(of: "") ?? -1)")
            lines += partLines
        }
        let expected = ((1...3500).map { ($0, $0 > 100 && $0 <= 130) } + (90001...90050).map { ($0, false) }).map { number, changed in
            let s = PortalSeed.subscriber(
                number, prefix: Self.prefix, status: changed ? "SUSPENDED" : "ACTIVE",
                updatedAt: changed ? "2025-01-01T00:00:00Z" : "2024-01-01T00:00:00Z")
            return PortalSeed.fields.map { field in field == "address" ? "\"\(s[field]?.stringValue ?? "")\"" : s[field]?.stringValue ?? "" }.joined(
                separator: ",")
        }
        // Compared line by line, so a failure names the first difference rather than printing megabytes.
        #expect(lines.count == expected.count)
        let firstDifference = lines.indices.first { $0 >= expected.count || lines[$0] != expected[$0] }
        #expect(
            firstDifference == nil,
            "line \(firstDifference ?? 0): \(firstDifference.map { lines[max(0, $0 - 2)...min(lines.count - 1, $0 + 1)].map { String($0.prefix(70)) } } ?? [])"
        )
        #expect((try await Portal.job(directory, "job-all"))["output_file_key"] == "exports/job-all/")
    }

    /// The filters apply to the merged record: a stale copy that matches must not stand in for a newer copy that
    /// does not (each store filtered before the merge let m-1's old cloud copy and m-2's old legacy copy through).
    @Test("MERGED export filters after the merge: a stale matching copy never wins over a newer one")
    func mergeThenFilter() async throws {
        let directory = try Portal.dataDirectory(["imports/none.txt": ""])
        let old = "2024-01-01T00:00:00Z"
        let new = "2025-01-01T00:00:00Z"
        try await PortalSeed.cloud(
            directory,
            [
                PortalSeed.subscriber(1, prefix: "m-", status: "ACTIVE", updatedAt: old),
                PortalSeed.subscriber(2, prefix: "m-", status: "SUSPENDED", updatedAt: new),
                PortalSeed.subscriber(3, prefix: "m-", status: "ACTIVE", updatedAt: new), PortalSeed.subscriber(5, prefix: "m-", status: "INACTIVE"),
            ])
        try await PortalSeed.legacy(
            directory,
            [
                PortalSeed.subscriber(1, prefix: "m-", status: "INACTIVE", updatedAt: new),
                PortalSeed.subscriber(2, prefix: "m-", status: "ACTIVE", updatedAt: old),
                PortalSeed.subscriber(3, prefix: "m-", status: "INACTIVE", updatedAt: old), PortalSeed.subscriber(4, prefix: "m-", status: "ACTIVE"),
            ])
        let run = try await Portal.run(
            "export", directory,
            [
                "jobId": "job-m", "bucket": "portal-data", "source": "MERGED", "format": "JSON", "filters": ["status": "ACTIVE"], "maskPII": false,
            ])
        #expect(run.output?["records"] == 2)
        let exported = try JSON(parsing: try Portal.object(directory, key: "exports/job-m.json"))
        #expect(exported.arrayValue?.map { $0["uid"] } == ["m-00003", "m-00004"])
        #expect(exported[0]?["updatedAt"] == .string(new))
    }
}
