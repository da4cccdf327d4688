import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

/// How the migration fails when compensation or the report fails, through the library with handlers that wrap
/// the local services (issue 9).
@Suite("Portal: migration failures", .serialized, .timeLimit(.minutes(3)))
struct PortalFailureTests {
    static func directory() throws -> URL {
        try Portal.dataDirectory(["imports/mixed.csv": try Portal.fixture("subscribers-mixed.csv")])
    }

    static func input(_ job: String) -> JSON {
        ["jobId": .string(job), "mode": "DUAL_PROV", "bucket": "portal-data", "key": "imports/mixed.csv"]
    }

    /// The legacy store refuses u-0012 and the cloud store refuses every delete: the compensation fails after its
    /// retries, so u-0012 is in the cloud store only. That is reported (COMPENSATION_FAILED) and fails the job,
    /// instead of passing for an ordinary failed record.
    @Test("A DUAL_PROV compensation that fails after its retries is COMPENSATION_FAILED and fails the job")
    func compensationFails() async throws {
        let directory = try Self.directory()
        _ = try await Portal.sql(directory, try Portal.legacyDDL)
        _ = try await Portal.sql(
            directory, "CREATE TRIGGER refuse_u0012 BEFORE INSERT ON subscribers WHEN NEW.uid = 'u-0012' BEGIN SELECT RAISE(ABORT, 'injected'); END")
        let runtime = Portal.runtime(directory)
        let deletes = Counter()
        runtime.register("arn:aws:states:::dynamodb:deleteItem") { _, _ in
            _ = deletes.next()
            throw StatesError("DynamoDB.InternalServerErrorException", "Internal server error")
        }
        let execution = try await runtime.start(try Portal.machine("migration"), input: Self.input("job-comp"), name: "job-comp")
        let result = await execution.result
        #expect(result.status == .failed)
        #expect(result.error == "Migration.CompensationFailed")
        #expect(deletes.count == 11)  // the first attempt and 10 retries
        let report = try JSON(parsing: try Portal.object(directory, key: "reports/job-comp.json"))
        let failures = report["failures"]?.arrayValue ?? []
        #expect(failures.contains(["row": 12, "uid": "u-0012", "reason": "COMPENSATION_FAILED"]))
        let job = try await Portal.job(directory, "job-comp")
        #expect(job["job_status"] == "FAILED")
        #expect(job["compensation_failures"] == 1)
        #expect(job["error"]?.stringValue?.hasPrefix("Migration.CompensationFailed: 1 subscriber(s) are in the cloud store only") == true)
        #expect(try await Portal.cloud(directory)["u-0012"] != nil)
        #expect(try await Portal.legacy(directory)["u-0012"] == nil)
    }

    /// A job cancelled while it runs, whose report then cannot be written: the failure is recorded on the job but
    /// does not overwrite CANCELLED.
    @Test("A failure after a cancel keeps the job CANCELLED and records the error")
    func failureAfterCancelKeepsCancelled() async throws {
        let directory = try Self.directory()
        let runtime = Portal.runtime(directory)
        let put = try #require(Portal.service(directory, "arn:aws:states:::aws-sdk:s3:putObject", state: "WriteReport"))
        let update = try #require(Portal.service(directory, "arn:aws:states:::dynamodb:updateItem", state: "Cancel"))
        runtime.register("arn:aws:states:::aws-sdk:s3:putObject") { input, context in
            guard input["Key"] == "reports/job-late.json" else { return try await put(input, context) }
            _ = try await update(Portal.cancelRequest("job-late"), context)
            throw StatesError("S3.S3Exception", "We encountered an internal error. Please try again. (Service: S3, Status Code: 500)")
        }
        let execution = try await runtime.start(try Portal.machine("migration"), input: Self.input("job-late"), name: "job-late")
        let result = await execution.result
        #expect(result.status == .failed)
        #expect(result.error == "S3.S3Exception")
        let job = try await Portal.job(directory, "job-late")
        #expect(job["job_status"] == "CANCELLED")
        #expect(job["error"] == "S3.S3Exception: We encountered an internal error. Please try again. (Service: S3, Status Code: 500)")
        #expect(job["finished_at"]?.stringValue?.isEmpty == false)
    }
}
