import Foundation
import JSON
import Stepwise

/// A Distributed Map's ItemReader and ResultWriter on the local S3 (asl-reference §1.3 Map): items from a JSON,
/// JSONL or CSV object, an S3 inventory manifest, or an object listing; results written as a manifest plus
/// SUCCEEDED / FAILED / PENDING files under `<Prefix>/<map run id>/`.
package struct LocalDistributedMapIO: DistributedMapIO {
    let store: S3Store

    package init(store: S3Store) { self.store = store }

    package func perform(_ request: MapIORequest, execution: ExecutionInfo) async throws -> JSON {
        switch request.kind {
        case .readItems(let resource, let arguments, let readerConfig, let maxItems):
            let items = try readItems(resource: resource, arguments: arguments, config: readerConfig)
            return .array(maxItems.map { Array(items.prefix($0)) } ?? items)
        case .writeResults(_, let arguments, let writerConfig, let mapRunArn, let results):
            return try ResultFiles(store: store, arguments: arguments, config: writerConfig, mapRunArn: mapRunArn).write(results)
        }
    }

    func readItems(resource: String, arguments: JSON, config: JSON) throws -> [JSON] {
        guard let bucket = arguments["Bucket"]?.stringValue else { throw failed("The ItemReader needs a Bucket.") }
        if resource.hasSuffix(":listObjectsV2") {
            let prefix = arguments["Prefix"]?.stringValue ?? ""
            return try wrapped { try store.list(bucket: bucket, prefix: prefix) }.map(Self.listingItem)
        }
        guard let key = arguments["Key"]?.stringValue else { throw failed("The ItemReader needs a Key.") }
        let data = try wrapped { try store.getObject(bucket: bucket, key: key) }
        switch config["InputType"]?.stringValue ?? "JSON" {
        case "CSV": return try CSVReader(config: config).items(Self.text(data))
        case "JSONL": return try Self.text(data).split(whereSeparator: \.isNewline).map { try Self.parse(String($0)) }
        case "MANIFEST": return try manifestItems(try Self.parse(Self.text(data)), bucket: bucket)
        default:
            let document = try Self.parse(Self.text(data))
            if let pointer = config["ItemsPointer"]?.stringValue, let value = Self.resolve(pointer: pointer, in: document) { return try array(value) }
            return try array(document)
        }
    }

    func array(_ value: JSON) throws -> [JSON] {
        guard case .array(let items) = value else { throw failed("Attempting to map over non-iterable node.") }
        return items
    }

    /// An S3 inventory manifest: every CSV data file it lists (gzip-compressed, as S3 Inventory writes them, or
    /// plain), each row an object named by `fileSchema` (`{Bucket, Key, …}`).
    func manifestItems(_ manifest: JSON, bucket: String) throws -> [JSON] {
        let headers = (manifest["fileSchema"]?.stringValue ?? "Bucket, Key").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var items: [JSON] = []
        for file in manifest["files"]?.arrayValue ?? [] {
            guard let key = file["key"]?.stringValue else { continue }
            let source = manifest["destinationBucket"]?.stringValue.map(Self.bucketName) ?? bucket
            var data = try wrapped { try store.getObject(bucket: source, key: key) }
            if Gzip.isCompressed(data) { data = try Gzip.decompress(data, what: "The inventory file \(key)") }
            let text = try Self.text(data)
            let reader = CSVReader(config: ["CSVHeaderLocation": "GIVEN", "CSVHeaders": .array(headers.map(JSON.string))])
            items += try reader.items(text)
        }
        return items
    }

    static func listingItem(_ info: S3ObjectInfo) -> JSON {
        [
            "Etag": .string(info.eTag), "Key": .string(info.key), "LastModified": .string(ISO8601DateFormatter().string(from: info.lastModified)),
            "Size": .int(info.size), "StorageClass": "STANDARD",
        ]
    }

    /// `arn:aws:s3:::bucket` → `bucket`.
    static func bucketName(_ arnOrName: String) -> String { arnOrName.split(separator: ":").last.map(String.init) ?? arnOrName }

    /// RFC 6901 JSON Pointer (`/a/0/b`).
    static func resolve(pointer: String, in document: JSON) -> JSON? {
        var current = document
        for token in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let index = Int(name), case .array = current {
                guard let next = current[index] else { return nil }
                current = next
            } else {
                guard let next = current[name] else { return nil }
                current = next
            }
        }
        return current
    }

    static func text(_ data: Data) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw StatesError(StatesError.Name.itemReaderFailed, "The object is not UTF-8 text.")
        }
        return text
    }

    static func parse(_ text: String) throws -> JSON {
        do { return try JSON(parsing: text) } catch {
            throw StatesError(StatesError.Name.itemReaderFailed, "The object is not valid JSON: \(error)")
        }
    }

    func failed(_ cause: String) -> StatesError { StatesError(StatesError.Name.itemReaderFailed, cause) }

    /// S3 errors (NoSuchBucket, NoSuchKey) surface as States.ItemReaderFailed with S3's message.
    func wrapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StatesError {
            throw StatesError(StatesError.Name.itemReaderFailed, "\(error.name): \(error.cause)")
        }
    }
}
