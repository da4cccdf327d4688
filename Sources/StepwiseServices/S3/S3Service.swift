import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:s3:<action>` against the local ``S3Store``: request and response members as Step
/// Functions writes them (PascalCase), AWS's errors as `S3.<Code>`.
package struct S3Service: LocalService {
    package let name = "s3"
    package let store: S3Store

    package init(store: S3Store) { self.store = store }

    typealias Action = @Sendable (S3Service, ServiceRequest, _ region: String) throws -> JSON

    /// The actions, by their name in the ARN.
    static let actions: [String: Action] = [
        "createBucket": { try $0.createBucket($1, region: $2) }, "deleteBucket": { s, r, _ in try s.deleteBucket(r) },
        "headBucket": { try $0.headBucket($1, region: $2) }, "listBuckets": { s, r, _ in try s.listBuckets(r) },
        "putBucketVersioning": { s, r, _ in try s.putBucketVersioning(r) },
        "getBucketVersioning": { s, r, _ in try s.getBucketVersioning(r) },
        "putBucketEncryption": { s, r, _ in try s.putBucketEncryption(r) },
        "getBucketEncryption": { s, r, _ in try s.getBucketEncryption(r) },
        "putPublicAccessBlock": { s, r, _ in try s.putPublicAccessBlock(r) },
        "getPublicAccessBlock": { s, r, _ in try s.getPublicAccessBlock(r) },
        "putObject": { s, r, _ in try s.putObject(r) }, "getObject": { s, r, _ in try s.getObject(r) },
        "headObject": { s, r, _ in try s.headObject(r) }, "deleteObject": { s, r, _ in try s.deleteObject(r) },
        "copyObject": { s, r, _ in try s.copyObject(r) }, "listObjectsV2": { s, r, _ in try s.listObjectsV2(r) },
        "createMultipartUpload": { s, r, _ in try s.createMultipartUpload(r) }, "uploadPart": { s, r, _ in try s.uploadPart(r) },
        "completeMultipartUpload": { s, r, _ in try s.completeMultipartUpload(r) },
        "abortMultipartUpload": { s, r, _ in try s.abortMultipartUpload(r) },
        "listMultipartUploads": { s, r, _ in try s.listMultipartUploads(r) }, "listParts": { s, r, _ in try s.listParts(r) },
    ]

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && Self.actions[action] != nil }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        try call(action, input: input, region: ServiceSupport.regionAndAccount(context).region)
    }

    /// Performs `action` synchronously (what ``perform(_:sdk:input:context:)`` does, without a Task context).
    package func call(_ action: String, input: JSON, region: String = "us-east-1") throws -> JSON {
        guard let body = Self.actions[action] else { throw S3Error.invalidRequest("Unsupported action \(action)") }
        return try body(self, ServiceRequest(input: input, validationError: S3Error.name("InvalidRequest")), region)
    }
}
