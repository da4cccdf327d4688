import Digests
import Foundation
import JSON
import Stepwise
import StepwiseHost
import StepwiseIntegrations
import StepwiseServices
import StepwiseStore
import StepwiseTesting
import Testing

/// workflows/upload-package.asl.json and count-download.asl.json end to end on a virtual-clock DurableRuntime (SQLite
/// store, durable task tokens) with the
/// real local services (DynamoDB, S3 with multipart uploads and SSE-KMS, KMS, the outbox) and the callback
/// integrations: the test plays the client, reading the task token from the outbox's "Package upload ready" event,
/// uploading the parts through the same local S3 and calling SendTaskSuccess.
@Suite("Upload package workflow", .serialized, .timeLimit(.minutes(3)))
struct UploadPackageTests {
    struct Failed: Error, CustomStringConvertible { let description: String }

    static let workflows = TestSupport.packageRoot.appendingPathComponent("workflows")
    /// The tables, the publisher u-publisher, the bucket pkg-artifacts and its KMS key (alias/pkg-artifacts).
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Fixtures/registry/upload")

    /// A data directory seeded from Fixtures/registry/upload/stepwise.json, a runtime and its callback integrations.
    final class Registry: Sendable {
        let directory: DataDirectory
        let runtime: Runtime
        let durable: DurableRuntime
        let integrations: CallbackIntegrations
        let s3: S3Service
        let key: KMSKey

        init() async throws {
            directory = DataDirectory(path: try TestSupport.temporaryDirectory().appendingPathComponent("data").path)
            let seed = try #require(try Seed.load(UploadPackageTests.fixtures.appendingPathComponent("stepwise.json").path))
            _ = try await Seeder(directory: directory).apply(seed, mode: .missing)
            let store = S3Store(dataDirectory: directory)
            key = try store.kms.key("alias/pkg-artifacts")
            s3 = S3Service(store: store)
            runtime = Runtime(clock: .virtual)
            LocalServices.install(directory, into: runtime)
            let database = directory.url.deletingLastPathComponent().appendingPathComponent("stepwise.db").path
            durable = DurableRuntime(store: try await Store(path: database), runtime: runtime)
            integrations = CallbackIntegrations(durable: durable)
            integrations.install()
        }

        func start(_ workflow: String, _ input: JSON, name: String) async throws -> Execution {
            let text = try String(contentsOf: UploadPackageTests.workflows.appendingPathComponent("\(workflow).asl.json"), encoding: .utf8)
            return try await durable.start(try StateMachine(text: text, name: workflow), definition: text, input: input, name: name)
        }

        /// The detail of the "Package upload ready" event of the upload `uploadId`, once the workflow sent it.
        func readyEvent(_ uploadId: String) async throws -> JSON {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                // (the file may exist a moment before its table: a failed read is read again)
                for message in (try? Outbox(dataDirectory: directory).messages(service: "events")) ?? [] {
                    guard let detail = try? JSON(parsing: message.request["Detail"]?.stringValue ?? ""), detail["uploadId"] == JSON.string(uploadId)
                    else {
                        continue
                    }
                    return detail
                }
                try await Task.sleep(for: .milliseconds(10))
            }
            throw Failed(description: "no Package upload ready event for \(uploadId)")
        }

        /// Uploads one part as the client does; answers {PartNumber, ETag}.
        func upload(_ event: JSON, part: Int, _ body: String) throws -> JSON {
            let response = try s3.call(
                "uploadPart",
                input: [
                    "Bucket": event["bucket"] ?? .null, "Key": event["key"] ?? .null, "UploadId": event["s3UploadId"] ?? .null,
                    "PartNumber": .int(part), "Body": .string(body),
                ])
            return ["PartNumber": .int(part), "ETag": response["ETag"] ?? .null]
        }

        func item(_ table: String, _ key: JSON) async throws -> JSON? {
            let response = try await DynamoDB(dataDirectory: directory).perform("getItem", input: ["TableName": .string(table), "Key": key])
            return response["Item"].map(Provisioning.plain)
        }
    }

    static let firstPart = String(repeating: "m", count: S3Store.minimumPartSize)

    @Test("A multipart upload completed by the client: object with the multipart ETag under SSE-KMS, upload COMPLETE, package registered")
    func completed() async throws {
        let registry = try await Registry()
        let execution = try await registry.start(
            "upload-package", ["name": "image-tagger", "version": "1.0.0", "userId": "u-publisher"], name: "up-1")
        let event = try await registry.readyEvent("up-1")
        #expect(event["bucket"] == "pkg-artifacts")
        #expect(event["key"] == "packages/image-tagger/1.0.0/image-tagger-1.0.0.tgz")
        #expect(try await registry.item("uploads", ["uploadId": ["S": "up-1"]])?["status"] == "INITIATED")
        let parts = [try registry.upload(event, part: 1, Self.firstPart), try registry.upload(event, part: 2, "the end")]
        try await registry.integrations.tokens.sendTaskSuccess(token: event["taskToken"]?.stringValue ?? "", output: ["parts": .array(parts)])
        let result = await execution.result
        #expect(result.status == .succeeded, "\(result.error ?? "") \(result.cause ?? "")")

        let digests = Digest.hash(Array(Self.firstPart.utf8), .md5) + Digest.hash(Array("the end".utf8), .md5)
        let eTag = "\"\(Digest.hexDigest(of: digests, .md5))-2\""
        let size = S3Store.minimumPartSize + 7
        #expect(
            result.output == [
                "uploadId": "up-1", "name": "image-tagger", "version": "1.0.0", "bucket": "pkg-artifacts",
                "s3Key": "packages/image-tagger/1.0.0/image-tagger-1.0.0.tgz", "etag": .string(eTag), "size": .int(size), "parts": 2,
                "kmsKeyArn": .string(registry.key.arn), "status": "COMPLETE",
            ])
        let head = try registry.s3.call(
            "headObject", input: ["Bucket": "pkg-artifacts", "Key": "packages/image-tagger/1.0.0/image-tagger-1.0.0.tgz"])
        #expect(head["ETag"] == JSON.string(eTag))
        #expect(head["ServerSideEncryption"] == "aws:kms")
        #expect(head["SSEKMSKeyId"] == JSON.string(registry.key.arn))
        #expect(head["Metadata"] == ["owner": "u-publisher", "package": "image-tagger", "upload-id": "up-1", "version": "1.0.0"])
        let upload = try await registry.item("uploads", ["uploadId": ["S": "up-1"]])
        #expect(upload?["status"] == "COMPLETE")
        #expect(upload?["etag"] == JSON.string(eTag))
        #expect(upload?["partCount"] == 2)
        let package = try await registry.item("packages", ["name": ["S": "image-tagger"], "version": ["S": "1.0.0"]])
        #expect(package?["status"] == "REGISTERED")
        #expect(package?["etag"] == JSON.string(eTag))
        #expect(package?["size"] == JSON.int(size))
        #expect(try FileManager.default.contentsOfDirectory(atPath: registry.directory.url.appendingPathComponent("s3-uploads").path) == [])

        // The same version again is refused before anything is uploaded or recorded.
        let again = try await registry.start("upload-package", ["name": "image-tagger", "version": "1.0.0", "userId": "u-publisher"], name: "up-2")
        let refused = await again.result
        #expect(refused.error == "PackageAlreadyRegistered")
        #expect(refused.cause == "Package image-tagger version 1.0.0 is already registered")
        #expect(try await registry.item("uploads", ["uploadId": ["S": "up-2"]]) == nil)

        // Downloads: an atomic ADD per download; an unregistered version is PackageNotFound.
        for expected in 1...2 {
            let count = try await registry.start("count-download", ["name": "image-tagger", "version": "1.0.0"], name: "dl-\(expected)")
            #expect(await count.result.output == ["name": "image-tagger", "version": "1.0.0", "downloads": .int(expected)])
        }
        let missing = await (try await registry.start("count-download", ["name": "image-tagger", "version": "9.9.9"], name: "dl-missing")).result
        #expect(missing.error == "PackageNotFound")
        #expect(missing.cause == "Package image-tagger version 9.9.9 is not registered")
        #expect(try await registry.item("downloads", ["name": ["S": "image-tagger"], "version": ["S": "1.0.0"]])?["downloads"] == 2)

        // With the bucket's key disabled, reading the package fails with S3's KMS error; enabled again, it reads.
        let read = """
            {"QueryLanguage": "JSONata", "StartAt": "Get", "States": {"Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
              "Arguments": {"Bucket": "pkg-artifacts", "Key": "packages/image-tagger/1.0.0/image-tagger-1.0.0.tgz"},
              "Output": "{% $length($states.result.Body) %}", "End": true}}}
            """
        let disable = """
            {"QueryLanguage": "JSONata", "StartAt": "Disable", "States": {"Disable": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:kms:disableKey",
              "Arguments": {"KeyId": "alias/pkg-artifacts"}, "End": true}}}
            """
        #expect(
            await (try await registry.runtime.start(try StateMachine(text: disable, name: "disable"), input: [:], name: "disable")).result.status
                == .succeeded)
        let denied = await (try await registry.runtime.start(try StateMachine(text: read, name: "read"), input: [:], name: "read-1")).result
        #expect(denied.error == "S3.S3Exception")
        #expect(denied.cause == "\(registry.key.arn) is disabled. (Service: S3, Status Code: 400)")
        try registry.s3.store.kms.setState(registry.key.keyId, "Enabled")
        // (the 5 MiB body is beyond a state's 256 KiB payload, so the content is read from the store)
        let content = try registry.s3.store.getObject(bucket: "pkg-artifacts", key: "packages/image-tagger/1.0.0/image-tagger-1.0.0.tgz")
        #expect(content == Data((Self.firstPart + "the end").utf8))
    }

    @Test(
        "No heartbeat or SendTaskSuccess in time: the multipart upload is aborted (no parts left), the upload FAILED, the execution States.HeartbeatTimeout"
    )
    func timedOut() async throws {
        let registry = try await Registry()
        let execution = try await registry.start(
            "upload-package", ["name": "image-tagger", "version": "2.0.0", "userId": "u-publisher", "timeoutSeconds": 600, "heartbeatSeconds": 1],
            name: "up-late")
        let event = try await registry.readyEvent("up-late")
        _ = try registry.upload(event, part: 1, "a part that is never completed")
        let folder = registry.directory.url.appendingPathComponent("s3-uploads/\(event["s3UploadId"]?.stringValue ?? "")")
        #expect(FileManager.default.fileExists(atPath: folder.path))
        let result = await execution.result
        #expect(result.status == .failed)
        #expect(result.error == "States.HeartbeatTimeout")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(try registry.s3.call("listMultipartUploads", input: ["Bucket": "pkg-artifacts"])["Uploads"] == nil)
        let upload = try await registry.item("uploads", ["uploadId": ["S": "up-late"]])
        #expect(upload?["status"] == "FAILED")
        #expect(upload?["error"] == JSON.string(result.error ?? ""))
        #expect(try await registry.item("packages", ["name": ["S": "image-tagger"], "version": ["S": "2.0.0"]]) == nil)
        #expect(await execution.history.contains { $0.type == .taskTimedOut })
    }

    @Test("Parts that do not match (a wrong ETag): InvalidPart from S3, the upload aborted and FAILED with that error")
    func invalidPart() async throws {
        let registry = try await Registry()
        let execution = try await registry.start(
            "upload-package", ["name": "image-tagger", "version": "3.0.0", "userId": "u-publisher"], name: "up-bad")
        let event = try await registry.readyEvent("up-bad")
        _ = try registry.upload(event, part: 1, "content")
        try await registry.integrations.tokens.sendTaskSuccess(
            token: event["taskToken"]?.stringValue ?? "", output: ["parts": [["PartNumber": 1, "ETag": "\"00000000000000000000000000000000\""]]])
        let result = await execution.result
        #expect(result.error == "S3.S3Exception")
        #expect(result.cause?.hasPrefix("One or more of the specified parts could not be found.") == true)
        #expect(try await registry.item("uploads", ["uploadId": ["S": "up-bad"]])?["status"] == "FAILED")
        #expect(try registry.s3.call("listMultipartUploads", input: ["Bucket": "pkg-artifacts"])["Uploads"] == nil)
        #expect(try registry.s3.call("listObjectsV2", input: ["Bucket": "pkg-artifacts"])["KeyCount"] == 0)
    }

    @Test("A declared size the object does not have: UploadVerificationFailed, the object deleted; a reader may not upload")
    func verificationAndCallers() async throws {
        let registry = try await Registry()
        let execution = try await registry.start(
            "upload-package", ["name": "image-tagger", "version": "4.0.0", "userId": "u-publisher", "size": 999], name: "up-size")
        let event = try await registry.readyEvent("up-size")
        let part = try registry.upload(event, part: 1, "seven b")
        try await registry.integrations.tokens.sendTaskSuccess(token: event["taskToken"]?.stringValue ?? "", output: ["parts": [part]])
        let result = await execution.result
        #expect(result.error == "UploadVerificationFailed")
        #expect(
            result.cause
                == "The uploaded object s3://pkg-artifacts/packages/image-tagger/4.0.0/image-tagger-4.0.0.tgz failed verification: size 7 is not the declared 999"
        )
        #expect(try registry.s3.call("listObjectsV2", input: ["Bucket": "pkg-artifacts"])["KeyCount"] == 0)
        #expect(try await registry.item("uploads", ["uploadId": ["S": "up-size"]])?["status"] == "FAILED")
        #expect(try await registry.item("packages", ["name": ["S": "image-tagger"], "version": ["S": "4.0.0"]]) == nil)

        let reader = await
            (try await registry.start("upload-package", ["name": "image-tagger", "version": "4.0.0", "userId": "u-reader"], name: "up-reader")).result
        #expect(reader.error == "NotAPublisher")
        let badVersion = await
            (try await registry.start("upload-package", ["name": "image-tagger", "version": "4.0", "userId": "u-publisher"], name: "up-v")).result
        #expect(badVersion.error == "InvalidPackageVersion")
        #expect(try await registry.item("uploads", ["uploadId": ["S": "up-reader"]]) == nil)
    }
}
