import Foundation

extension S3Store {
    /// Every object whose key starts with `prefix`, in key order (UTF-8 byte order, as S3 lists).
    package func list(bucket: String, prefix: String = "") throws -> [S3ObjectInfo] {
        let folder = try bucketFolder(bucket)
        return try keys(in: folder).filter { $0.hasPrefix(prefix) }.map { key in
            try info(bucket: bucket, key: key, url: folder.appendingPathComponent(key))
        }
    }

    /// One page of ListObjectsV2: keys after `marker` that start with `prefix`; with a `delimiter`, the keys that
    /// contain it after the prefix are rolled up into common prefixes. At most `maxKeys` entries.
    package func listPage(bucket: String, prefix: String = "", delimiter: String? = nil, maxKeys: Int = 1000, after marker: String? = nil)
        throws -> S3ListPage
    {
        let folder = try bucketFolder(bucket)
        var page = S3ListPage()
        var count = 0
        for key in try keys(in: folder) where key.hasPrefix(prefix) && isAfter(key, marker, delimiter: delimiter) {
            let rolledUp = commonPrefix(of: key, prefix: prefix, delimiter: delimiter)
            if let rolledUp, rolledUp == page.commonPrefixes.last { continue }
            guard count < maxKeys else {
                page.isTruncated = true
                break
            }
            count += 1
            if let rolledUp {
                page.commonPrefixes.append(rolledUp)
                page.nextMarker = rolledUp
            } else {
                page.objects.append(try info(bucket: bucket, key: key, url: folder.appendingPathComponent(key)))
                page.nextMarker = key
            }
        }
        if !page.isTruncated { page.nextMarker = nil }
        return page
    }

    /// The keys of every file under `folder`, in UTF-8 byte order; folders are not objects.
    func keys(in folder: URL) throws -> [String] {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        return paths.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Whether `key` comes after the page marker; a marker that is a common prefix also skips the keys under it.
    private func isAfter(_ key: String, _ marker: String?, delimiter: String?) -> Bool {
        guard let marker else { return true }
        if let delimiter, !delimiter.isEmpty, marker.hasSuffix(delimiter), key.hasPrefix(marker) { return false }
        return marker.utf8.lexicographicallyPrecedes(key.utf8)
    }

    /// The common prefix `key` rolls up into: the prefix plus the rest up to and including the first delimiter.
    private func commonPrefix(of key: String, prefix: String, delimiter: String?) -> String? {
        guard let delimiter, !delimiter.isEmpty else { return nil }
        let rest = key.dropFirst(prefix.count)
        guard let range = rest.range(of: delimiter) else { return nil }
        return prefix + rest[..<range.upperBound]
    }
}
