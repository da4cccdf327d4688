import Foundation
import JSON
import StepFunctions
import Stepwise
import StepwiseConsole
import StepwiseHost
import StepwiseStore

/// `console`: the JSON the console's pages ask for, answered in process (no HTTP), with 100,000 executions
/// stored (10 state machines, 5 statuses) and one execution with a 24,008-event history (the loop workload, run
/// and recorded for real). A cold graph reads the whole history into a new console's trace; a warm one is the
/// refresh of a page already open.
enum ConsoleBenchmark {
    static let executionCount = 100_000
    static let machineCount = 10

    static func run(harness: Harness) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let host = try await RuntimeHost(HostOptions(clock: .virtual, database: .file(directory.appendingPathComponent("bench.db").path)))
        let service = StepFunctionsService(durable: host.durableRuntime)
        let scheduler = JobScheduler(service: service)
        try await seedExecutions(service)
        let long = try await longHistory(service)
        let console = Console(service: service, scheduler: scheduler)
        print(
            "console: \(executionCount) executions stored, one with \(long.events) events; median ms of \(harness.repetitions) after \(harness.warmup) warm-up\n"
        )
        var table = Table("page JSON", "ms", "bytes")
        for (label, path, query) in requests(long.arn) {
            let request = ConsoleRequest(path: path, query: query)
            let answer = await console.respond(to: request)
            guard answer.status == 200 else { throw BenchError("\(label): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))") }
            let time = await harness.asyncMedian { await console.respond(to: request).body.count }
            table.add(label, format(time, decimals: 2), formatCount(Double(answer.body.count)))
        }
        let graph = ConsoleRequest(path: "/console/api/execution/graph", query: [("arn", long.arn)])
        let cold = await harness.asyncMedian { await Console(service: service, scheduler: scheduler).respond(to: graph).body.count }
        table.add("execution graph, cold (whole history read)", format(cold, decimals: 2), "")
        print(table.render())
        try await host.durableRuntime.close()
    }

    /// The requests a user's clicks make, by label.
    static func requests(_ long: String) -> [(String, String, [(name: String, value: String)])] {
        let machine = "arn:aws:states:us-east-1:123456789012:stateMachine:m3"
        return [
            ("state machines, with counts", "/console/api/state-machines", []),
            ("executions, newest 100", "/console/api/executions", []),
            ("executions, FAILED", "/console/api/executions", [("status", "FAILED")]),
            ("executions of one machine", "/console/api/executions", [("stateMachineArn", machine)]),
            ("executions of one machine, RUNNING", "/console/api/executions", [("stateMachineArn", machine), ("status", "RUNNING")]),
            ("executions, name prefix matching 10%", "/console/api/executions", [("name", "run-1")]),
            ("executions, name prefix matching 1", "/console/api/executions", [("name", "run-99999")]),
            ("execution (summary the page polls)", "/console/api/execution", [("arn", long)]),
            ("execution graph, warm", "/console/api/execution/graph", [("arn", long)]),
            ("events, page 1", "/console/api/execution/events", [("arn", long)]),
            ("events, page 241 (the last)", "/console/api/execution/events", [("arn", long), ("afterId", "24000")]),
            ("state input and output", "/console/api/execution/state", [("arn", long), ("name", "Inc")]),
        ]
    }

    /// 100,000 executions over 10 state machines, stored directly (their rows only: the listing pages read
    /// nothing else), a second apart, each machine's cycling through the statuses; a thousand starts share each
    /// commit.
    static func seedExecutions(_ service: StepFunctionsService) async throws {
        let definition = #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#
        for index in 0..<machineCount {
            _ = try await service.createStateMachine(
                CreateStateMachineInput(name: "m\(index)", definition: definition, roleArn: "arn:aws:iam::123456789012:role/bench"))
        }
        let statuses: [ExecutionRecord.Status] = [.succeeded, .failed, .running, .aborted, .timedOut]
        let store = service.store
        for chunk in stride(from: 0, to: executionCount, by: 1000) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in chunk..<min(chunk + 1000, executionCount) {
                    let machine = service.stateMachineArn("m\(index % machineCount)")
                    let status = statuses[(index / machineCount) % statuses.count]
                    let start = Date(timeIntervalSince1970: 1_700_000_000 + Double(index))
                    let record = ExecutionRecord(
                        arn: machine.replacingOccurrences(of: ":stateMachine:", with: ":execution:") + ":run-\(index)", name: "run-\(index)",
                        stateMachineArn: machine, definition: definition, status: status, input: "{}", startDate: start,
                        stopDate: status == .running ? nil : start.addingTimeInterval(1))
                    group.addTask { try await store.createExecution(record) }
                }
                try await group.waitForAll()
            }
        }
    }

    /// The loop workload run once through the service and recorded: its ARN and how many events it has.
    static func longHistory(_ service: StepFunctionsService) async throws -> (arn: String, events: Int) {
        let definition = Workloads.loop(iterations: Workloads.loopIterations)
        _ = try await service.createStateMachine(
            CreateStateMachineInput(name: "loop", definition: definition, roleArn: "arn:aws:iam::123456789012:role/bench"))
        let started = try await service.startExecution(StartExecutionInput(stateMachineArn: service.stateMachineArn("loop"), name: "long"))
        _ = await service.durable.execution(arn: started.arn)?.result
        try await service.durable.flush()
        let record = try await service.describeExecution(DescribeExecutionInput(executionArn: started.arn)).execution
        return (record.arn, record.eventCount)
    }
}
