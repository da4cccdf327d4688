import Foundation
import JSON
import Stepwise

/// A Distributed Map's ResultWriter output on the local S3: `<Prefix>/<map run id>/manifest.json` and a
/// SUCCEEDED_0 / FAILED_0 file for each status that has children, in AWS's shapes (AWS Developer Guide,
/// "ResultWriter (Map)"): succeeded children as the WriterConfig's Transformation presents them (NONE, the
/// default: output and metadata; COMPACT: output; FLATTEN: outputs with arrays spliced in), failed ones always
/// with their metadata; a JSON array per file, or JSON Lines. Stepwise never leaves children pending, so there is
/// no PENDING file; the manifest lists every status, empty ones as `[]`.
struct ResultFiles {
    let store: S3Store
    let bucket: String
    let folder: String
    let mapRunArn: String
    let jsonLines: Bool
    let transformation: ResultTransformation

    init(store: S3Store, arguments: JSON, config: JSON?, mapRunArn: String) throws {
        guard let bucket = arguments["Bucket"]?.stringValue else {
            throw StatesError(StatesError.Name.resultWriterFailed, "The ResultWriter needs a Bucket.")
        }
        self.store = store
        self.bucket = bucket
        let prefix = arguments["Prefix"]?.stringValue ?? ""
        let runId = mapRunArn.split(separator: ":").last.map(String.init) ?? "run"
        folder = prefix.isEmpty ? runId : (prefix.hasSuffix("/") ? prefix + runId : prefix + "/" + runId)
        self.mapRunArn = mapRunArn
        jsonLines = config?["OutputType"]?.stringValue == "JSONL"
        transformation = ResultTransformation(writerConfig: config)
    }

    func write(_ results: [MapChildResult]) throws -> JSON {
        let succeeded = transformation.records(results.filter(\.succeeded))
        var dates = DateTexts()
        let failed = results.filter { !$0.succeeded }.map { $0.metadata(&dates) }
        var files: JSONObject = ["FAILED": [], "PENDING": [], "SUCCEEDED": []]
        for (status, records) in [("FAILED", failed), ("SUCCEEDED", succeeded)] where !records.isEmpty {
            let key = "\(folder)/\(status)_0.json"
            let body = jsonLines ? records.map { $0.serialized() }.joined(separator: "\n") : JSON.array(records).serialized()
            let info = try put(key, body)
            files[status] = [["Key": .string(key), "Size": .int(info.size)]]
        }
        let manifest: JSON = ["DestinationBucket": .string(bucket), "MapRunArn": .string(mapRunArn), "ResultFiles": .object(files)]
        _ = try put("\(folder)/manifest.json", manifest.serialized())
        return ["MapRunArn": .string(mapRunArn), "ResultWriterDetails": ["Bucket": .string(bucket), "Key": .string("\(folder)/manifest.json")]]
    }

    func put(_ key: String, _ body: String) throws -> S3ObjectInfo {
        do { return try store.putObject(bucket: bucket, key: key, data: Data(body.utf8), contentType: "application/json") } catch let error
            as StatesError
        {
            throw StatesError(StatesError.Name.resultWriterFailed, "\(error.name): \(error.cause)")
        }
    }
}
