import Foundation
import JSON

extension S3Service {
    /// ListObjectsV2 with Prefix, Delimiter (→ CommonPrefixes), MaxKeys (default and limit 1000),
    /// StartAfter and ContinuationToken / NextContinuationToken (opaque: the last key of the previous page).
    func listObjectsV2(_ request: ServiceRequest) throws -> JSON {
        let bucket = try request.required("Bucket")
        let prefix = try request.string("Prefix") ?? ""
        let delimiter = try request.string("Delimiter")
        let maxKeys = try request.int("MaxKeys") ?? 1000
        guard maxKeys >= 0 else { throw S3Error.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647") }
        let token = try request.string("ContinuationToken")
        let startAfter = try request.string("StartAfter")
        let marker = try token.map(Self.decodeToken) ?? startAfter
        let page = try store.listPage(bucket: bucket, prefix: prefix, delimiter: delimiter, maxKeys: min(maxKeys, 1000), after: marker)
        let contents = page.objects.map { info -> JSON in
            [
                "Key": .string(info.key), "LastModified": ServiceSupport.timestamp(info.lastModified), "ETag": .string(info.eTag),
                "Size": .int(info.size), "StorageClass": "STANDARD",
            ]
        }
        return ServiceSupport.object([
            "IsTruncated": .bool(page.isTruncated),
            "Contents": contents.isEmpty ? nil : .array(contents),
            "Name": .string(bucket), "Prefix": .string(prefix), "Delimiter": delimiter.map(JSON.string),
            "MaxKeys": .int(maxKeys),
            "CommonPrefixes": page.commonPrefixes.isEmpty ? nil : .array(page.commonPrefixes.map { ["Prefix": .string($0)] }),
            "KeyCount": .int(page.objects.count + page.commonPrefixes.count),
            "ContinuationToken": token.map(JSON.string),
            "NextContinuationToken": page.nextMarker.map { .string(Self.encodeToken($0)) },
            "StartAfter": startAfter.map(JSON.string),
        ])
    }

    static func encodeToken(_ marker: String) -> String { Data(marker.utf8).base64EncodedString() }

    static func decodeToken(_ token: String) throws -> String {
        guard let data = Data(base64Encoded: token), let marker = String(data: data, encoding: .utf8) else {
            throw S3Error.invalidArgument("The continuation token provided is incorrect")
        }
        return marker
    }
}
