import Foundation
import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("S3 ListObjectsV2", .timeLimit(.minutes(3)))
struct S3ListingTests {
    /// A bucket `bkt` with keys a.txt, logs/2024/x, logs/2024/y, logs/2025/z, photos/p.jpg, z.txt.
    func fixture() throws -> S3Fixture {
        let s3 = try S3Fixture()
        try s3.call("createBucket", ["Bucket": "bkt"])
        for key in ["z.txt", "logs/2024/y", "a.txt", "logs/2025/z", "photos/p.jpg", "logs/2024/x"] {
            try s3.call("putObject", ["Bucket": "bkt", "Key": .string(key), "Body": "1"])
        }
        return s3
    }

    @Test func listsEverythingInKeyOrder() throws {
        let s3 = try fixture()
        let page = try s3.call("listObjectsV2", ["Bucket": "bkt"])
        let keys = page["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue }
        #expect(keys == ["a.txt", "logs/2024/x", "logs/2024/y", "logs/2025/z", "photos/p.jpg", "z.txt"])
        #expect(page["KeyCount"] == 6)
        #expect(page["IsTruncated"] == false)
        #expect(page["Name"] == "bkt")
        #expect(page["MaxKeys"] == 1000)
        #expect(page["Contents"]?[0]?["Size"] == 1)
        #expect(page["Contents"]?[0]?["StorageClass"] == "STANDARD")
        #expect(page["NextContinuationToken"] == nil)
    }

    @Test func prefixAndDelimiterGiveCommonPrefixes() throws {
        let s3 = try fixture()
        let top = try s3.call("listObjectsV2", ["Bucket": "bkt", "Delimiter": "/"])
        #expect(top["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue } == ["a.txt", "z.txt"])
        #expect(top["CommonPrefixes"] == [["Prefix": "logs/"], ["Prefix": "photos/"]])
        #expect(top["KeyCount"] == 4)
        let logs = try s3.call("listObjectsV2", ["Bucket": "bkt", "Prefix": "logs/", "Delimiter": "/"])
        #expect(logs["Contents"] == nil)
        #expect(logs["CommonPrefixes"] == [["Prefix": "logs/2024/"], ["Prefix": "logs/2025/"]])
        #expect(logs["Prefix"] == "logs/")
        let none = try s3.call("listObjectsV2", ["Bucket": "bkt", "Prefix": "nothing/"])
        #expect(none["KeyCount"] == 0)
        #expect(none["Contents"] == nil)
    }

    @Test func paginatesWithContinuationTokens() throws {
        let s3 = try fixture()
        var keys: [String] = []
        var token: JSON?
        var pages = 0
        repeat {
            var input: JSONObject = ["Bucket": "bkt", "MaxKeys": 2]
            if let token { input["ContinuationToken"] = token }
            let page = try s3.call("listObjectsV2", .object(input))
            keys += page["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue } ?? []
            #expect(page["KeyCount"]?.intValue ?? 0 <= 2)
            token = page["NextContinuationToken"]
            #expect((token != nil) == (page["IsTruncated"] == true))
            pages += 1
        } while token != nil
        #expect(pages == 3)
        #expect(keys == ["a.txt", "logs/2024/x", "logs/2024/y", "logs/2025/z", "photos/p.jpg", "z.txt"])
    }

    @Test func paginatesOverCommonPrefixes() throws {
        let s3 = try fixture()
        let first = try s3.call("listObjectsV2", ["Bucket": "bkt", "Delimiter": "/", "MaxKeys": 2])
        #expect(first["Contents"]?.arrayValue?.count == 1)
        #expect(first["CommonPrefixes"] == [["Prefix": "logs/"]])
        let token = try #require(first["NextContinuationToken"])
        let second = try s3.call("listObjectsV2", ["Bucket": "bkt", "Delimiter": "/", "MaxKeys": 2, "ContinuationToken": token])
        #expect(second["CommonPrefixes"] == [["Prefix": "photos/"]])
        #expect(second["Contents"]?[0]?["Key"] == "z.txt")
        #expect(second["IsTruncated"] == false)
        #expect(second["ContinuationToken"] == token)
    }

    @Test func startAfterSkipsKeys() throws {
        let s3 = try fixture()
        let page = try s3.call("listObjectsV2", ["Bucket": "bkt", "StartAfter": "logs/2025/z"])
        #expect(page["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue } == ["photos/p.jpg", "z.txt"])
        #expect(page["StartAfter"] == "logs/2025/z")
    }

    @Test func listingErrors() throws {
        let s3 = try fixture()
        #expect(s3.errorName { try s3.call("listObjectsV2", ["Bucket": "missing"]) } == "S3.NoSuchBucketException")
        #expect(s3.errorName { try s3.call("listObjectsV2", ["Bucket": "bkt", "ContinuationToken": "%%%"]) } == "S3.S3Exception")
    }
}
