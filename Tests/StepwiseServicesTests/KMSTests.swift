import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("KMS and SSE-KMS", .timeLimit(.minutes(3)))
struct KMSTests {
    let directory: DataDirectory
    let kms: KMSService
    let s3: S3Fixture

    init() throws {
        s3 = try S3Fixture()
        directory = s3.directory
        kms = KMSService(store: KMSStore(dataDirectory: directory))
    }

    func error(_ body: () throws -> Any) -> StatesError? {
        do {
            _ = try body()
            return nil
        } catch { return error as? StatesError }
    }

    @Test func keysAliasesAndStates() throws {
        let created = try kms.call("createKey", input: ["Description": "packages"])
        let id = created["KeyMetadata"]?["KeyId"]?.stringValue ?? ""
        let arn = "arn:aws:kms:us-east-1:123456789012:key/\(id)"
        #expect(created["KeyMetadata"]?["Arn"] == JSON.string(arn))
        #expect(created["KeyMetadata"]?["KeyState"] == "Enabled")
        #expect(created["KeyMetadata"]?["Enabled"] == true)
        #expect(try kms.call("createAlias", input: ["AliasName": "alias/pkg", "TargetKeyId": .string(id)]) == [:])
        #expect(try kms.call("describeKey", input: ["KeyId": "alias/pkg"])["KeyMetadata"]?["KeyId"] == JSON.string(id))
        #expect(
            try kms.call("describeKey", input: ["KeyId": "arn:aws:kms:us-east-1:123456789012:alias/pkg"])["KeyMetadata"]?["Arn"] == JSON.string(arn))
        #expect(try kms.call("listKeys", input: [:])["Keys"] == [["KeyId": .string(id), "KeyArn": .string(arn)]])
        #expect(
            try kms.call("listAliases", input: [:])["Aliases"]
                == [["AliasName": "alias/pkg", "AliasArn": "arn:aws:kms:us-east-1:123456789012:alias/pkg", "TargetKeyId": .string(id)]])
        #expect(
            error { try kms.call("createAlias", input: ["AliasName": "alias/pkg", "TargetKeyId": .string(id)]) }?.name == "KMS.AlreadyExistsException"
        )
        #expect(error { try kms.call("describeKey", input: ["KeyId": "alias/none"]) }?.name == "KMS.NotFoundException")
        #expect(
            error { try kms.call("describeKey", input: ["KeyId": "00000000-0000-0000-0000-000000000000"]) }
                == StatesError("KMS.NotFoundException", "Invalid keyId '00000000-0000-0000-0000-000000000000'"))
        try kms.call("disableKey", input: ["KeyId": .string(id)])
        #expect(try kms.call("describeKey", input: ["KeyId": .string(id)])["KeyMetadata"]?["KeyState"] == "Disabled")
        try kms.call("enableKey", input: ["KeyId": .string(arn)])
        #expect(try kms.call("describeKey", input: ["KeyId": .string(id)])["KeyMetadata"]?["Enabled"] == true)
        let scheduled = try kms.call("scheduleKeyDeletion", input: ["KeyId": .string(id), "PendingWindowInDays": 7])
        #expect(scheduled["KeyState"] == "PendingDeletion")
        #expect(
            error { try kms.call("enableKey", input: ["KeyId": .string(id)]) }
                == StatesError("KMS.KMSInvalidStateException", "\(arn) is pending deletion."))
        #expect(error { try kms.call("encrypt", input: ["KeyId": .string(id), "Plaintext": "x"]) }?.name == "KMS.KMSInvalidStateException")
        try kms.call("cancelKeyDeletion", input: ["KeyId": .string(id)])
        #expect(try kms.call("describeKey", input: ["KeyId": .string(id)])["KeyMetadata"]?["KeyState"] == "Disabled")
    }

    @Test func encryptDecryptAndTheirErrors() throws {
        let id = try kms.call("createKey", input: [:])["KeyMetadata"]?["KeyId"]?.stringValue ?? ""
        let arn = "arn:aws:kms:us-east-1:123456789012:key/\(id)"
        let sealed = try kms.call("encrypt", input: ["KeyId": .string(id), "Plaintext": "secret text", "EncryptionContext": ["purpose": "test"]])
        #expect(sealed["KeyId"] == JSON.string(arn))
        let blob = sealed["CiphertextBlob"]?.stringValue ?? ""
        #expect(!String(decoding: Data(base64Encoded: blob) ?? Data(), as: UTF8.self).contains("secret text"))
        let opened = try kms.call("decrypt", input: ["CiphertextBlob": .string(blob), "EncryptionContext": ["purpose": "test"]])
        #expect(opened["Plaintext"] == JSON.string(Data("secret text".utf8).base64EncodedString()))
        #expect(opened["KeyId"] == JSON.string(arn))
        // Another context, an altered blob, something that is not a blob at all: InvalidCiphertextException.
        #expect(error { try kms.call("decrypt", input: ["CiphertextBlob": .string(blob)]) } == StatesError("KMS.InvalidCiphertextException", ""))
        var bytes = [UInt8](Data(base64Encoded: blob) ?? Data())
        bytes[bytes.count - 1] ^= 1
        #expect(
            error {
                try kms.call(
                    "decrypt", input: ["CiphertextBlob": .string(Data(bytes).base64EncodedString()), "EncryptionContext": ["purpose": "test"]])
            }?
            .name == "KMS.InvalidCiphertextException")
        #expect(error { try kms.call("decrypt", input: ["CiphertextBlob": "aGVsbG8="]) }?.name == "KMS.InvalidCiphertextException")
        // A disabled key neither encrypts nor decrypts.
        try kms.call("disableKey", input: ["KeyId": .string(id)])
        #expect(
            error { try kms.call("encrypt", input: ["KeyId": .string(id), "Plaintext": "x"]) }
                == StatesError("KMS.DisabledException", "\(arn) is disabled."))
        #expect(
            error { try kms.call("decrypt", input: ["CiphertextBlob": .string(blob), "EncryptionContext": ["purpose": "test"]]) }
                == StatesError("KMS.DisabledException", "\(arn) is disabled."))
        try kms.call("enableKey", input: ["KeyId": .string(id)])
        let dataKey = try kms.call("generateDataKey", input: ["KeyId": .string(id), "KeySpec": "AES_256"])
        #expect(Data(base64Encoded: dataKey["Plaintext"]?.stringValue ?? "")?.count == 32)
        let again = try kms.call("decrypt", input: ["CiphertextBlob": dataKey["CiphertextBlob"] ?? .null])
        #expect(again["Plaintext"] == dataKey["Plaintext"])
        #expect(
            error { try kms.call("generateDataKey", input: ["KeyId": .string(id), "KeySpec": "AES_256", "NumberOfBytes": 8]) }?.name
                == "KMS.ValidationException")
    }

    @Test func anSSEKMSObjectIsEncryptedOnDiskAndUnreadableWhenItsKeyIsDisabled() throws {
        let key = try KMSStore(dataDirectory: directory).createKey(description: "pkg-artifacts")
        try s3.call("createBucket", ["Bucket": "pkg-artifacts"])
        let put = try s3.call(
            "putObject",
            ["Bucket": "pkg-artifacts", "Key": "a.txt", "Body": "plain words", "ServerSideEncryption": "aws:kms", "SSEKMSKeyId": .string(key.keyId)])
        #expect(put["ServerSideEncryption"] == "aws:kms")
        #expect(put["SSEKMSKeyId"] == JSON.string(key.arn))
        let file = directory.url.appendingPathComponent("s3/pkg-artifacts/a.txt")
        let stored = try Data(contentsOf: file)
        #expect(stored.count == 11)
        #expect(stored != Data("plain words".utf8))
        let got = try s3.call("getObject", ["Bucket": "pkg-artifacts", "Key": "a.txt"])
        #expect(got["Body"] == "plain words")
        #expect(got["ServerSideEncryption"] == "aws:kms")
        #expect(got["SSEKMSKeyId"] == JSON.string(key.arn))
        #expect(try s3.call("headObject", ["Bucket": "pkg-artifacts", "Key": "a.txt"])["SSEKMSKeyId"] == JSON.string(key.arn))

        try kms.call("disableKey", input: ["KeyId": .string(key.keyId)])
        #expect(
            s3.errorName { try s3.call("getObject", ["Bucket": "pkg-artifacts", "Key": "a.txt"]) } == "S3.S3Exception")
        #expect(
            error { try s3.call("getObject", ["Bucket": "pkg-artifacts", "Key": "a.txt"]) }
                == StatesError("S3.S3Exception", "\(key.arn) is disabled. (Service: S3, Status Code: 400)"))
        // HeadObject still answers (it needs no decryption), as on S3; writing under the disabled key fails.
        #expect(try s3.call("headObject", ["Bucket": "pkg-artifacts", "Key": "a.txt"])["ContentLength"] == 11)
        #expect(
            error {
                try s3.call(
                    "putObject",
                    ["Bucket": "pkg-artifacts", "Key": "b.txt", "Body": "x", "ServerSideEncryption": "aws:kms", "SSEKMSKeyId": .string(key.keyId)])
            }?
            .cause == "\(key.arn) is disabled. (Service: S3, Status Code: 400)")
        try kms.call("enableKey", input: ["KeyId": .string(key.keyId)])
        #expect(try s3.call("getObject", ["Bucket": "pkg-artifacts", "Key": "a.txt"])["Body"] == "plain words")
        // A copy is encrypted as asked (or as its bucket's default says), not as its source was.
        let plainCopy = try s3.call("copyObject", ["Bucket": "pkg-artifacts", "Key": "plain.txt", "CopySource": "pkg-artifacts/a.txt"])
        #expect(plainCopy["ServerSideEncryption"] == "AES256")
        #expect(try Data(contentsOf: directory.url.appendingPathComponent("s3/pkg-artifacts/plain.txt")) == Data("plain words".utf8))
        let sealedCopy = try s3.call(
            "copyObject",
            [
                "Bucket": "pkg-artifacts", "Key": "sealed.txt", "CopySource": "pkg-artifacts/plain.txt", "ServerSideEncryption": "aws:kms",
                "SSEKMSKeyId": .string(key.arn),
            ])
        #expect(sealedCopy["SSEKMSKeyId"] == JSON.string(key.arn))
        #expect(try s3.call("getObject", ["Bucket": "pkg-artifacts", "Key": "sealed.txt"])["Body"] == "plain words")
        // A file put there by hand is a plain object again.
        try Data("by hand".utf8).write(to: directory.url.appendingPathComponent("s3/pkg-artifacts/sealed.txt"))
        let replaced = try s3.call("getObject", ["Bucket": "pkg-artifacts", "Key": "sealed.txt"])
        #expect(replaced["Body"] == "by hand")
        #expect(replaced["ServerSideEncryption"] == "AES256")
    }

    @Test func aBucketDefaultKeyEncryptsPutsAndMultipartUploads() throws {
        let store = KMSStore(dataDirectory: directory)
        let key = try store.createKey()
        try store.createAlias("alias/pkg-artifacts", keyId: key.keyId)
        try s3.call("createBucket", ["Bucket": "pkg-artifacts"])
        try s3.call(
            "putBucketEncryption",
            [
                "Bucket": "pkg-artifacts",
                "ServerSideEncryptionConfiguration": [
                    "Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/pkg-artifacts"]]]
                ],
            ])
        #expect(try s3.call("putObject", ["Bucket": "pkg-artifacts", "Key": "a", "Body": "x"])["SSEKMSKeyId"] == JSON.string(key.arn))
        let created = try s3.call("createMultipartUpload", ["Bucket": "pkg-artifacts", "Key": "m"])
        #expect(created["SSEKMSKeyId"] == JSON.string(key.arn))
        let id = created["UploadId"] ?? .null
        let eTag =
            try s3.call("uploadPart", ["Bucket": "pkg-artifacts", "Key": "m", "UploadId": id, "PartNumber": 1, "Body": "part one"])["ETag"] ?? .null
        let part = try Data(contentsOf: directory.url.appendingPathComponent("s3-uploads/\(id.stringValue ?? "")/1"))
        #expect(part != Data("part one".utf8))
        let done = try s3.call(
            "completeMultipartUpload",
            ["Bucket": "pkg-artifacts", "Key": "m", "UploadId": id, "MultipartUpload": ["Parts": [["PartNumber": 1, "ETag": eTag]]]])
        #expect(done["ServerSideEncryption"] == "aws:kms")
        #expect(try s3.call("getObject", ["Bucket": "pkg-artifacts", "Key": "m"])["Body"] == "part one")
        // aws:kms without a key id: the AWS managed key aws/s3, created on first use.
        let managed = try s3.call("putObject", ["Bucket": "pkg-artifacts", "Key": "b", "Body": "y", "ServerSideEncryption": "aws:kms"])
        #expect(managed["SSEKMSKeyId"] == JSON.string(try store.key("alias/aws/s3").arn))
        let inventory = try DataInventory.read(directory)
        #expect(inventory.kmsKeys.map(\.aliases) == [["alias/pkg-artifacts"], ["alias/aws/s3"]])
    }

    @Test func aSeedDeclaresAKeyItsAliasAndTheBucketsItEncrypts() async throws {
        let project = try SeedProject()
        let keyId = "6b1f0e2a-4c3d-4e5f-8a9b-0c1d2e3f4a5b"
        try project.seedFile([
            "kms": [["keyId": .string(keyId), "alias": "alias/pkg-artifacts", "description": "packages", "buckets": ["pkg-artifacts"]]]
        ])
        #expect(try await project.apply() == ["created kms:\(keyId)"])
        #expect(try await project.apply() == ["unchanged kms:\(keyId)"])
        let store = S3Store(dataDirectory: project.data)
        #expect(try store.kms.key("alias/pkg-artifacts").arn == "arn:aws:kms:us-east-1:123456789012:key/\(keyId)")
        let info = try store.putObject(bucket: "pkg-artifacts", key: "p.tgz", data: Data("x".utf8))
        #expect(info.kmsKeyArn == "arn:aws:kms:us-east-1:123456789012:key/\(keyId)")
        try project.seedFile(["kms": [["keyId": "not-a-uuid"]]], name: "bad.json")
        await #expect(throws: SeedError.self) { try await project.apply(file: "bad.json") }
    }

    @Test func aKeyDisabledDuringAnUploadStopsItsPartsAndItsCompletion() throws {
        let store = KMSStore(dataDirectory: directory)
        let key = try store.createKey()
        try s3.call("createBucket", ["Bucket": "pkg-artifacts"])
        let created = try s3.call(
            "createMultipartUpload", ["Bucket": "pkg-artifacts", "Key": "m", "ServerSideEncryption": "aws:kms", "SSEKMSKeyId": .string(key.keyId)])
        let id = created["UploadId"] ?? .null
        let eTag =
            try s3.call("uploadPart", ["Bucket": "pkg-artifacts", "Key": "m", "UploadId": id, "PartNumber": 1, "Body": "one"])["ETag"] ?? .null
        try store.setState(key.keyId, "Disabled")
        let disabled = StatesError("S3.S3Exception", "\(key.arn) is disabled. (Service: S3, Status Code: 400)")
        #expect(
            error { try s3.call("uploadPart", ["Bucket": "pkg-artifacts", "Key": "m", "UploadId": id, "PartNumber": 2, "Body": "two"]) } == disabled)
        let complete: JSON = [
            "Bucket": "pkg-artifacts", "Key": "m", "UploadId": id, "MultipartUpload": ["Parts": [["PartNumber": 1, "ETag": eTag]]],
        ]
        #expect(error { try s3.call("completeMultipartUpload", complete) } == disabled)
        // Aborting needs no key: the parts go.
        try s3.call("abortMultipartUpload", ["Bucket": "pkg-artifacts", "Key": "m", "UploadId": id])
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("s3-uploads/\(id.stringValue ?? "")").path))
    }
}
