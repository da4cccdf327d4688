import Foundation

extension S3Store {
    /// AWS's rules for general purpose bucket names: 3–63 characters of lowercase letters, digits, dots and
    /// hyphens; a letter or digit first and last; no `..`; not an IP address; none of the reserved prefixes and
    /// suffixes.
    package static func isValidBucketName(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
        guard (3...63).contains(name.count), name.allSatisfy(allowed.contains),
            let first = name.first, let last = name.last, first.isLetter || first.isNumber, last.isLetter || last.isNumber,
            !name.contains(".."), !name.contains(".-"), !name.contains("-.")
        else { return false }
        let reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
        let reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]
        guard !reservedPrefixes.contains(where: name.hasPrefix), !reservedSuffixes.contains(where: name.hasSuffix) else { return false }
        let parts = name.split(separator: ".")
        return !(parts.count == 4 && parts.allSatisfy { UInt8($0) != nil })
    }

    /// The file of `key` inside `folder`, after checking the key cannot leave the bucket's folder: no empty,
    /// `.` or `..` segment, no NUL, at most 1024 bytes. A key ending in `/` (a folder marker) names a folder.
    func objectURL(_ folder: URL, key: String) throws -> URL {
        guard !key.isEmpty else { throw S3Error.invalidArgument("The key must not be empty.") }
        guard key.utf8.count <= 1024 else { throw S3Error.error("KeyTooLongError", "Your key is too long", status: 400) }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isTrailingSlash = segment.isEmpty && index == segments.count - 1 && index > 0
            guard !isTrailingSlash else { continue }
            guard !segment.isEmpty, segment != ".", segment != "..", !segment.contains("\0") else {
                throw S3Error.invalidArgument(
                    "The key '\(key)' cannot be stored in the local S3 folder tree (empty, '.' or '..' path segment).")
            }
        }
        let url = folder.appendingPathComponent(key)
        guard url.standardizedFileURL.path.hasPrefix(folder.standardizedFileURL.path + "/") else {
            throw S3Error.invalidArgument("The key '\(key)' would leave the bucket's folder.")
        }
        return url
    }

    /// A content type from a key's extension, for objects written without one.
    static func guessContentType(_ key: String) -> String {
        let types = [
            "json": "application/json", "jsonl": "application/jsonl", "csv": "text/csv", "txt": "text/plain",
            "html": "text/html", "xml": "application/xml", "tsv": "text/tab-separated-values", "parquet": "application/octet-stream",
        ]
        return types[(key as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
    }
}
