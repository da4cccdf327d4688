import Foundation
import JSON

extension S3Service {
    /// CreateBucket. Re-creating a bucket you own is `S3.BucketAlreadyOwnedByYou` in every region but us-east-1,
    /// where S3 answers 200 for legacy compatibility (AWS's CreateBucket documentation).
    func createBucket(_ request: ServiceRequest, region: String) throws -> JSON {
        let bucket = try request.required("Bucket")
        let location: JSON = region == "us-east-1" ? .string("/\(bucket)") : .string("http://\(bucket).s3.amazonaws.com/")
        if region == "us-east-1", store.bucketExists(bucket) { return ["Location": location] }
        try store.createBucket(bucket)
        return ["Location": location]
    }

    func deleteBucket(_ request: ServiceRequest) throws -> JSON {
        try store.deleteBucket(request.required("Bucket"))
        return [:]
    }

    func headBucket(_ request: ServiceRequest, region: String) throws -> JSON {
        _ = try store.bucketFolder(request.required("Bucket"))
        return ["BucketRegion": .string(region), "AccessPointAlias": false]
    }

    func listBuckets(_ request: ServiceRequest) throws -> JSON {
        let buckets = try store.buckets().map { bucket -> JSON in
            ["Name": .string(bucket.name), "CreationDate": ServiceSupport.timestamp(bucket.creationDate)]
        }
        return ["Buckets": .array(buckets), "Owner": ["DisplayName": "stepwise", "ID": .string(Self.ownerID)]]
    }

    func putBucketVersioning(_ request: ServiceRequest) throws -> JSON {
        let bucket = try request.required("Bucket")
        guard let configuration = request["VersioningConfiguration"]?.objectValue else {
            throw request.invalid("Missing required parameter: VersioningConfiguration")
        }
        let status = configuration["Status"]?.stringValue
        guard status == nil || status == "Enabled" || status == "Suspended" else {
            throw S3Error.error(
                "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", status: 400)
        }
        try store.setBucketSetting(bucket, "versioning", .object(configuration))
        return [:]
    }

    func getBucketVersioning(_ request: ServiceRequest) throws -> JSON {
        try store.bucketSetting(request.required("Bucket"), "versioning") ?? [:]
    }

    func putBucketEncryption(_ request: ServiceRequest) throws -> JSON {
        let bucket = try request.required("Bucket")
        guard let configuration = request["ServerSideEncryptionConfiguration"], configuration["Rules"]?.arrayValue != nil else {
            throw request.invalid("Missing required parameter: ServerSideEncryptionConfiguration.Rules")
        }
        try store.setBucketSetting(bucket, "encryption", configuration)
        return [:]
    }

    /// The recorded configuration, or S3's default since 2023: SSE-S3 (AES256) on every bucket.
    func getBucketEncryption(_ request: ServiceRequest) throws -> JSON {
        let configuration =
            try store.bucketSetting(request.required("Bucket"), "encryption")
            ?? ["Rules": [["ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"], "BucketKeyEnabled": false]]]
        return ["ServerSideEncryptionConfiguration": configuration]
    }

    func putPublicAccessBlock(_ request: ServiceRequest) throws -> JSON {
        let bucket = try request.required("Bucket")
        guard let configuration = request["PublicAccessBlockConfiguration"]?.objectValue else {
            throw request.invalid("Missing required parameter: PublicAccessBlockConfiguration")
        }
        try store.setBucketSetting(bucket, "publicAccessBlock", .object(configuration))
        return [:]
    }

    /// The recorded configuration, or S3's default for new buckets since 2023: all four settings on.
    func getPublicAccessBlock(_ request: ServiceRequest) throws -> JSON {
        let configuration =
            try store.bucketSetting(request.required("Bucket"), "publicAccessBlock")
            ?? ["BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true]
        return ["PublicAccessBlockConfiguration": configuration]
    }

    /// The canonical user ID reported as the owner of every local bucket.
    static let ownerID = "5374657077697365206c6f63616c20533320206f776e65722069642030303031"
}
