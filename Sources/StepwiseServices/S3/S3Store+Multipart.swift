import Digests
import Foundation
import JSON
import Stepwise

/// A multipart upload in progress.
package struct S3Upload: Sendable, Hashable {
    package var uploadId: String
    package var bucket: String
    package var key: String
    package var initiated: Date
    var contentType: String?
    var metadata: [String: String]
    /// The KMS key ARN of an SSE-KMS upload.
    package var kmsKeyArn: String?
}

/// One uploaded part.
package struct S3Part: Sendable, Hashable {
    package var partNumber: Int
    package var size: Int
    package var eTag: String
    package var lastModified: Date
}

/// Multipart uploads: each part is a file `<data-dir>/s3-uploads/<upload id>/<part number>` (encrypted with the
/// upload's data key for SSE-KMS), recorded in `s3-meta.sqlite` (tables `uploads`, `parts`). Completing writes the
/// object and deletes the parts; aborting deletes them.
extension S3Store {
    /// S3's minimum size of every part but the last (5 MiB), checked by CompleteMultipartUpload (`EntityTooSmall`).
    package static let minimumPartSize = 5 * 1024 * 1024

    /// CreateMultipartUpload: a new upload id for `key` in `bucket`.
    package func createMultipartUpload(
        bucket: String, key: String, contentType: String? = nil, metadata userMetadata: [String: String] = [:], encryption: S3Encryption? = nil
    ) throws -> S3Upload {
        _ = try objectURL(bucketFolder(bucket), key: key)
        let id = Self.newUploadId()
        var upload = S3Upload(uploadId: id, bucket: bucket, key: key, initiated: Date(), contentType: contentType, metadata: userMetadata)
        var dataKey: String?
        if let encryption = try encryption ?? defaultEncryption(bucket) {
            let envelope = try generateDataKey(encryption, context: Self.context(bucket: bucket, key: key)).envelope
            upload.kmsKeyArn = envelope.keyArn
            dataKey = Data(envelope.dataKey).base64EncodedString()
        }
        let metadataText = JSON.object(JSONObject(userMetadata.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) })).serialized()
        try metadata.with { sql in
            try sql.query(
                "INSERT INTO uploads (upload_id, bucket, key, initiated, content_type, metadata, key_arn, data_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    .text(id), .text(bucket), .text(key), .real(upload.initiated.timeIntervalSince1970), contentType.map(SQLValue.text) ?? .null,
                    .text(metadataText), upload.kmsKeyArn.map(SQLValue.text) ?? .null, dataKey.map(SQLValue.text) ?? .null,
                ])
        }
        return upload
    }

    /// UploadPart: stores part `partNumber` (1–10,000; a second upload of a number replaces the first) and answers
    /// its ETag, the MD5 of its content in quotes.
    package func uploadPart(bucket: String, key: String, uploadId: String, partNumber: Int, data: Data) throws -> String {
        guard (1...10_000).contains(partNumber) else {
            throw S3Error.invalidArgument("Part number must be an integer between 1 and 10000, inclusive")
        }
        let upload = try upload(bucket: bucket, key: key, uploadId: uploadId)
        let folder = uploadsRoot.appendingPathComponent(uploadId, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var stored = data
        if let envelope = try uploadEnvelope(uploadId) {
            let dataKey = try decryptDataKey(envelope, context: Self.context(bucket: bucket, key: key))
            stored = Data(KMSCipher.xor(Array(data), secret: dataKey, nonce: Self.partNonce(partNumber)))
        }
        try stored.write(to: folder.appendingPathComponent(String(partNumber)), options: .atomic)
        let eTag = "\"\(Digest.hexDigest(of: data, .md5))\""
        try metadata.with { sql in
            try sql.query(
                "INSERT OR REPLACE INTO parts (upload_id, part_number, size, etag, modified) VALUES (?, ?, ?, ?, ?)",
                [.text(upload.uploadId), .integer(partNumber), .integer(data.count), .text(eTag), .real(Date().timeIntervalSince1970)])
        }
        return eTag
    }

    /// CompleteMultipartUpload with the parts to assemble, in ascending order of part number: `InvalidPartOrder`
    /// otherwise, `InvalidPart` for a part not uploaded or with another ETag, `EntityTooSmall` for a part but the
    /// last under 5 MiB. The object's ETag is the MD5 of the parts' binary MD5s, then `-` and the number of parts.
    package func completeMultipartUpload(bucket: String, key: String, uploadId: String, parts requested: [(partNumber: Int, eTag: String)])
        throws -> S3ObjectInfo
    {
        let upload = try upload(bucket: bucket, key: key, uploadId: uploadId)
        guard !requested.isEmpty else {
            throw S3Error.error(
                "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", status: 400)
        }
        for (previous, next) in zip(requested, requested.dropFirst()) where next.partNumber <= previous.partNumber {
            throw S3Error.error(
                "InvalidPartOrder", "The list of parts was not in ascending order. The parts list must be specified in order by part number.",
                status: 400)
        }
        let uploaded = Dictionary(try parts(uploadId: uploadId).map { ($0.partNumber, $0) }, uniquingKeysWith: { $1 })
        var digests: [UInt8] = []
        for (index, part) in requested.enumerated() {
            guard let stored = uploaded[part.partNumber], Self.unquoted(stored.eTag) == Self.unquoted(part.eTag) else {
                throw S3Error.error(
                    "InvalidPart",
                    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
                    status: 400)
            }
            if index < requested.count - 1, stored.size < Self.minimumPartSize {
                throw S3Error.error("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size", status: 400)
            }
            digests += KMSStore.bytes(hex: Self.unquoted(stored.eTag))
        }
        let envelope = try uploadEnvelope(uploadId)
        let dataKey = try envelope.map { try decryptDataKey($0, context: Self.context(bucket: bucket, key: key)) }
        var content = Data()
        for part in requested {
            let stored = try Data(contentsOf: uploadsRoot.appendingPathComponent(uploadId).appendingPathComponent(String(part.partNumber)))
            content += dataKey.map { Data(KMSCipher.xor(Array(stored), secret: $0, nonce: Self.partNonce(part.partNumber))) } ?? stored
        }
        let eTag = "\"\(Digest.hexDigest(of: digests, .md5))-\(requested.count)\""
        let info = try putObject(
            bucket: bucket, key: key, data: content, contentType: upload.contentType, metadata: upload.metadata,
            encryption: upload.kmsKeyArn.map(S3Encryption.init(keyId:)), eTag: eTag)
        try removeUpload(uploadId)
        return info
    }

    /// AbortMultipartUpload: deletes the parts and forgets the upload.
    package func abortMultipartUpload(bucket: String, key: String, uploadId: String) throws {
        _ = try upload(bucket: bucket, key: key, uploadId: uploadId)
        try removeUpload(uploadId)
    }

    /// The uploads in progress in `bucket` whose key starts with `prefix`, by key then initiation.
    package func multipartUploads(bucket: String, prefix: String = "") throws -> [S3Upload] {
        _ = try bucketFolder(bucket)
        return try uploads(where: "bucket = ?", [.text(bucket)]).filter { $0.key.hasPrefix(prefix) }
    }

    /// The parts of an upload, by part number.
    package func parts(uploadId: String) throws -> [S3Part] {
        try metadata.with { sql in
            try sql.query("SELECT part_number, size, etag, modified FROM parts WHERE upload_id = ? ORDER BY part_number", [.text(uploadId)]).map {
                row in
                S3Part(
                    partNumber: row[0].integerValue ?? 0, size: row[1].integerValue ?? 0, eTag: row[2].textValue ?? "",
                    lastModified: Date(timeIntervalSince1970: row[3].doubleValue ?? 0))
            }
        }
    }

    /// The upload `uploadId` of `key` in `bucket`; `S3.NoSuchUploadException` when there is none (never created,
    /// completed, aborted, or another key's).
    package func upload(bucket: String, key: String, uploadId: String) throws -> S3Upload {
        _ = try bucketFolder(bucket)
        guard let upload = try uploads(where: "upload_id = ?", [.text(uploadId)]).first, upload.bucket == bucket, upload.key == key else {
            throw S3Error.error(
                "NoSuchUpload",
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
                status: 404)
        }
        return upload
    }

    private func uploads(where condition: String, _ values: [SQLValue]) throws -> [S3Upload] {
        try metadata.with { sql in
            try sql.query(
                "SELECT upload_id, bucket, key, initiated, content_type, metadata, key_arn FROM uploads WHERE \(condition) ORDER BY bucket, key, initiated",
                values
            ).map { row in
                let userMetadata = (try? JSON(parsing: row[5].textValue ?? "{}"))?.objectValue ?? [:]
                return S3Upload(
                    uploadId: row[0].textValue ?? "", bucket: row[1].textValue ?? "", key: row[2].textValue ?? "",
                    initiated: Date(timeIntervalSince1970: row[3].doubleValue ?? 0), contentType: row[4].textValue,
                    metadata: Dictionary(userMetadata.compactMap { k, v in v.stringValue.map { (k, $0) } }, uniquingKeysWith: { $1 }),
                    kmsKeyArn: row[6].textValue)
            }
        }
    }

    private func uploadEnvelope(_ uploadId: String) throws -> S3Envelope? {
        try metadata.with { sql in
            try sql.query("SELECT key_arn, data_key FROM uploads WHERE upload_id = ?", [.text(uploadId)]).first
        }.flatMap { row in
            guard let arn = row[0].textValue, let blob = row[1].textValue.flatMap({ Data(base64Encoded: $0) }) else { return nil }
            return S3Envelope(keyArn: arn, dataKey: Array(blob))
        }
    }

    private func decryptDataKey(_ envelope: S3Envelope, context: [String: String]) throws -> [UInt8] {
        do { return try kms.decrypt(envelope.dataKey, context: context).plaintext } catch let error as StatesError { throw Self.kmsError(error) }
    }

    private func removeUpload(_ uploadId: String) throws {
        let folder = uploadsRoot.appendingPathComponent(uploadId, isDirectory: true)
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
        try metadata.transaction { sql in
            try sql.query("DELETE FROM parts WHERE upload_id = ?", [.text(uploadId)])
            try sql.query("DELETE FROM uploads WHERE upload_id = ?", [.text(uploadId)])
        }
    }

    /// An upload id: 48 random bytes in URL-safe base64 (AWS's are opaque strings of that kind).
    private static func newUploadId() -> String {
        Data(KMSCipher.randomBytes(48)).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    private static func partNonce(_ partNumber: Int) -> [UInt8] { Array("part-\(partNumber)".utf8) }

    static func unquoted(_ eTag: String) -> String { eTag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() }
}
