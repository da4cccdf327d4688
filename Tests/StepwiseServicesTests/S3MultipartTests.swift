import Digests
import Foundation
import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("S3 multipart uploads", .timeLimit(.minutes(3)))
struct S3MultipartTests {
    /// A bucket `data` and an upload of `key` in it; answers the upload id.
    func start(_ s3: S3Fixture, key: String = "big.bin", extra: JSONObject = [:]) throws -> String {
        try s3.call("createBucket", ["Bucket": "data"])
        var request: JSONObject = ["Bucket": "data", "Key": .string(key)]
        for (name, value) in extra { request[name] = value }
        let created = try s3.call("createMultipartUpload", .object(request))
        #expect(created["Bucket"] == "data")
        #expect(created["Key"] == JSON.string(key))
        return created["UploadId"]?.stringValue ?? ""
    }

    func part(_ s3: S3Fixture, _ uploadId: String, _ number: Int, _ body: String, key: String = "big.bin") throws -> String {
        try s3.call(
            "uploadPart", ["Bucket": "data", "Key": .string(key), "UploadId": .string(uploadId), "PartNumber": .int(number), "Body": .string(body)])[
                "ETag"]?.stringValue ?? ""
    }

    func complete(_ s3: S3Fixture, _ uploadId: String, _ parts: [(Int, String)], key: String = "big.bin") throws -> JSON {
        let list = parts.map { JSON.object(["PartNumber": .int($0.0), "ETag": .string($0.1)]) }
        return try s3.call(
            "completeMultipartUpload",
            ["Bucket": "data", "Key": .string(key), "UploadId": .string(uploadId), "MultipartUpload": ["Parts": .array(list)]])
    }

    static let bigPart = String(repeating: "a", count: S3Store.minimumPartSize)

    @Test func twoPartsMakeAnObjectWithTheMultipartETag() throws {
        let s3 = try S3Fixture()
        let id = try start(s3, extra: ["ContentType": "application/gzip", "Metadata": ["Package": "p"]])
        let first = try part(s3, id, 1, Self.bigPart)
        let second = try part(s3, id, 2, "tail")
        #expect(first == "\"\(Digest.hexDigest(of: Self.bigPart, .md5))\"")
        #expect(second == "\"\(Digest.hexDigest(of: "tail", .md5))\"")
        let folder = s3.directory.url.appendingPathComponent("s3-uploads/\(id)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["1", "2"])
        let listed = try s3.call("listParts", ["Bucket": "data", "Key": "big.bin", "UploadId": .string(id)])
        #expect(listed["Parts"]?.arrayValue?.map { $0["PartNumber"] } == [1, 2])
        #expect(listed["Parts"]?[1]?["Size"] == 4)
        #expect(listed["Parts"]?[1]?["ETag"] == JSON.string(second))
        let uploads = try s3.call("listMultipartUploads", ["Bucket": "data"])
        #expect(uploads["Uploads"]?.arrayValue?.map { $0["UploadId"] } == [.string(id)])

        let done = try complete(s3, id, [(1, first), (2, second)])
        let digests = Digest.hash(Array(Self.bigPart.utf8), .md5) + Digest.hash(Array("tail".utf8), .md5)
        let eTag = "\"\(Digest.hexDigest(of: digests, .md5))-2\""
        #expect(done["ETag"] == JSON.string(eTag))
        #expect(done["Location"] == "https://data.s3.amazonaws.com/big.bin")
        #expect(done["ServerSideEncryption"] == "AES256")
        let head = try s3.call("headObject", ["Bucket": "data", "Key": "big.bin"])
        #expect(head["ETag"] == JSON.string(eTag))
        #expect(head["ContentLength"] == JSON.int(S3Store.minimumPartSize + 4))
        #expect(head["ContentType"] == "application/gzip")
        #expect(head["Metadata"] == ["package": "p"])
        #expect(!FileManager.default.fileExists(atPath: folder.path))  // parts gone
        #expect(try s3.call("listMultipartUploads", ["Bucket": "data"])["Uploads"] == nil)
        #expect(s3.errorName { try complete(s3, id, [(1, first), (2, second)]) } == "S3.NoSuchUploadException")
    }

    @Test func completionChecksThePartsAndTheirOrder() throws {
        let s3 = try S3Fixture()
        let id = try start(s3)
        let small = try part(s3, id, 1, "small")
        let last = try part(s3, id, 2, "last")
        #expect(s3.errorName { try complete(s3, id, [(2, last), (1, small)]) } == "S3.S3Exception")
        do {
            _ = try complete(s3, id, [(2, last), (1, small)])
        } catch let error as StatesError {
            #expect(
                error.cause
                    == "The list of parts was not in ascending order. The parts list must be specified in order by part number. (Service: S3, Status Code: 400)"
            )
        }
        do {
            _ = try complete(s3, id, [(1, "\"0123\""), (2, last)])
            Issue.record("a wrong ETag completed")
        } catch let error as StatesError {
            #expect(error.name == "S3.S3Exception")
            #expect(error.cause.hasPrefix("One or more of the specified parts could not be found."))
        }
        #expect(s3.errorName { try complete(s3, id, [(1, small), (3, last)]) } == "S3.S3Exception")  // part 3 never uploaded
        do {
            _ = try complete(s3, id, [(1, small), (2, last)])
            Issue.record("a small first part completed")
        } catch let error as StatesError {
            #expect(error.cause == "Your proposed upload is smaller than the minimum allowed size (Service: S3, Status Code: 400)")
        }
        #expect(s3.errorName { try complete(s3, id, []) } == "S3.S3Exception")  // MalformedXML
        // One small part alone is the last part: allowed. Part numbers outside 1...10000 are refused.
        #expect(s3.errorName { try part(s3, id, 0, "x") } == "S3.S3Exception")
        #expect(s3.errorName { try part(s3, id, 10_001, "x") } == "S3.S3Exception")
        let done = try complete(s3, id, [(2, last)])
        #expect(done["ETag"] == JSON.string("\"\(Digest.hexDigest(of: Digest.hash(Array("last".utf8), .md5), .md5))-1\""))
        #expect(try s3.call("getObject", ["Bucket": "data", "Key": "big.bin"])["Body"] == "last")
    }

    @Test func abortRemovesThePartsAndTheUpload() throws {
        let s3 = try S3Fixture()
        let id = try start(s3)
        _ = try part(s3, id, 1, "one")
        _ = try part(s3, id, 2, "two")
        let folder = s3.directory.url.appendingPathComponent("s3-uploads/\(id)")
        #expect(FileManager.default.fileExists(atPath: folder.path))
        #expect(try s3.call("abortMultipartUpload", ["Bucket": "data", "Key": "big.bin", "UploadId": .string(id)]) == [:])
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(s3.errorName { try part(s3, id, 3, "three") } == "S3.NoSuchUploadException")
        #expect(
            s3.errorName { try s3.call("listParts", ["Bucket": "data", "Key": "big.bin", "UploadId": .string(id)]) } == "S3.NoSuchUploadException")
        #expect(
            s3.errorName { try s3.call("abortMultipartUpload", ["Bucket": "data", "Key": "big.bin", "UploadId": .string(id)]) }
                == "S3.NoSuchUploadException")
        #expect(try s3.call("listObjectsV2", ["Bucket": "data"])["KeyCount"] == 0)
    }

    @Test func anUnknownUploadOrAnotherKeysIsNoSuchUpload() throws {
        let s3 = try S3Fixture()
        let id = try start(s3)
        do {
            _ = try s3.call("uploadPart", ["Bucket": "data", "Key": "other.bin", "UploadId": .string(id), "PartNumber": 1, "Body": "x"])
            Issue.record("another key's upload took a part")
        } catch let error as StatesError {
            #expect(error.name == "S3.NoSuchUploadException")
            #expect(
                error.cause
                    == "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed. (Service: S3, Status Code: 404)"
            )
        }
        #expect(s3.errorName { try complete(s3, "nope", [(1, "\"x\"")]) } == "S3.NoSuchUploadException")
        #expect(s3.errorName { try s3.call("createMultipartUpload", ["Bucket": "none", "Key": "k"]) } == "S3.NoSuchBucketException")
    }

    @Test func ifNoneMatchRefusesToReplaceAnObject() throws {
        let s3 = try S3Fixture()
        let id = try start(s3)
        try s3.call("putObject", ["Bucket": "data", "Key": "big.bin", "Body": "already"])
        let eTag = try part(s3, id, 1, "new")
        do {
            _ = try s3.call(
                "completeMultipartUpload",
                [
                    "Bucket": "data", "Key": "big.bin", "UploadId": .string(id), "IfNoneMatch": "*",
                    "MultipartUpload": ["Parts": [["PartNumber": 1, "ETag": .string(eTag)]]],
                ])
            Issue.record("the object was replaced")
        } catch let error as StatesError {
            #expect(error.name == "S3.S3Exception")
            #expect(error.cause == "At least one of the pre-conditions you specified did not hold (Service: S3, Status Code: 412)")
        }
        #expect(try s3.call("getObject", ["Bucket": "data", "Key": "big.bin"])["Body"] == "already")
    }

    @Test func stepwiseDataShowsUploadsInProgress() throws {
        let s3 = try S3Fixture()
        let id = try start(s3)
        _ = try part(s3, id, 1, "12345")
        let inventory = try DataInventory.read(s3.directory)
        #expect(inventory.uploads == [DataInventory.Upload(bucket: "data", key: "big.bin", uploadId: id, parts: 1, bytes: 5)])
        #expect(inventory.text.contains("S3 multipart uploads in progress (1)\n  data/big.bin  1 part(s), 5 bytes  upload \(id)"))
        #expect(inventory.json["s3"]?["multipartUploads"]?[0]?["uploadId"] == JSON.string(id))
    }
}
