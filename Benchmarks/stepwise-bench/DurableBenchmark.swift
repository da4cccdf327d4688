import Foundation
import JSON
import StepFunctions
import Stepwise
import StepwiseHost
import StepwiseStore

/// `durable`: the loop workload in memory and recorded in a SQLite store (every step and event, group commit),
/// in one run; the database's size per 1,000 events; and reading one execution's whole history back.
enum DurableBenchmark {
    static func run(harness: Harness) async throws {
        let definition = Workloads.loop(iterations: Workloads.loopIterations)
        let machine = try StateMachine(text: definition, name: "loop")
        let memory = Runtime(clock: .virtual)
        let transitions = try await countTransitions(machine, memory)
        let inMemory = try await harness.asyncMedian { () async throws -> Bool in
            await (try await memory.start(machine)).result.status == .succeeded
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bench.db").path
        let durable = try await RuntimeHost(HostOptions(clock: .virtual, database: .file(path))).durableRuntime
        var executions = 0
        var arn = ""
        let recorded = try await harness.asyncMedian { () async throws -> Bool in
            executions += 1
            let execution = try await durable.start(machine, definition: definition, input: [:], name: "run-\(executions)")
            arn = execution.arn
            let succeeded = await execution.result.status == .succeeded
            try await durable.flush()  // durable: every step committed before the clock stops
            return succeeded
        }
        let perExecution = 4 * Workloads.loopIterations + 8
        let service = StepFunctionsService(durable: durable)
        var timings: [HistoryRead: Double] = [:]
        for read in HistoryRead.allCases {
            timings[read] = try await harness.asyncMedian { () async throws -> Bool in
                try await readHistory(service, arn: arn, read) == perExecution
            }
        }
        try await durable.close()
        let bytes = try databaseBytes(path)
        report(transitions: transitions, inMemory: inMemory, recorded: recorded, bytes: bytes, events: executions * perExecution, harness: harness)
        print("\nhistory: GetExecutionHistory of one execution through the service, all \(perExecution) events in pages of 1,000\n")
        var table = Table("read", "ms")
        for read in HistoryRead.allCases { table.add(read.rawValue, format(timings[read] ?? 0, decimals: 2)) }
        print(table.render())
    }

    /// How a history page is turned into what the API answers.
    enum HistoryRead: String, CaseIterable {
        case rows = "the store's pages alone (events with their details text)"
        case values = "each event as a JSON value (EventRow.json(), the previous API path)"
        case valuesSerialized = "JSON values serialized as the response body (the previous API path, whole)"
        case bytes = "the response body written from the stored text (EventRow.jsonArray, the API path now)"
    }

    /// Every page of the execution's history through `getExecutionHistory`, as `read` says; returns how many events.
    static func readHistory(_ service: StepFunctionsService, arn: String, _ read: HistoryRead) async throws -> Int {
        var count = 0
        var token: String?
        repeat {
            let page = try await service.getExecutionHistory(
                GetExecutionHistoryInput(executionArn: arn, reverseOrder: false, page: PageRequest(maxResults: 1000, nextToken: token)))
            switch read {
            case .rows: count += page.items.count
            case .values: count += page.items.map { $0.json() }.count
            case .valuesSerialized:
                let body = JSON.object(["events": .array(page.items.map { $0.json() })]).serializedBytes()
                count += body.isEmpty ? 0 : page.items.count
            case .bytes: count += EventRow.jsonArray(page.items).isEmpty ? 0 : page.items.count
            }
            token = page.nextToken
        } while token != nil
        return count
    }

    static func countTransitions(_ machine: StateMachine, _ runtime: Runtime) async throws -> Int {
        let probe = try await runtime.start(machine)
        _ = await probe.result
        return await probe.history.filter { $0.type.rawValue.hasSuffix("StateEntered") }.count
    }

    /// The database file plus its WAL, after the store closed (checkpointed).
    static func databaseBytes(_ path: String) throws -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    static func report(transitions: Int, inMemory: Double, recorded: Double, bytes: Int, events: Int, harness: Harness) {
        print(
            "durable: loop workload (\(transitions) transitions, \(4 * Workloads.loopIterations + 8) events), "
                + "median of \(harness.repetitions) after \(harness.warmup) warm-up\n")
        var table = Table("mode", "ms/execution", "transitions/s", "relative")
        let memoryRate = Double(transitions) / (inMemory / 1000)
        let durableRate = Double(transitions) / (recorded / 1000)
        table.add("in memory", format(inMemory, decimals: 2), formatCount(memoryRate), "1.00")
        table.add("durable (SQLite)", format(recorded, decimals: 2), formatCount(durableRate), format(durableRate / memoryRate, decimals: 2))
        print(table.render())
        print("\ndatabase: \(bytes) bytes for \(events) events = \(bytes * 1000 / max(events, 1)) bytes per 1,000 events")
    }
}
