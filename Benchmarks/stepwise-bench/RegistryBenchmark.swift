import Foundation
import JSON
import Stepwise
import StepwiseHost
import StepwiseServices
import StepwiseStore

/// `registry`: workflows/reconcile-packages.asl.json over 100,000 objects (BENCH_OBJECTS) generated into a temporary
/// data directory: the first reconciliation (an empty packages table: every object registered, every row checked)
/// in memory and recorded in SQLite, then a second one with nothing to change. Each timed run of the first kind
/// starts from an empty table (recreated outside the timing). The parent's event count is printed and checked
/// against the bound the workflow promises (at most 175, whatever the number of objects).
enum RegistryBenchmark {
    static let objects = Int(ProcessInfo.processInfo.environment["BENCH_OBJECTS"] ?? "") ?? 100_000
    static let maxParentEvents = 175

    static func run(harness: Harness) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = DataDirectory(path: directory.appendingPathComponent("data").path)
        for number in 1...objects {
            let name = String(format: "model-%06d", number)
            let url = data.url.appendingPathComponent("s3/pkg-artifacts/packages/\(name)/1.0.0/\(name)-1.0.0.tgz")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("\(name) weights\n".utf8).write(to: url)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let definition = try String(contentsOf: root.appendingPathComponent("workflows/reconcile-packages.asl.json"), encoding: .utf8)
        let machine = try StateMachine(text: definition, name: "reconcile-packages")
        let dynamo = DynamoDB(dataDirectory: data)
        let emptyTable = {
            _ = try? await dynamo.perform("deleteTable", input: ["TableName": "packages"])
            _ = try await dynamo.perform(
                "createTable",
                input: [
                    "TableName": "packages", "BillingMode": "PAY_PER_REQUEST",
                    "KeySchema": [["AttributeName": "name", "KeyType": "HASH"], ["AttributeName": "version", "KeyType": "RANGE"]],
                    "AttributeDefinitions": [["AttributeName": "name", "AttributeType": "S"], ["AttributeName": "version", "AttributeType": "S"]],
                ])
        }
        var table = Table("workload", "objects", "s/run", "objects/s", "parent events")
        let memory = try await measure(harness, expect: "registered", before: emptyTable) { try await runInMemory(machine, data) }
        table.add("first run, in memory", formatCount(Double(objects)), format(memory.ms / 1000, decimals: 1), rate(memory.ms), "\(memory.events)")
        let durable = try await measure(harness, expect: "registered", before: emptyTable) {
            try await runDurable(machine, definition, data, directory)
        }
        table.add(
            "first run, durable (SQLite)", formatCount(Double(objects)), format(durable.ms / 1000, decimals: 1), rate(durable.ms), "\(durable.events)"
        )
        let nothing: () async throws -> Void = {}
        let again = try await measure(harness, expect: "unchanged", before: nothing) { try await runInMemory(machine, data) }
        table.add(
            "second run (nothing to change), in memory", formatCount(Double(objects)), format(again.ms / 1000, decimals: 1), rate(again.ms),
            "\(again.events)")
        print("registry: reconcile-packages over \(objects) objects in a temporary data directory; median of \(harness.repetitions)\n")
        print(table.render())
    }

    static func rate(_ milliseconds: Double) -> String { formatCount(Double(objects) / (milliseconds / 1000)) }

    /// The median time of `repetitions` runs (after `warmup`), each after `before` (not timed); checks each run's
    /// outcome (`counts[expect]` = every object) and the parent's event count.
    static func measure(
        _ harness: Harness, expect: String, before: () async throws -> Void, _ body: () async throws -> (ExecutionResult, Int)
    ) async throws -> (ms: Double, events: Int) {
        var samples: [Double] = []
        var events = 0
        for round in 0..<(harness.warmup + harness.repetitions) {
            try await before()
            let start = ContinuousClock.now
            let (result, count) = try await body()
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            guard result.status == .succeeded else {
                throw BenchmarkFailure(message: "reconcile-packages ended \(result.status): \(result.error ?? "") \(result.cause ?? "")")
            }
            guard result.output?["counts"]?[expect] == .int(objects) else {
                throw BenchmarkFailure(message: "reconcile-packages counted \(result.output?["counts"]?.serialized() ?? "nothing")")
            }
            guard count <= maxParentEvents else { throw BenchmarkFailure(message: "the parent recorded \(count) events") }
            events = count
            if round >= harness.warmup { samples.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15) }
        }
        return (Harness.median(samples), events)
    }

    static func runInMemory(_ machine: StateMachine, _ data: DataDirectory) async throws -> (ExecutionResult, Int) {
        let host = try await RuntimeHost(HostOptions(clock: .virtual, dataDirectory: data.url.path))
        let execution = try await host.runtime.start(machine)
        let result = await execution.result
        return (result, await execution.history.count)
    }

    static func runDurable(_ machine: StateMachine, _ definition: String, _ data: DataDirectory, _ directory: URL) async throws -> (
        ExecutionResult, Int
    ) {
        let database = directory.appendingPathComponent("bench-\(UUID().uuidString).db").path
        let durable = try await RuntimeHost(HostOptions(clock: .virtual, database: .file(database), dataDirectory: data.url.path)).durableRuntime
        let execution = try await durable.start(machine, definition: definition, input: [:])
        let result = await execution.result
        let events = await execution.history.count
        try await durable.close()
        return (result, events)
    }
}
