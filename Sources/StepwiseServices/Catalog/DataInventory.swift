import Foundation
import JSON
import Stepwise

/// What a data directory holds, for `stepwise data`: buckets and objects, DynamoDB tables and item counts, SQL
/// databases and tables, catalogue resources. Reading it writes nothing (SQLite files are opened read-only).
package struct DataInventory: Sendable {
    /// An object in a bucket.
    package struct Object: Sendable, Hashable {
        package var key: String
        package var size: Int
        package var lastModified: Date
    }

    /// A bucket and its objects.
    package struct Bucket: Sendable, Hashable {
        package var name: String
        package var objects: [Object]
    }

    /// A table with its row (or item) count.
    package struct Table: Sendable, Hashable {
        package var name: String
        package var count: Int
    }

    /// An SQL database of the RDS Data API.
    package struct Database: Sendable, Hashable {
        package var name: String
        package var tables: [Table]
    }

    /// A multipart upload in progress.
    package struct Upload: Sendable, Hashable {
        package var bucket: String
        package var key: String
        package var uploadId: String
        package var parts: Int
        package var bytes: Int
    }

    /// A key of the local KMS.
    package struct Key: Sendable, Hashable {
        package var keyId: String
        package var state: String
        package var aliases: [String]
    }

    package var path: String
    package var exists: Bool
    package var buckets: [Bucket] = []
    /// S3 multipart uploads in progress (not yet completed or aborted).
    package var uploads: [Upload] = []
    package var kmsKeys: [Key] = []
    var dynamoDBTables: [Table] = []
    /// Why no DynamoDB tables are listed, when none are.
    var dynamoDBNote: String?
    package var databases: [Database] = []
    package var resources: [CatalogResource] = []
    /// The notification outbox's messages (SNS, SES, EventBridge events), in the order they were sent.
    package var outbox: [OutboxMessage] = []

    /// Reads the inventory of `dataDirectory`.
    package static func read(_ dataDirectory: DataDirectory) throws -> DataInventory {
        let url = dataDirectory.url
        var inventory = DataInventory(path: url.path, exists: FileManager.default.fileExists(atPath: url.path))
        guard inventory.exists else { return inventory }
        inventory.buckets = try readBuckets(S3Store(dataDirectory: dataDirectory))
        inventory.uploads = try readUploads(url.appendingPathComponent("s3-meta.sqlite"))
        inventory.kmsKeys = try readKeys(url.appendingPathComponent(KMSStore.fileName))
        (inventory.dynamoDBTables, inventory.dynamoDBNote) = readDynamoDB(url.appendingPathComponent("dynamodb.sqlite"))
        inventory.databases = try readDatabases(url.appendingPathComponent("rds", isDirectory: true))
        inventory.resources = try readCatalog(url.appendingPathComponent("catalog.sqlite"))
        let projects = url.appendingPathComponent(CodeBuildService.projectsFileName)
        inventory.resources += CodeBuildService.projects(in: projects).map {
            CatalogResource(type: "codebuild:project", name: $0.0, description: $0.1)
        }
        inventory.resources += ECSService.services(in: url.appendingPathComponent(ECSConfig.fileName)).map {
            CatalogResource(type: "ecs:service", name: $0.0, description: $0.1)
        }
        inventory.resources.sort { ($0.type, $0.name) < ($1.type, $1.name) }
        inventory.outbox = try Outbox(dataDirectory: dataDirectory).messages()
        return inventory
    }

    private static func readBuckets(_ store: S3Store) throws -> [Bucket] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: store.root.path)) ?? []).filter(store.bucketExists).sorted()
        return try names.map { name in
            let folder = store.root.appendingPathComponent(name, isDirectory: true)
            let objects = try store.keys(in: folder).map { key in
                let (size, modified) = try store.fileStatus(folder.appendingPathComponent(key))
                return Object(key: key, size: size, lastModified: modified)
            }
            return Bucket(name: name, objects: objects)
        }
    }

    private static func readUploads(_ file: URL) throws -> [Upload] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let sql = try EmbeddedSQL(path: file.path, readOnly: true)
        guard try !sql.query("SELECT 1 FROM sqlite_schema WHERE name = 'uploads'").isEmpty else { return [] }
        return try sql.query(
            """
            SELECT u.bucket, u.key, u.upload_id, count(p.part_number), coalesce(sum(p.size), 0) FROM uploads u
            LEFT JOIN parts p ON p.upload_id = u.upload_id GROUP BY u.upload_id ORDER BY u.bucket, u.key, u.initiated
            """
        ).map { row in
            Upload(
                bucket: row[0].textValue ?? "", key: row[1].textValue ?? "", uploadId: row[2].textValue ?? "", parts: row[3].integerValue ?? 0,
                bytes: row[4].integerValue ?? 0)
        }
    }

    private static func readKeys(_ file: URL) throws -> [Key] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let sql = try EmbeddedSQL(path: file.path, readOnly: true)
        let aliases = Dictionary(
            grouping: try sql.query("SELECT key_id, name FROM aliases ORDER BY name"), by: { $0[0].textValue ?? "" }
        ).mapValues { rows in rows.compactMap { $0[1].textValue } }
        return try sql.query("SELECT key_id, state FROM keys ORDER BY creation_date, key_id").map { row in
            let id = row[0].textValue ?? ""
            return Key(keyId: id, state: row[1].textValue ?? "", aliases: aliases[id] ?? [])
        }
    }

    private static func readDatabases(_ folder: URL) throws -> [Database] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".sqlite") }.sorted()
        return try files.map { file in
            let sql = try EmbeddedSQL(path: folder.appendingPathComponent(file).path, readOnly: true)
            let names = try sql.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .compactMap { $0[0].textValue }
            let tables = try names.map { name in
                let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                return Table(name: name, count: try sql.query("SELECT count(*) FROM \(quoted)").first?[0].integerValue ?? 0)
            }
            return Database(name: String(file.dropLast(".sqlite".count)), tables: tables)
        }
    }

    private static func readCatalog(_ file: URL) throws -> [CatalogResource] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let sql = try EmbeddedSQL(path: file.path, readOnly: true)
        return try sql.query("SELECT type, name, description FROM resources ORDER BY type, name").map { row in
            let type = row[0].textValue ?? ""
            var description = (try? JSON(parsing: row[2].textValue ?? "")) ?? .null
            if type == SecretsManagerService.type, case .object(let secret) = description {  // names, never values
                description = .object(SecretsManagerService.withoutValue(secret))
            }
            return CatalogResource(type: type, name: row[1].textValue ?? "", description: description)
        }
    }
}
