import Digests
import Foundation
import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("S3 objects", .timeLimit(.minutes(3)))
struct S3ObjectTests {
    @Test func putGetHeadAndDeleteAnObject() throws {
        let s3 = try S3Fixture()
        try s3.call("createBucket", ["Bucket": "data"])
        let put = try s3.call(
            "putObject", ["Bucket": "data", "Key": "in/hello.txt", "Body": "hello", "ContentType": "text/plain", "Metadata": ["Owner": "me"]])
        #expect(put["ETag"] == "\"5d41402abc4b2a76b9719d911017c592\"")  // md5("hello")
        let file = s3.directory.url.appendingPathComponent("s3/data/in/hello.txt")
        #expect(try String(contentsOf: file, encoding: .utf8) == "hello")
        let got = try s3.call("getObject", ["Bucket": "data", "Key": "in/hello.txt"])
        #expect(got["Body"] == "hello")
        #expect(got["ContentType"] == "text/plain")
        #expect(got["ContentLength"] == 5)
        #expect(got["ETag"] == put["ETag"])
        #expect(got["Metadata"] == ["owner": "me"])
        #expect(got["LastModified"]?.stringValue?.hasSuffix("Z") == true)
        let head = try s3.call("headObject", ["Bucket": "data", "Key": "in/hello.txt"])
        #expect(head["Body"] == nil)
        #expect(head["ContentLength"] == 5)
        #expect(try s3.call("deleteObject", ["Bucket": "data", "Key": "in/hello.txt"]) == [:])
        #expect(!FileManager.default.fileExists(atPath: file.deletingLastPathComponent().path))  // empty folder removed
        #expect(s3.errorName { try s3.call("getObject", ["Bucket": "data", "Key": "in/hello.txt"]) } == "S3.NoSuchKeyException")
        #expect(try s3.call("deleteObject", ["Bucket": "data", "Key": "never-there"]) == [:])
    }

    @Test func aJSONBodyIsWrittenAsJSONText() throws {
        let s3 = try S3Fixture()
        try s3.call("createBucket", ["Bucket": "data"])
        try s3.call("putObject", ["Bucket": "data", "Key": "x.json", "Body": ["a": 1]])
        let got = try s3.call("getObject", ["Bucket": "data", "Key": "x.json"])
        #expect(got["Body"] == "{\"a\":1}")
        #expect(got["ContentType"] == "application/json")
    }

    @Test func aFileDroppedInHasAnETagAndAGuessedType() throws {
        let s3 = try S3Fixture()
        try s3.call("createBucket", ["Bucket": "data"])
        try Data("a,b\n1,2\n".utf8).write(to: s3.directory.url.appendingPathComponent("s3/data/rows.csv"))
        let head = try s3.call("headObject", ["Bucket": "data", "Key": "rows.csv"])
        #expect(head["ETag"] == .string("\"\(Digest.hexDigest(of: Array("a,b\n1,2\n".utf8), .md5))\""))
        #expect(head["ContentType"] == "text/csv")
    }

    @Test func objectErrors() throws {
        let s3 = try S3Fixture()
        #expect(s3.errorName { try s3.call("putObject", ["Bucket": "none", "Key": "k", "Body": "x"]) } == "S3.NoSuchBucketException")
        #expect(s3.errorName { try s3.call("getObject", ["Bucket": "none", "Key": "k"]) } == "S3.NoSuchBucketException")
        try s3.call("createBucket", ["Bucket": "data"])
        #expect(s3.errorName { try s3.call("headObject", ["Bucket": "data", "Key": "k"]) } == "S3.NoSuchKeyException")
        #expect(s3.errorName { try s3.call("getObject", ["Bucket": "data"]) } == "S3.InvalidRequestException")
    }

    @Test(arguments: ["../escape", "a/../../b", "/abs", "a//b", "./x", "a/./b"])
    func keysCannotLeaveTheBucket(_ key: String) throws {
        let s3 = try S3Fixture()
        try s3.call("createBucket", ["Bucket": "data"])
        #expect(s3.errorName { try s3.call("putObject", ["Bucket": "data", "Key": .string(key), "Body": "x"]) } == "S3.S3Exception")
        #expect(!FileManager.default.fileExists(atPath: s3.directory.url.appendingPathComponent("s3/escape").path))
    }

    @Test func copyObjectKeepsOrReplacesMetadata() throws {
        let s3 = try S3Fixture()
        try s3.call("createBucket", ["Bucket": "src"])
        try s3.call("createBucket", ["Bucket": "dst"])
        try s3.call("putObject", ["Bucket": "src", "Key": "a b.txt", "Body": "data", "ContentType": "text/x-custom"])
        let copied = try s3.call("copyObject", ["Bucket": "dst", "Key": "copy.txt", "CopySource": "src/a%20b.txt"])
        #expect(copied["CopyObjectResult"]?["ETag"] == .string("\"\(Digest.hexDigest(of: Array("data".utf8), .md5))\""))
        #expect(try s3.call("headObject", ["Bucket": "dst", "Key": "copy.txt"])["ContentType"] == "text/x-custom")
        try s3.call(
            "copyObject",
            ["Bucket": "dst", "Key": "r.txt", "CopySource": "/src/a b.txt", "MetadataDirective": "REPLACE", "ContentType": "text/plain"])
        #expect(try s3.call("headObject", ["Bucket": "dst", "Key": "r.txt"])["ContentType"] == "text/plain")
        #expect(s3.errorName { try s3.call("copyObject", ["Bucket": "dst", "Key": "x", "CopySource": "src/missing"]) } == "S3.NoSuchKeyException")
        #expect(
            s3.errorName { try s3.call("copyObject", ["Bucket": "src", "Key": "a b.txt", "CopySource": "src/a b.txt"]) }
                == "S3.InvalidRequestException")
    }

    @Test func storeAPIForTheEngine() throws {
        let s3 = try S3Fixture()
        let store = s3.service.store
        try store.createBucket("items")
        try store.putObject(bucket: "items", key: "in/1.json", data: Data("[1]".utf8))
        try store.putObject(bucket: "items", key: "out/r.json", data: Data("{}".utf8), contentType: "application/json")
        #expect(try store.getObject(bucket: "items", key: "in/1.json") == Data("[1]".utf8))
        #expect(try store.list(bucket: "items", prefix: "in/").map(\.key) == ["in/1.json"])
    }
}
