import Digests
import Foundation

extension S3Store {
    /// The content of an object (an SSE-KMS object decrypted); `S3.NoSuchBucket` or `S3.NoSuchKey` when missing,
    /// S3's KMS errors when its key cannot decrypt.
    package func getObject(bucket: String, key: String) throws -> Data {
        let url = try existingObject(bucket: bucket, key: key)
        let data = try Data(contentsOf: url)
        // (info first: a file replaced by hand is plain, whatever envelope was recorded for the one before)
        guard try info(bucket: bucket, key: key, url: url).kmsKeyArn != nil, let envelope = try envelope(bucket: bucket, key: key) else {
            return data
        }
        return try decrypt(data, envelope: envelope, context: Self.context(bucket: bucket, key: key))
    }

    /// Writes an object (replacing any), creating the folders of its key; returns its new metadata. `encryption`
    /// (SSE-KMS, or the bucket's default) stores the file encrypted; `eTag` replaces the MD5 (a multipart upload's).
    @discardableResult
    package func putObject(
        bucket: String, key: String, data: Data, contentType: String? = nil, metadata userMetadata: [String: String] = [:],
        encryption: S3Encryption? = nil, eTag: String? = nil
    ) throws -> S3ObjectInfo {
        let folder = try bucketFolder(bucket)
        let url = try objectURL(folder, key: key)
        if key.hasSuffix("/") {  // a folder marker: a folder, not listed as an object
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return S3ObjectInfo(
                key: key, size: 0, eTag: "\"\(Digest.hexDigest(of: [UInt8](), .md5))\"", lastModified: Date(),
                contentType: contentType ?? "application/x-directory", metadata: userMetadata)
        }
        try prepareParent(of: url, folder: folder, key: key)
        let sealed = try seal(data, bucket: bucket, key: key, encryption: encryption ?? defaultEncryption(bucket))
        try sealed.data.write(to: url, options: .atomic)
        let (size, modified) = try fileStatus(url)
        let info = S3ObjectInfo(
            key: key, size: size, eTag: eTag ?? "\"\(Digest.hexDigest(of: data, .md5))\"", lastModified: modified,
            contentType: contentType ?? Self.guessContentType(key), metadata: userMetadata, kmsKeyArn: sealed.envelope?.keyArn)
        try record(info, bucket: bucket)
        try recordEnvelope(sealed.envelope, bucket: bucket, key: key)
        return info
    }

    /// An object's metadata; `S3.NoSuchBucket` or `S3.NoSuchKey` when missing.
    package func headObject(bucket: String, key: String) throws -> S3ObjectInfo {
        try info(bucket: bucket, key: key, url: existingObject(bucket: bucket, key: key))
    }

    /// Deletes an object (a missing key is not an error, as in S3) and the folders it leaves empty.
    package func deleteObject(bucket: String, key: String) throws {
        let folder = try bucketFolder(bucket)
        let url = try objectURL(folder, key: key)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue || key.hasSuffix("/") {
            if !isDirectory.boolValue || (try? FileManager.default.contentsOfDirectory(atPath: url.path).isEmpty) == true {
                try FileManager.default.removeItem(at: url)
            }
        }
        try metadata.with { sql in
            try sql.query("DELETE FROM objects WHERE bucket = ? AND key = ?", [.text(bucket), .text(key)])
            try sql.query("DELETE FROM object_encryption WHERE bucket = ? AND key = ?", [.text(bucket), .text(key)])
        }
        removeEmptyFolders(above: url, upTo: folder)
    }

    /// Copies an object, keeping its content type and metadata unless `replacing` gives new ones; the copy is
    /// encrypted as `encryption` or the target bucket's default says (not as the source was), as S3 does.
    @discardableResult
    package func copyObject(
        from source: (bucket: String, key: String), to bucket: String, key: String,
        replacing: (contentType: String?, metadata: [String: String])? = nil, encryption: S3Encryption? = nil
    ) throws -> S3ObjectInfo {
        let original = try headObject(bucket: source.bucket, key: source.key)
        let data = try getObject(bucket: source.bucket, key: source.key)
        let contentType = replacing.map { $0.contentType ?? Self.guessContentType(key) } ?? original.contentType
        return try putObject(
            bucket: bucket, key: key, data: data, contentType: contentType, metadata: replacing?.metadata ?? original.metadata, encryption: encryption
        )
    }

    /// The file of an existing object; `S3.NoSuchBucket` or `S3.NoSuchKey` when missing.
    func existingObject(bucket: String, key: String) throws -> URL {
        let url = try objectURL(bucketFolder(bucket), key: key)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw S3Error.noSuchKey(key)
        }
        return url
    }

    /// Creates the folders above `url`; fails clearly when one of them is already a file (S3 allows keys `a` and
    /// `a/b` together, a folder tree does not).
    private func prepareParent(of url: URL, folder: URL, key: String) throws {
        let parent = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw S3Error.invalidArgument("The key '\(key)' cannot be stored: a part of its path is already an object in the local S3 folder tree.")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw S3Error.invalidArgument("The key '\(key)' cannot be stored: the local S3 folder tree has a folder there.")
        }
    }

    /// Removes the folders between `url` and the bucket's folder that are left empty.
    private func removeEmptyFolders(above url: URL, upTo folder: URL) {
        var current = url.deletingLastPathComponent().standardizedFileURL
        let stop = folder.standardizedFileURL.path
        while current.path.hasPrefix(stop + "/"),
            (try? FileManager.default.contentsOfDirectory(atPath: current.path).isEmpty) == true
        {
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }
}
