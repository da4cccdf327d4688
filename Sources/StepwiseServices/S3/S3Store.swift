import Foundation
import Stepwise

/// The local S3: buckets are folders under `<data-dir>/s3/`, objects are plain files at `<bucket>/<key>`, so
/// people drop input files in and read results with ordinary tools. ETags, content types and bucket settings
/// live beside the tree in `<data-dir>/s3-meta.sqlite`; an SSE-KMS object's file holds its ciphertext (see
/// `S3Store+Encryption.swift`), and multipart uploads keep their parts under `<data-dir>/s3-uploads/`; a file without metadata (dropped in by hand) gets its
/// ETag computed and a content type guessed from its extension.
///
/// Also the API the engine uses for Distributed Map's ItemReader and ResultWriter. Errors are `StatesError`s
/// named as Step Functions names S3's (`S3.NoSuchBucket`, `S3.NoSuchKey`, …).
package final class S3Store: Sendable {
    /// The folder holding one folder per bucket.
    package let root: URL
    let metadata: SQLFile
    /// The folder of multipart uploads in progress: `<data-dir>/s3-uploads/<upload id>/<part number>`.
    package let uploadsRoot: URL
    /// The local KMS, for SSE-KMS objects.
    package let kms: KMSStore

    static let schema = """
        CREATE TABLE IF NOT EXISTS buckets (name TEXT PRIMARY KEY, creation_date REAL NOT NULL);
        CREATE TABLE IF NOT EXISTS bucket_settings (bucket TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (bucket, name));
        CREATE TABLE IF NOT EXISTS objects (bucket TEXT NOT NULL, key TEXT NOT NULL, size INTEGER NOT NULL,
            modified REAL NOT NULL, etag TEXT NOT NULL, content_type TEXT NOT NULL, metadata TEXT NOT NULL,
            PRIMARY KEY (bucket, key));
        CREATE TABLE IF NOT EXISTS object_encryption (bucket TEXT NOT NULL, key TEXT NOT NULL, key_arn TEXT NOT NULL,
            data_key TEXT NOT NULL, PRIMARY KEY (bucket, key));
        CREATE TABLE IF NOT EXISTS uploads (upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL, key TEXT NOT NULL,
            initiated REAL NOT NULL, content_type TEXT, metadata TEXT NOT NULL, key_arn TEXT, data_key TEXT);
        CREATE TABLE IF NOT EXISTS parts (upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, size INTEGER NOT NULL,
            etag TEXT NOT NULL, modified REAL NOT NULL, PRIMARY KEY (upload_id, part_number));
        """

    package init(dataDirectory: DataDirectory) {
        root = dataDirectory.url.appendingPathComponent("s3", isDirectory: true)
        metadata = SQLFile(path: dataDirectory.url.appendingPathComponent("s3-meta.sqlite").path, setup: Self.schema)
        uploadsRoot = dataDirectory.url.appendingPathComponent(Self.uploadsFolder, isDirectory: true)
        kms = KMSStore(dataDirectory: dataDirectory)
    }

    static let uploadsFolder = "s3-uploads"

    /// Whether the bucket's folder exists.
    package func bucketExists(_ bucket: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard Self.isValidBucketName(bucket) else { return false }
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(bucket).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Every bucket, by name.
    package func buckets() throws -> [S3Bucket] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let known = try metadata.with { sql in
            try sql.query("SELECT name, creation_date FROM buckets").compactMap { row in row[1].doubleValue.map { (row[0].textValue ?? "", $0) } }
        }
        let dates = Dictionary(known, uniquingKeysWith: { first, _ in first })
        return names.filter(bucketExists).sorted().map { name in
            let date = dates[name].map { Date(timeIntervalSince1970: $0) } ?? folderDate(name)
            return S3Bucket(name: name, creationDate: date)
        }
    }

    /// Creates a bucket's folder; `S3.BucketAlreadyOwnedByYou` when it exists, `S3.InvalidBucketName` for a bad name.
    package func createBucket(_ bucket: String, date: Date = Date()) throws {
        guard Self.isValidBucketName(bucket) else { throw S3Error.invalidBucketName(bucket) }
        guard !bucketExists(bucket) else { throw S3Error.bucketAlreadyOwnedByYou(bucket) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent(bucket), withIntermediateDirectories: true)
        try metadata.with { sql in
            try sql.query("INSERT OR REPLACE INTO buckets (name, creation_date) VALUES (?, ?)", [.text(bucket), .real(date.timeIntervalSince1970)])
        }
    }

    /// Deletes an empty bucket (empty folders left inside do not count); `S3.BucketNotEmpty` otherwise.
    package func deleteBucket(_ bucket: String) throws {
        let folder = try bucketFolder(bucket)
        guard try keys(in: folder).isEmpty else { throw S3Error.bucketNotEmpty(bucket) }
        try FileManager.default.removeItem(at: folder)
        try metadata.transaction { sql in
            for table in ["buckets WHERE name", "bucket_settings WHERE bucket", "objects WHERE bucket", "object_encryption WHERE bucket"] {
                try sql.query("DELETE FROM \(table) = ?", [.text(bucket)])
            }
        }
    }

    /// The folder of an existing bucket; `S3.NoSuchBucket` when missing.
    func bucketFolder(_ bucket: String) throws -> URL {
        guard bucketExists(bucket) else { throw S3Error.noSuchBucket(bucket) }
        return root.appendingPathComponent(bucket, isDirectory: true)
    }

    private func folderDate(_ bucket: String) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(bucket).path)
        return (attributes?[.creationDate] ?? attributes?[.modificationDate]) as? Date ?? Date()
    }
}

extension SQLValue {
    /// The value as a double (an integer or a real), nil otherwise.
    var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }
}
