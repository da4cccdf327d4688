import Foundation

/// Where local services keep their data (issue 7, "Where the data lives"): `--data-dir`, default `.stepwise/`,
/// shared by `run` and `serve`. S3 is a plain folder tree under `s3/`; DynamoDB tables, SQL databases and the
/// resource catalogue are SQLite files that `sqlite3` opens.
public struct DataDirectory: Sendable, Hashable {
    public static let defaultPath = ".stepwise"

    package let url: URL

    public init(path: String = DataDirectory.defaultPath) {
        url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// A folder inside the data directory, created when missing.
    package func folder(_ name: String) throws -> URL {
        let folder = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A file inside the data directory (its folder created when missing).
    package func file(_ name: String) throws -> URL {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.appendingPathComponent(name)
    }
}
