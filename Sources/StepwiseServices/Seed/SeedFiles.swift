import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files a seed's `files` member names: a path or a glob (`*`, `?`, `[…]`, as the shell expands them, by
/// `glob(3)`), relative to the seed file. A matched file becomes the object named after it; a matched folder
/// brings every file under it, named by its path inside the folder (as `aws s3 cp --recursive` does). Files whose
/// name starts with a dot are left out of folders.
enum SeedFiles {
    struct File {
        var url: URL
        /// The object key below the entry's prefix.
        var key: String
    }

    static func url(_ path: String, base: URL) -> URL {
        URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
    }

    /// The files `pattern` matches, in path order.
    static func expand(_ pattern: String, base: URL) -> [File] {
        let absolute = pattern.hasPrefix("/") ? pattern : escaped(base.path) + "/" + pattern
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(absolute, 0, nil, &matches) == 0 else { return [] }
        let paths = (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }
        return paths.flatMap { path -> [File] in
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
            guard isDirectory.boolValue else { return [File(url: url, key: url.lastPathComponent)] }
            return files(in: url)
        }
    }

    /// Every file under `folder`, keyed by its path inside it, in key order.
    private static func files(in folder: URL) -> [File] {
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        return paths.sorted().compactMap { path in
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return nil }
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return File(url: url, key: path)
        }
    }

    /// A literal path with glob's special characters escaped.
    private static func escaped(_ path: String) -> String {
        var result = ""
        for character in path {
            if "*?[]\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
