import Foundation
import JSON

extension DataInventory {
    /// The inventory as one JSON object (`stepwise data --json`).
    package var json: JSON {
        let buckets = buckets.map { bucket -> JSON in
            let objects = bucket.objects.map { object -> JSON in
                ["key": .string(object.key), "size": .int(object.size), "lastModified": ServiceSupport.timestamp(object.lastModified)]
            }
            return ["name": .string(bucket.name), "objects": .array(objects)]
        }
        let uploads = uploads.map { upload -> JSON in
            [
                "bucket": .string(upload.bucket), "key": .string(upload.key), "uploadId": .string(upload.uploadId), "parts": .int(upload.parts),
                "bytes": .int(upload.bytes),
            ]
        }
        let keys = kmsKeys.map { key -> JSON in
            ["keyId": .string(key.keyId), "state": .string(key.state), "aliases": .array(key.aliases.map(JSON.string))]
        }
        let tables = dynamoDBTables.map { JSON.object(["name": .string($0.name), "itemCount": .int($0.count)]) }
        let databases = databases.map { database -> JSON in
            let tables = database.tables.map { JSON.object(["name": .string($0.name), "rowCount": .int($0.count)]) }
            return ["name": .string(database.name), "path": .string("rds/\(database.name).sqlite"), "tables": .array(tables)]
        }
        let resources = resources.map { JSON.object(["type": .string($0.type), "name": .string($0.name), "description": $0.description]) }
        return [
            "dataDirectory": .string(path), "exists": .bool(exists), "s3": ["buckets": .array(buckets), "multipartUploads": .array(uploads)],
            "kms": ["keys": .array(keys)],
            "dynamodb": ServiceSupport.object(["tables": .array(tables), "note": dynamoDBNote.map(JSON.string)]),
            "sql": ["databases": .array(databases)], "catalog": ["resources": .array(resources)],
            "outbox": ["messages": .int(outbox.count), "services": .object(JSONObject(outboxCounts.map { ($0.service, JSON.int($0.count)) }))],
        ]
    }

    /// The inventory as text for a terminal (`stepwise data`).
    package var text: String {
        guard exists else { return "No data directory at \(path) (it is created when a workflow first uses a local service)." }
        var lines = ["Data directory: \(path)", "", "S3 buckets (\(buckets.count))"]
        for bucket in buckets {
            let bytes = bucket.objects.reduce(0) { $0 + $1.size }
            lines.append("  \(bucket.name)  \(bucket.objects.count) object(s), \(bytes) bytes")
            lines += bucket.objects.map { "    \($0.key)  \($0.size) bytes  \(ServiceSupport.timestamp($0.lastModified).stringValue ?? "")" }
        }
        if !uploads.isEmpty {
            lines += ["", "S3 multipart uploads in progress (\(uploads.count))"]
            lines += uploads.map { "  \($0.bucket)/\($0.key)  \($0.parts) part(s), \($0.bytes) bytes  upload \($0.uploadId)" }
        }
        if !kmsKeys.isEmpty {
            lines += ["", "KMS keys (\(kmsKeys.count))"]
            lines += kmsKeys.map { key in "  \(key.keyId)  \(key.state)" + (key.aliases.isEmpty ? "" : "  " + key.aliases.joined(separator: ", ")) }
        }
        lines += ["", "DynamoDB tables (\(dynamoDBTables.count))"]
        if let dynamoDBNote { lines.append("  \(dynamoDBNote)") }
        lines += dynamoDBTables.map { "  \($0.name)  \($0.count) item(s)" }
        lines += ["", "SQL databases (\(databases.count))"]
        for database in databases {
            lines.append("  \(database.name)  (rds/\(database.name).sqlite)")
            lines += database.tables.map { "    \($0.name)  \($0.count) row(s)" }
        }
        lines += ["", "Catalogue resources (\(resources.count))"]
        lines += resources.map { "  \($0.type)  \($0.name)" }
        lines += ["", "Outbox (\(outbox.count) message(s); stepwise data outbox prints them)"]
        lines += outboxCounts.map { "  \($0.service)  \($0.count) message(s)" }
        return lines.joined(separator: "\n")
    }

    /// The outbox's message count per service, by service name.
    var outboxCounts: [(service: String, count: Int)] {
        Dictionary(grouping: outbox, by: \.service).map { ($0.key, $0.value.count) }.sorted { $0.service < $1.service }
    }
}
