import Foundation
import StepFunctions
import StepwiseHost
import StepwiseStore

/// `executions`: the API's reads and named starts as stored executions accumulate (1,000, 100,000, 1,000,000 by
/// default; `--sizes`). The database grows by bulk inserts through the store's own schema, in one transaction per
/// step (one state machine, statuses in turn, a second apart); then, at each size, through the service as a
/// request does: named StartExecutions (200 at a time, each answered once recorded; a Pass state, run to its end
/// before the next measurement),
/// DescribeExecutions of random stored executions, and ListExecutions pages of 100 (first page, first page of one
/// status, and that status's page 100 by its token). Each rate is the median of the rounds; each page the median time.
enum ExecutionsBenchmark {
    static let defaultSizes = [1_000, 100_000, 1_000_000]
    static let machine = "bench"
    static let statuses: [ExecutionRecord.Status] = [.succeeded, .failed, .running, .aborted, .timedOut]
    static let definition = #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#
    /// Named starts per round, and how many are in flight at once.
    static let startsPerRound = 500
    static let startsInFlight = 200
    static let describesPerRound = 1_000

    static func run(harness: Harness, sizes: [Int] = defaultSizes) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let host = try await RuntimeHost(HostOptions(clock: .virtual, database: .file(directory.appendingPathComponent("bench.db").path)))
        let service = StepFunctionsService(durable: host.durableRuntime)
        let machineArn = try await service.createStateMachine(
            CreateStateMachineInput(name: machine, definition: definition, roleArn: "arn:aws:iam::123456789012:role/bench")
        ).stateMachine.arn
        let rounds = harness.repetitions
        print(
            "executions: one state machine; rates are medians of \(rounds) rounds (\(startsPerRound) named starts, \(startsInFlight) in flight; "
                + "\(describesPerRound) DescribeExecutions), pages the median ms of \(harness.repetitions)\n")
        var table = Table("stored", "build s", "named starts/s", "Describe/s", "List 1st page ms", "List FAILED ms", "List FAILED p.100 ms")
        var stored = 0
        var started = 0
        for size in sizes where size > stored {
            let build = ContinuousClock.now
            let prefix = machineArn.replacingOccurrences(of: ":stateMachine:", with: ":execution:")
            try await service.store.insertStored(stored..<size) { index in
                let status = statuses[index % statuses.count]
                let start = Date(timeIntervalSince1970: 1_700_000_000 + Double(index))
                return ExecutionRecord(
                    arn: "\(prefix):run-\(index)", name: "run-\(index)", stateMachineArn: machineArn, definition: definition, status: status,
                    input: "{}", startDate: start, stopDate: status == .running ? nil : start.addingTimeInterval(1), virtualTime: true)
            }
            let built = seconds(ContinuousClock.now - build)
            let bulk = size
            stored = size
            var startRates: [Double] = []
            for _ in 0..<rounds {
                let names = (started..<started + startsPerRound).map { "named-\($0)" }
                started += startsPerRound
                startRates.append(try await rate(names.count) { try await startAll(service, machineArn, names) })
                try await finish(service, machineArn, names)  // untimed: the next measurement starts on a quiet store
            }
            var describeRates: [Double] = []
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<rounds {
                let arns = (0..<describesPerRound).map { _ in "\(prefix):run-\(Int.random(in: 0..<bulk, using: &generator))" }
                describeRates.append(
                    try await rate(arns.count) {
                        for arn in arns { blackHole(try await service.describeExecution(DescribeExecutionInput(executionArn: arn))) }
                    })
            }
            let first = try await harness.asyncMedian {
                try await service.listExecutions(ListExecutionsInput(stateMachineArn: machineArn, page: PageRequest(maxResults: 100))).items.count
            }
            let failed = try await harness.asyncMedian {
                try await service.listExecutions(
                    ListExecutionsInput(stateMachineArn: machineArn, statusFilter: .failed, page: PageRequest(maxResults: 100))
                ).items.count
            }
            var token: String?
            for _ in 0..<99 {
                token =
                    try await service.listExecutions(
                        ListExecutionsInput(stateMachineArn: machineArn, statusFilter: .failed, page: PageRequest(maxResults: 100, nextToken: token))
                    ).nextToken
            }
            let deep = try await harness.asyncMedian {
                try await service.listExecutions(
                    ListExecutionsInput(stateMachineArn: machineArn, statusFilter: .failed, page: PageRequest(maxResults: 100, nextToken: token))
                ).items.count
            }
            table.add(
                formatCount(Double(size)), format(built), formatCount(Harness.median(startRates)), formatCount(Harness.median(describeRates)),
                format(first, decimals: 2), format(failed, decimals: 2), token == nil ? "n/a" : format(deep, decimals: 2))
        }
        print(table.render())
        try await host.durableRuntime.close()
    }

    /// Starts an execution per name, `startsInFlight` at a time, and waits for each to be recorded.
    static func startAll(_ service: StepFunctionsService, _ machineArn: String, _ names: [String]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, name) in names.enumerated() {
                if index >= startsInFlight { try await group.next() }
                group.addTask { _ = try await service.startExecution(StartExecutionInput(stateMachineArn: machineArn, name: name)) }
            }
            try await group.waitForAll()
        }
    }

    /// Waits until the executions named `names` have ended and their ends are committed.
    static func finish(_ service: StepFunctionsService, _ machineArn: String, _ names: [String]) async throws {
        let prefix = machineArn.replacingOccurrences(of: ":stateMachine:", with: ":execution:")
        for name in names { _ = await service.durable.execution(arn: "\(prefix):\(name)")?.result }
        try await service.durable.flush()
    }

    /// Operations per second of `count` operations done by `body`.
    static func rate(_ count: Int, _ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        return Double(count) / seconds(ContinuousClock.now - start)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
