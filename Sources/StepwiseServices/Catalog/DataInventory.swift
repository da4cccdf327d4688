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

    package var path: String
    package var exists: Bool
    package var buckets: [Bucket] = []
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
