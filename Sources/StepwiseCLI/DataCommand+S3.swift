import Foundation
import JSON
import Stepwise
import StepwiseServices

/// `stepwise data ls|put|get|rm`: the local S3 as `aws s3` shows it, through the local service's own store.
extension DataCommand {
    static func list(_ request: DataRequest, _ output: inout Output) throws -> Int32 {
        let store = S3Store(dataDirectory: request.directory)
        guard let target = request.positionals.first else {
            let buckets = FileManager.default.fileExists(atPath: store.root.path) ? try store.buckets() : []
            if request.json {
                output.print(
                    JSON.object([
                        "Buckets": .array(buckets.map { ["Name": .string($0.name), "CreationDate": .string(ISOTimestamp.format($0.creationDate))] })
                    ]).serialized(.pretty))
            } else {
                for bucket in buckets { output.print("\(Self.date(bucket.creationDate)) \(bucket.name)") }
            }
            return 0
        }
        let uri = try S3URI(target)
        let recursive = request.arguments.flag("recursive")
        let page = try uri.failing { try store.listPage(bucket: uri.bucket, prefix: uri.key, delimiter: recursive ? nil : "/", maxKeys: .max) }
        if request.json {
            var response = JSONObject()
            if !page.objects.isEmpty { response["Contents"] = .array(page.objects.map(Self.summary)) }
            if !page.commonPrefixes.isEmpty { response["CommonPrefixes"] = .array(page.commonPrefixes.map { ["Prefix": .string($0)] }) }
            response["KeyCount"] = .int(page.objects.count + page.commonPrefixes.count)
            output.print(JSON.object(response).serialized(.pretty))
            return 0
        }
        // As `aws s3 ls`: names relative to the prefix's folder, folders as PRE lines; full keys with --recursive.
        let folder = recursive ? "" : String(uri.key[..<(uri.key.lastIndex(of: "/").map { uri.key.index(after: $0) } ?? uri.key.startIndex)])
        for prefix in page.commonPrefixes { output.print(String(repeating: " ", count: 27) + "PRE " + prefix.dropFirst(folder.count)) }
        for object in page.objects {
            let size = String(object.size)
            output.print(
                "\(Self.date(object.lastModified)) \(String(repeating: " ", count: max(0, 10 - size.count)))\(size) \(object.key.dropFirst(folder.count))"
            )
        }
        return 0
    }

    static func put(_ request: DataRequest, _ output: inout Output) throws -> Int32 {
        let uri = try S3URI(request.positionals[0])
        let file = request.positionals[1]
        guard !uri.key.isEmpty else { throw UsageError(message: "give the object's key: s3://\(uri.bucket)/KEY") }
        var key = uri.key
        if key.hasSuffix("/") {
            guard file != "-" else { throw UsageError(message: "a key ending in / takes FILE's name; give the whole key to read standard input") }
            key += (file as NSString).lastPathComponent
        }
        guard let data = file == "-" ? request.stdin() : FileManager.default.contents(atPath: file) else {
            throw DataFailure("\(file): cannot read the file")
        }
        let store = S3Store(dataDirectory: request.directory)
        let target = S3URI(bucket: uri.bucket, key: key)
        let created = !store.bucketExists(uri.bucket)
        let info = try target.failing {
            if created { try store.createBucket(uri.bucket) }
            return try store.putObject(bucket: uri.bucket, key: key, data: data)
        }
        if request.json {
            output.print(
                JSON.object(["Bucket": .string(uri.bucket), "Key": .string(key), "ETag": .string(info.eTag), "Size": .int(info.size)]).serialized(
                    .pretty))
        } else {
            if created { output.print("make_bucket: \(uri.bucket)") }
            output.print("upload: \(file) to \(target)")
        }
        return 0
    }

    static func get(_ request: DataRequest, _ output: inout Output) throws -> Int32 {
        let uri = try S3URI(request.positionals[0])
        guard !uri.key.isEmpty else { throw UsageError(message: "give the object's key: s3://\(uri.bucket)/KEY") }
        let file = request.positionals.count == 2 && request.positionals[1] != "-" ? request.positionals[1] : nil
        guard file != nil || !request.json else { throw UsageError(message: "--json prints the object's metadata; give FILE for its content") }
        let store = S3Store(dataDirectory: request.directory)
        let (data, info) = try uri.failing {
            (try store.getObject(bucket: uri.bucket, key: uri.key), try store.headObject(bucket: uri.bucket, key: uri.key))
        }
        guard let file else {
            output.write(data)
            return 0
        }
        do { try data.write(to: URL(fileURLWithPath: file)) } catch { throw DataFailure("\(file): cannot write the file") }
        if request.json {
            var head = Self.summary(info).objectValue ?? [:]
            head["ContentLength"] = head.removeValue(forKey: "Size")
            head["ContentType"] = .string(info.contentType)
            head["Metadata"] = .object(JSONObject(info.metadata.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) }))
            output.print(JSON.object(head).serialized(.pretty))
        } else {
            output.print("download: \(uri) to \(file)")
        }
        return 0
    }

    static func remove(_ request: DataRequest, _ output: inout Output) throws -> Int32 {
        let uri = try S3URI(request.positionals[0])
        let store = S3Store(dataDirectory: request.directory)
        let keys: [String]
        if request.arguments.flag("recursive") {
            keys = try uri.failing { try store.list(bucket: uri.bucket, prefix: uri.key).map(\.key) }
        } else {
            guard !uri.key.isEmpty else { throw UsageError(message: "give the object's key, or --recursive to delete every object under a prefix") }
            _ = try uri.failing { try store.headObject(bucket: uri.bucket, key: uri.key) }
            keys = [uri.key]
        }
        for key in keys { try S3URI(bucket: uri.bucket, key: key).failing { try store.deleteObject(bucket: uri.bucket, key: key) } }
        if request.json {
            output.print(JSON.object(["Deleted": .array(keys.map { ["Key": .string($0)] })]).serialized(.pretty))
        } else {
            for key in keys { output.print("delete: \(S3URI(bucket: uri.bucket, key: key))") }
        }
        return 0
    }

    /// An object as ListObjectsV2 lists it.
    static func summary(_ object: S3ObjectInfo) -> JSON {
        [
            "Key": .string(object.key), "LastModified": .string(ISOTimestamp.format(object.lastModified)), "ETag": .string(object.eTag),
            "Size": .int(object.size),
        ]
    }

    /// A time as `aws s3 ls` prints it (`2024-05-01 10:00:00`), in UTC.
    static func date(_ date: Date) -> String {
        let text = ISOTimestamp.format(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(8))
    }
}

/// `s3://BUCKET/KEY` (the key may be empty or a prefix).
struct S3URI: CustomStringConvertible {
    var bucket: String
    var key: String

    init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    init(_ text: String) throws(UsageError) {
        guard text.hasPrefix("s3://") else { throw UsageError(message: "'\(text)' is not an S3 URI (s3://BUCKET/KEY)") }
        let rest = text.dropFirst(5)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        bucket = String(rest[..<slash])
        key = slash == rest.endIndex ? "" : String(rest[rest.index(after: slash)...])
        guard !bucket.isEmpty else { throw UsageError(message: "'\(text)' names no bucket (s3://BUCKET/KEY)") }
    }

    var description: String { key.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(key)" }

    /// Runs a call on the local S3, naming this URI in its error.
    func failing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw DataFailure("\(self): \(error)") }
    }
}

/// Why a `stepwise data` verb failed (exit status 1).
struct DataFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
