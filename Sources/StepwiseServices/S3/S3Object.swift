import Foundation

/// What the local S3 knows about one object: the file's size and time, and the metadata kept beside it.
public struct S3ObjectInfo: Sendable, Hashable {
    public var key: String
    public var size: Int
    /// The MD5 of the content in hex, in double quotes, as AWS writes ETags.
    public var eTag: String
    public var lastModified: Date
    public var contentType: String
    /// User metadata (`x-amz-meta-*`), as given to PutObject.
    public var metadata: [String: String]
}

/// A bucket: a folder under `<data-dir>/s3/`.
public struct S3Bucket: Sendable, Hashable {
    public var name: String
    public var creationDate: Date
}

/// One page of a listing: objects and common prefixes in key order, and where the next page starts.
public struct S3ListPage: Sendable {
    public var objects: [S3ObjectInfo] = []
    public var commonPrefixes: [String] = []
    public var isTruncated = false
    /// The last key or common prefix of this page, when truncated: the next page starts after it.
    public var nextMarker: String?
}
