import Foundation
import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("S3 buckets", .timeLimit(.minutes(3)))
struct S3BucketTests {
    @Test func createHeadListAndDeleteABucket() throws {
        let s3 = try S3Fixture()
        #expect(try s3.call("createBucket", ["Bucket": "reports"]) == ["Location": "/reports"])
        #expect(try s3.call("headBucket", ["Bucket": "reports"])["BucketRegion"] == "us-east-1")
        let listed = try s3.call("listBuckets", [:])
        #expect(listed["Buckets"]?[0]?["Name"] == "reports")
        #expect(listed["Buckets"]?[0]?["CreationDate"]?.stringValue?.hasSuffix("Z") == true)
        #expect(listed["Owner"]?["ID"] != nil)
        #expect(FileManager.default.fileExists(atPath: s3.directory.url.appendingPathComponent("s3/reports").path))
        #expect(try s3.call("deleteBucket", ["Bucket": "reports"]) == [:])
        #expect(s3.errorName { try s3.call("headBucket", ["Bucket": "reports"]) } == "S3.NoSuchBucketException")
    }

    @Test func aFolderDroppedInIsABucket() throws {
        let s3 = try S3Fixture()
        try FileManager.default.createDirectory(at: s3.directory.url.appendingPathComponent("s3/inbox"), withIntermediateDirectories: true)
        #expect(try s3.call("listBuckets", [:])["Buckets"]?[0]?["Name"] == "inbox")
    }

    @Test func bucketErrorsAreAWSs() throws {
        let s3 = try S3Fixture()
        try s3.call("createBucket", ["Bucket": "data"])
        #expect(try s3.service.call("createBucket", input: ["Bucket": "data"], region: "us-east-1") == ["Location": "/data"])  // legacy 200
        #expect(
            s3.errorName { try s3.service.call("createBucket", input: ["Bucket": "data"], region: "eu-west-1") }
                == "S3.BucketAlreadyOwnedByYouException")
        #expect(
            try s3.service.call("createBucket", input: ["Bucket": "other"], region: "eu-west-1") == ["Location": "http://other.s3.amazonaws.com/"])
        #expect(s3.errorName { try s3.call("deleteBucket", ["Bucket": "nope"]) } == "S3.NoSuchBucketException")
        try s3.call("putObject", ["Bucket": "data", "Key": "a.txt", "Body": "x"])
        #expect(s3.errorName { try s3.call("deleteBucket", ["Bucket": "data"]) } == "S3.S3Exception")
        do {
            _ = try s3.service.call("createBucket", input: ["Bucket": "data"], region: "eu-west-1")
            Issue.record("expected S3.BucketAlreadyOwnedByYou")
        } catch let error as StatesError {
            #expect(error.cause.hasPrefix("Your previous request to create the named bucket succeeded and you already own it."))
        }
    }

    @Test(arguments: ["ab", "Upper", "-dash", "dash-", "a..b", "192.168.1.1", "xn--abc", "a_b", "bucket-s3alias", String(repeating: "a", count: 64)])
    func invalidBucketNames(_ name: String) throws {
        let s3 = try S3Fixture()
        #expect(s3.errorName { try s3.call("createBucket", ["Bucket": .string(name)]) } == "S3.S3Exception")
    }

    @Test func validBucketNames() {
        for name in ["abc", "my.bucket-1", "1bucket", String(repeating: "a", count: 63)] { #expect(S3Store.isValidBucketName(name)) }
    }

    @Test func versioningEncryptionAndPublicAccessBlock() throws {
        let s3 = try S3Fixture()
        try s3.call("createBucket", ["Bucket": "conf"])
        #expect(try s3.call("getBucketVersioning", ["Bucket": "conf"]) == [:])
        try s3.call("putBucketVersioning", ["Bucket": "conf", "VersioningConfiguration": ["Status": "Enabled"]])
        #expect(try s3.call("getBucketVersioning", ["Bucket": "conf"]) == ["Status": "Enabled"])
        #expect(
            s3.errorName { try s3.call("putBucketVersioning", ["Bucket": "conf", "VersioningConfiguration": ["Status": "On"]]) } == "S3.S3Exception")
        let defaultRule = try s3.call("getBucketEncryption", ["Bucket": "conf"])["ServerSideEncryptionConfiguration"]?["Rules"]?[0]
        #expect(defaultRule?["ApplyServerSideEncryptionByDefault"]?["SSEAlgorithm"] == "AES256")
        let kms: JSON = ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "k"]]]]
        try s3.call("putBucketEncryption", ["Bucket": "conf", "ServerSideEncryptionConfiguration": kms])
        #expect(try s3.call("getBucketEncryption", ["Bucket": "conf"]) == ["ServerSideEncryptionConfiguration": kms])
        #expect(try s3.call("getPublicAccessBlock", ["Bucket": "conf"])["PublicAccessBlockConfiguration"]?["BlockPublicAcls"] == true)
        let open: JSON = ["BlockPublicAcls": false, "IgnorePublicAcls": false, "BlockPublicPolicy": false, "RestrictPublicBuckets": false]
        try s3.call("putPublicAccessBlock", ["Bucket": "conf", "PublicAccessBlockConfiguration": open])
        #expect(try s3.call("getPublicAccessBlock", ["Bucket": "conf"]) == ["PublicAccessBlockConfiguration": open])
        #expect(s3.errorName { try s3.call("getBucketVersioning", ["Bucket": "missing"]) } == "S3.NoSuchBucketException")
    }
}
