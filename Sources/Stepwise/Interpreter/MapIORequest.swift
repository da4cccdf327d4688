import JSON

/// What a Distributed Map needs from outside: its items read by the ItemReader, or its results written by the
/// ResultWriter (asl-reference §1.3 Map).
package struct MapIORequest: Sendable {
    package enum Kind: Sendable {
        /// Read items: `resource` is `arn:aws:states:::s3:getObject` or `…:s3:listObjectsV2`; `arguments` the
        /// evaluated Parameters/Arguments (Bucket, Key/Prefix); `readerConfig` as written; `maxItems` resolved.
        case readItems(resource: String, arguments: JSON, readerConfig: JSON, maxItems: Int?)
        /// Write results: `arguments` holds Bucket and Prefix; the answer is AWS's
        /// `{"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}`.
        case writeResults(resource: String, arguments: JSON, writerConfig: JSON?, mapRunArn: String, results: [MapChildResult])
    }

    package let id: Int
    package let kind: Kind
}
