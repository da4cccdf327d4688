import Foundation

/// What the local S3 knows about one object: the file's size and time, and the metadata kept beside it.
package struct S3ObjectInfo: Sendable, Hashable {
    package var key: String
    package var size: Int
    /// The MD5 of the content in hex, in double quotes, as AWS writes ETags.
    package var eTag: String
    package var lastModified: Date
    package var contentType: String
    /// User metadata (`x-amz-meta-*`), as given to PutObject.
    package var metadata: [String: String]
    /// The ARN of the KMS key of an SSE-KMS object; nil for SSE-S3 (AES256).
    package var kmsKeyArn: String? = nil
}

/// A bucket: a folder under `<data-dir>/s3/`.
package struct S3Bucket: Sendable, Hashable {
    package var name: String
    package var creationDate: Date
}

/// One page of a listing: objects and common prefixes in key order, and where the next page starts.
package struct S3ListPage: Sendable {
    package var objects: [S3ObjectInfo] = []
    package var commonPrefixes: [String] = []
    var isTruncated = false
    /// The last key or common prefix of this page, when truncated: the next page starts after it.
    var nextMarker: String?
}
