import Foundation
import StepwiseSQLite

extension DataDirectory {
    /// What the local services keep in a data directory, and the seed manifest: everything ``reset()`` deletes.
    /// SQLite files go with their `-wal`, `-shm` and `-journal` companions.
    static let serviceEntries = [
        "s3", "s3-meta.sqlite", S3Store.uploadsFolder, KMSStore.fileName, "dynamodb.sqlite", "rds", "catalog.sqlite", "codebuild",
        CodeBuildService.projectsFileName, ECSConfig.fileName, Outbox.fileName,
        SeedManifest.fileName,
    ]

    /// Deletes what the local services keep here (`stepwise data seed --reset`), and nothing else: a data directory
    /// given by mistake (`--data-dir ~`) loses no file of its own. Answers the names deleted, in order.
    ///
    /// Another process using the directory (a running `stepwise serve`) must be stopped first: it would keep
    /// writing to the files it has open.
    package func reset() throws -> [String] {
        var removed: [String] = []
        for entry in Self.serviceEntries {
            let companions = entry.hasSuffix(".sqlite") ? ["", "-wal", "-shm", "-journal"].map { entry + $0 } : [entry]
            for name in companions {
                let path = url.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: path) else { continue }
                if name == "dynamodb.sqlite" { SQLiteDatabase.forget(path: path) }
                try FileManager.default.removeItem(atPath: path)
                removed.append(name)
            }
        }
        return removed
    }
}
