import Foundation
import Stepwise
import StepwiseHost
import StepwiseServices
import StepwiseStore

/// `services`: items per second through a Distributed Map of Pass children reading a CSV from the local S3, in
/// memory and recorded in SQLite; and DynamoDB putItem tasks per second through a Distributed Map. Results go to
/// the local S3 through a ResultWriter, as they must on AWS past 256 KiB.
enum ServicesBenchmark {
    static let rows = Int(ProcessInfo.processInfo.environment["BENCH_ROWS"] ?? "") ?? 100_000
    static let puts = 10_000

    static func run(harness: Harness) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = DataDirectory(path: directory.appendingPathComponent("data").path)
        let bucket = data.url.appendingPathComponent("s3/bench-input")
        try FileManager.default.createDirectory(at: bucket, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data.url.appendingPathComponent("s3/bench-output"), withIntermediateDirectories: true)
        var csv = "uid,value\n"
        for row in 1...rows { csv += "u\(row),\(row)\n" }
        try csv.write(to: bucket.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        var items = "["
        for row in 1...puts { items += (row > 1 ? "," : "") + "{\"uid\": \"u\(row)\"}" }
        try (items + "]").write(to: bucket.appendingPathComponent("puts.json"), atomically: true, encoding: .utf8)

        let mapMachine = try StateMachine(text: mapDefinition, name: "bench-map")
        let memory = try await measure(harness) { try await runInMemory(mapMachine, data) }
        let durable = try await measure(harness) { try await runDurable(mapMachine, data, directory) }
        let putMachine = try StateMachine(text: putDefinition, name: "bench-puts")
        let dynamo = try await measure(harness) { try await runInMemory(putMachine, data) }
        var table = Table("workload", "items", "ms/execution", "items/s")
        table.add(
            "Distributed Map, Pass children, in memory", formatCount(Double(rows)), format(memory, decimals: 1),
            formatCount(Double(rows) / (memory / 1000)))
        table.add(
            "Distributed Map, Pass children, durable", formatCount(Double(rows)), format(durable, decimals: 1),
            formatCount(Double(rows) / (durable / 1000)))
        table.add(
            "DynamoDB putItem children, in memory", formatCount(Double(puts)), format(dynamo, decimals: 1),
            formatCount(Double(puts) / (dynamo / 1000)))
        print("services: local S3 and DynamoDB in a temporary data directory; median of \(harness.repetitions)\n")
        print(table.render())
    }

    static func measure(_ harness: Harness, _ body: () async throws -> ExecutionResult) async throws -> Double {
        try await harness.asyncMedian { () async throws -> Bool in
            let result = try await body()
            guard result.status == .succeeded else {
                throw BenchmarkFailure(message: "an execution ended \(result.status): \(result.error ?? "") \(result.cause ?? "")")
            }
            return true
        }
    }

    static func runInMemory(_ machine: StateMachine, _ data: DataDirectory) async throws -> ExecutionResult {
        let host = try await RuntimeHost(HostOptions(clock: .virtual, dataDirectory: data.url.path))
        return await (try await host.runtime.start(machine)).result
    }

    static func runDurable(_ machine: StateMachine, _ data: DataDirectory, _ directory: URL) async throws -> ExecutionResult {
        let database = directory.appendingPathComponent("bench-\(UUID().uuidString).db").path
        let durable = try await RuntimeHost(HostOptions(clock: .virtual, database: .file(database), dataDirectory: data.url.path)).durableRuntime
        let execution = try await durable.start(machine, definition: mapDefinition, input: [:])
        let result = await execution.result
        try await durable.close()
        return result
    }

    static let mapDefinition = """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "ResultSelector": {"done": true},
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "bench-input", "Key": "rows.csv"},
            "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}},
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "bench-output", "Prefix": "map"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P",
            "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """

    static let putDefinition = """
        {"StartAt": "Table", "States": {
          "Table": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:createTable", "Next": "Each",
            "Parameters": {"TableName.$": "States.Format('bench-{}', $$.Execution.Name)", "BillingMode": "PAY_PER_REQUEST",
              "KeySchema": [{"AttributeName": "uid", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "uid", "AttributeType": "S"}]},
            "ResultPath": null},
          "Each": {"Type": "Map", "End": true, "ResultSelector": {"done": true},
            "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "bench-input", "Key": "puts.json"}},
            "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "bench-output", "Prefix": "puts"}},
            "ItemSelector": {"uid.$": "$$.Map.Item.Value.uid", "table.$": "States.Format('bench-{}', $$.Execution.Name)"},
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "Put",
              "States": {"Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "End": true,
                "Parameters": {"TableName.$": "$.table", "Item": {"uid": {"S.$": "$.uid"}, "status": {"S": "ACTIVE"}},
                  "ConditionExpression": "attribute_not_exists(uid)"}}}}}}}
        """
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
