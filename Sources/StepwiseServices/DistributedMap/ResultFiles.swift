import Foundation
import JSON
import Stepwise

/// A Distributed Map's ResultWriter output on the local S3: `<Prefix>/<map run id>/manifest.json` with
/// SUCCEEDED_0, FAILED_0 and PENDING_0 files, in AWS's shapes.
struct ResultFiles {
    let store: S3Store
    let bucket: String
    let folder: String
    let mapRunArn: String
    let execution: ExecutionInfo
    let jsonLines: Bool
    let transformation: String

    init(store: S3Store, arguments: JSON, config: JSON?, mapRunArn: String, execution: ExecutionInfo) throws {
        guard let bucket = arguments["Bucket"]?.stringValue else {
            throw StatesError(StatesError.Name.resultWriterFailed, "The ResultWriter needs a Bucket.")
        }
        self.store = store
        self.bucket = bucket
        let prefix = arguments["Prefix"]?.stringValue ?? ""
        let runId = mapRunArn.split(separator: ":").last.map(String.init) ?? "run"
        folder = prefix.isEmpty ? runId : (prefix.hasSuffix("/") ? prefix + runId : prefix + "/" + runId)
        self.mapRunArn = mapRunArn
        self.execution = execution
        jsonLines = config?["OutputType"]?.stringValue == "JSONL"
        transformation = config?["Transformation"]?.stringValue ?? "NONE"
    }

    func write(_ results: [MapChildResult]) throws -> JSON {
        let succeeded = results.filter(\.succeeded).map(record)
        let failed = results.filter { !$0.succeeded }.map(record)
        var files: JSONObject = [:]
        for (status, records) in [("SUCCEEDED", succeeded), ("FAILED", failed), ("PENDING", [JSON]())] {
            let key = "\(folder)/\(status)_0.json"
            let body = jsonLines ? records.map { $0.serialized() }.joined(separator: "\n") : JSON.array(records).serialized()
            let info = try put(key, body)
            files[status] = records.isEmpty && status != "SUCCEEDED" ? [] : [["Key": .string(key), "Size": .int(info.size)]]
        }
        let manifest: JSON = ["DestinationBucket": .string(bucket), "MapRunArn": .string(mapRunArn), "ResultFiles": .object(files)]
        _ = try put("\(folder)/manifest.json", manifest.serialized())
        return ["MapRunArn": .string(mapRunArn), "ResultWriterDetails": ["Bucket": .string(bucket), "Key": .string("\(folder)/manifest.json")]]
    }

    func put(_ key: String, _ body: String) throws -> S3ObjectInfo {
        do { return try store.putObject(bucket: bucket, key: key, data: Data(body.utf8), contentType: "application/json") } catch let error as StatesError {
            throw StatesError(StatesError.Name.resultWriterFailed, "\(error.name): \(error.cause)")
        }
    }

    /// One child as the result files describe it; COMPACT and FLATTEN keep only the output.
    func record(_ result: MapChildResult) -> JSON {
        if transformation == "FLATTEN" || transformation == "COMPACT" { return result.output ?? ["Error": .string(result.error ?? ""), "Cause": .string(result.cause ?? "")] }
        let name = "\(execution.name)-\(result.index)"
        var object: JSONObject = [
            "ExecutionArn": .string("\(execution.arn)/\(result.index)"), "Input": .string(result.input.serialized()),
            "InputDetails": ["Included": true], "Name": .string(name), "StateMachineArn": .string(execution.stateMachineArn),
            "Status": .string(result.succeeded ? "SUCCEEDED" : "FAILED"), "RedriveCount": 0,
        ]
        if let output = result.output {
            object["Output"] = .string(output.serialized())
            object["OutputDetails"] = ["Included": true]
        } else {
            object["Error"] = .string(result.error ?? "")
            object["Cause"] = .string(result.cause ?? "")
        }
        return .object(object)
    }
}
