import Digests
import Foundation
import JSON
import Stepwise

/// What a unit is in the data directory: whether it is there, its fingerprint, and writing it, each through the
/// service that owns it (``S3Store``, ``DynamoDB``, ``RDSDataService``, ``SecretsManagerService``).
extension Seeder {
    func exists(_ content: SeedUnit.Content) async throws -> Bool {
        switch content {
        case .bucket(let bucket):
            return s3.bucketExists(bucket)
        case .object(let bucket, let key, _):
            return try await missingIsFalse { _ = try s3.headObject(bucket: bucket, key: key) }
        case .table(let name, _, _):
            return try await missingIsFalse { _ = try await dynamoDB.perform("describeTable", input: ["TableName": .string(name)]) }
        case .sqlTable(let database, let table, _, _):
            let file = try rds.databases.database(database)
            return try file.with { sql in
                try !sql.query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [.text(table)]).isEmpty
            }
        case .secret(let name, _, _):
            return try await missingIsFalse { _ = try secrets.find(name) }
        case .file(let name, _):
            return FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(name).path)
        case .kmsKey(let keyId, _, _, _, _):
            return try await missingIsFalse { _ = try s3.kms.key(keyId) }
        }
    }

    /// A fingerprint of what the data directory holds for the unit (nil for buckets and tables).
    func fingerprint(_ content: SeedUnit.Content) async throws -> String? {
        switch content {
        case .object(let bucket, let key, _): try s3.headObject(bucket: bucket, key: key).eTag
        case .secret(let name, _, _): Digest.hexDigest(of: try secrets.find(name)["SecretString"]?.stringValue ?? "", .sha256)
        case .file(let name, _):
            Digest.hexDigest(of: FileManager.default.contents(atPath: directory.url.appendingPathComponent(name).path) ?? Data(), .sha256)
        default: nil
        }
    }

    /// Writes the unit (creating or, with `replacing`, replacing it); answers its fingerprint.
    func write(_ unit: SeedUnit, replacing: Bool) async throws -> String? {
        switch unit.content {
        case .bucket(let bucket):
            try s3.createBucket(bucket)
        case .object(let bucket, let key, let data):
            if !s3.bucketExists(bucket) { try s3.createBucket(bucket) }
            return try s3.putObject(bucket: bucket, key: key, data: data).eTag
        case .table(let name, let request, let items):
            _ = try await dynamoDB.perform("createTable", input: request)
            do { try await putItems(items, into: .string(name), place: unit.place) } catch {
                _ = try? await dynamoDB.perform("deleteTable", input: ["TableName": .string(name)])  // a table comes whole or not at all
                throw error
            }
        case .sqlTable(let database, let table, let create, let rows):
            _ = try rds.call("executeStatement", input: ["Database": .string(database), "Sql": .string(create)])
            do { try insert(rows, into: table, database: database) } catch {
                _ = try? rds.call("executeStatement", input: ["Database": .string(database), "Sql": .string("DROP TABLE \(Self.quoted(table))")])
                throw error
            }
        case .secret(let name, let value, let description):
            var request: JSONObject = ["SecretId": .string(name), "Name": .string(name), "SecretString": .string(value)]
            if let description { request["Description"] = .string(description) }
            _ = try secrets.call(replacing ? "putSecretValue" : "createSecret", input: .object(request), region: region, account: account)
            return Digest.hexDigest(of: value, .sha256)
        case .file(let name, let data):
            try data.write(to: try directory.file(name))
            return Digest.hexDigest(of: data, .sha256)
        case .kmsKey(let keyId, let alias, let description, let enabled, let buckets):
            if !replacing || (try? s3.kms.key(keyId)) == nil {
                try s3.kms.createKey(description: description, keyId: keyId, region: region, account: account)
            }
            if let alias, (try? s3.kms.key(alias)) == nil { try s3.kms.createAlias(alias, keyId: keyId) }
            try s3.kms.setState(keyId, enabled ? "Enabled" : "Disabled")
            for bucket in buckets {
                if !s3.bucketExists(bucket) { try s3.createBucket(bucket) }
                let rule: JSON = [
                    "ApplyServerSideEncryptionByDefault": ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .string(alias ?? keyId)],
                    "BucketKeyEnabled": false,
                ]
                try s3.setBucketSetting(bucket, "encryption", ["Rules": [rule]])
            }
        }
        return nil
    }

    private func putItems(_ items: [JSON], into table: JSON, place: String) async throws {
        for (index, item) in items.enumerated() {
            do {
                _ = try await dynamoDB.perform("putItem", input: ["TableName": table, "Item": item])
            } catch {
                throw SeedError("\(place).items[\(index)]: \(error)")
            }
        }
    }

    /// Inserts the rows with one BatchExecuteStatement per set of columns (one transaction each).
    private func insert(_ rows: [JSONObject], into table: String, database: String) throws {
        for (columns, group) in Self.grouped(rows) {
            let names = columns.map(Self.quoted).joined(separator: ", ")
            let values = columns.indices.map { ":p\($0)" }.joined(separator: ", ")
            let sets = group.map { row in JSON.array(columns.enumerated().map { index, column in Self.parameter("p\(index)", row[column] ?? .null) })
            }
            _ = try rds.call(
                "batchExecuteStatement",
                input: [
                    "Database": .string(database), "Sql": .string("INSERT INTO \(Self.quoted(table)) (\(names)) VALUES (\(values))"),
                    "ParameterSets": .array(sets),
                ])
        }
    }

    /// A MySQL identifier in backquotes.
    static func quoted(_ name: String) -> String { "`" + name.replacingOccurrences(of: "`", with: "``") + "`" }

    /// Rows grouped by their columns (in order of first appearance), keeping the rows' order within a group.
    static func grouped(_ rows: [JSONObject]) -> [([String], [JSONObject])] {
        var groups: [([String], [JSONObject])] = []
        for row in rows {
            if let index = groups.firstIndex(where: { $0.0 == row.keys }) { groups[index].1.append(row) } else { groups.append((row.keys, [row])) }
        }
        return groups
    }

    /// A Data API parameter for a JSON value: strings, integers, decimals, booleans, null; arrays and objects as
    /// their JSON text.
    static func parameter(_ name: String, _ value: JSON) -> JSON {
        let field: JSON =
            switch value {
            case .null: ["IsNull": true]
            case .bool(let flag): ["BooleanValue": .bool(flag)]
            case .string(let text): ["StringValue": .string(text)]
            case .number(.int(let int)): ["LongValue": .int(int)]
            case .number(let number) where !number.isInteger: ["DoubleValue": .double(number.doubleValue)]
            default: ["StringValue": .string(value.serialized())]
            }
        return ["Name": .string(name), "Value": field]
    }

    private func missingIsFalse(_ body: () async throws -> Void) async throws -> Bool {
        do {
            try await body()
            return true
        } catch let error as StatesError where Self.notFound.contains(error.name) {
            return false
        }
    }

    static let notFound: Set<String> = [
        "S3.NoSuchKeyException", "S3.NoSuchBucketException", "DynamoDB.ResourceNotFoundException", "SecretsManager.ResourceNotFoundException",
        "KMS.NotFoundException",
    ]

    var s3: S3Store { S3Store(dataDirectory: directory) }
    var dynamoDB: DynamoDB { DynamoDB(dataDirectory: directory, region: region, account: account) }
    var rds: RDSDataService { RDSDataService(dataDirectory: directory) }
    var secrets: SecretsManagerService { SecretsManagerService(catalog: ResourceCatalog(dataDirectory: directory)) }
}
