import Digests
import Foundation
import JSON

extension S3Store {
    /// The metadata of the object stored at `url`: the recorded ETag and content type while the file still has the
    /// recorded size and modification time; otherwise (a file dropped in or edited by hand) a fresh ETag, and the
    /// file counts as plain (an SSE-KMS envelope recorded for the old file is forgotten).
    func info(bucket: String, key: String, url: URL) throws -> S3ObjectInfo {
        let (size, modified) = try fileStatus(url)
        let row = try metadata.with { sql in
            try sql.query(
                """
                SELECT o.size, o.modified, o.etag, o.content_type, o.metadata, e.key_arn FROM objects o
                LEFT JOIN object_encryption e ON e.bucket = o.bucket AND e.key = o.key WHERE o.bucket = ? AND o.key = ?
                """,
                [.text(bucket), .text(key)]
            ).first
        }
        let userMetadata = row.flatMap { $0[4].textValue }.map(Self.decodeMetadata) ?? [:]
        let contentType = row?[3].textValue ?? Self.guessContentType(key)
        if let row, row[0].integerValue == size, let recorded = row[1].doubleValue,
            abs(recorded - modified.timeIntervalSince1970) < 0.000_5, let eTag = row[2].textValue
        {
            return S3ObjectInfo(
                key: key, size: size, eTag: eTag, lastModified: modified, contentType: contentType, metadata: userMetadata,
                kmsKeyArn: row[5].textValue)
        }
        let eTag = "\"\(Digest.hexDigest(of: try Data(contentsOf: url), .md5))\""
        let info = S3ObjectInfo(key: key, size: size, eTag: eTag, lastModified: modified, contentType: contentType, metadata: userMetadata)
        try record(info, bucket: bucket)
        if row?[5].textValue != nil { try recordEnvelope(nil, bucket: bucket, key: key) }
        return info
    }

    /// Records an object's metadata beside the tree.
    func record(_ info: S3ObjectInfo, bucket: String) throws {
        let metadataText = JSON.object(JSONObject(info.metadata.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) })).serialized()
        try metadata.with { sql in
            try sql.query(
                "INSERT OR REPLACE INTO objects (bucket, key, size, modified, etag, content_type, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    .text(bucket), .text(info.key), .integer(info.size), .real(info.lastModified.timeIntervalSince1970),
                    .text(info.eTag), .text(info.contentType), .text(metadataText),
                ])
        }
    }

    /// A file's size and modification time.
    func fileStatus(_ url: URL) throws -> (size: Int, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes[.size] as? NSNumber)?.intValue ?? 0, attributes[.modificationDate] as? Date ?? Date())
    }

    /// A bucket setting recorded by a Put call (versioning, encryption, public access block), nil when never set.
    package func bucketSetting(_ bucket: String, _ name: String) throws -> JSON? {
        _ = try bucketFolder(bucket)
        let text = try metadata.with { sql in
            try sql.query("SELECT value FROM bucket_settings WHERE bucket = ? AND name = ?", [.text(bucket), .text(name)]).first?[0].textValue
        }
        return try text.map { try JSON(parsing: $0) }
    }

    /// Records a bucket setting.
    func setBucketSetting(_ bucket: String, _ name: String, _ value: JSON) throws {
        _ = try bucketFolder(bucket)
        try metadata.with { sql in
            try sql.query(
                "INSERT OR REPLACE INTO bucket_settings (bucket, name, value) VALUES (?, ?, ?)",
                [.text(bucket), .text(name), .text(value.serialized())])
        }
    }

    private static func decodeMetadata(_ text: String) -> [String: String] {
        guard let object = (try? JSON(parsing: text))?.objectValue else { return [:] }
        return Dictionary(object.compactMap { key, value in value.stringValue.map { (key, $0) } }, uniquingKeysWith: { $1 })
    }
}
