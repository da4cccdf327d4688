import Foundation
import JSON
import StepwiseServer
import StepwiseStore
import StepwiseTesting
import Testing

/// `stepwise serve --retention-days N`: executions that stopped more than N days ago go, at start and periodically.
@Suite("Serving with retention", .timeLimit(.minutes(3)))
struct RetentionServeTests {
    /// Stores a finished execution of `hello` (and its job) that stopped `daysAgo` days ago.
    static func finished(_ store: Store, _ name: String, daysAgo: Double) async throws {
        let stop = Date().addingTimeInterval(-daysAgo * 86_400)
        let arn = Definitions.executionArn("hello", name)
        try await store.createExecution(
            ExecutionRecord(
                arn: arn, name: name, stateMachineArn: Definitions.machineArn("hello"), revisionId: nil, definition: Definitions.pass,
                input: "{}", startDate: stop.addingTimeInterval(-1), seed: 1))
        try await store.createJob(id: name, workflow: "hello", stateMachineArn: Definitions.machineArn("hello"), input: "{}", date: stop)
        _ = try await store.assignJob(id: name, executionArn: arn)
        try await store.finishExecution(arn: arn, status: .succeeded, output: "{}", stopDate: stop)
    }

    static func database(_ directory: URL, _ executions: [(String, Double)]) async throws {
        let store = try await Store(path: directory.appendingPathComponent("stepwise.db").path)
        for (name, days) in executions { try await finished(store, name, daysAgo: days) }
        try await store.close()
    }

    @Test("At start, executions stopped more than 90 days ago are purged with their jobs; newer ones stay")
    func purgeAtStart() async throws {
        let directory = try TestSupport.temporaryDirectory()
        try await Self.database(directory, [("old", 91), ("recent", 89)])
        let lines = StoreFailureServeTests.Lines()
        try await withService(workflows: ["hello": Definitions.pass], directory: directory, log: lines.append) { service in
            #expect(lines.all.first == "purged 1 execution(s) that stopped more than 90 days ago")
            let (gone, _) = try await service.client.call("DescribeExecution", ["executionArn": .string(Definitions.executionArn("hello", "old"))])
            #expect(gone == 400)
            #expect(try await service.client.send("GET", "/jobs/old").status == 404)
            #expect(try await service.client.send("GET", "/jobs/recent").body["status"] == "COMPLETED")
        }
    }

    @Test("The purge runs again every retentionInterval, with the days given; 0 days keeps everything")
    func periodicAndForever() async throws {
        let directory = try TestSupport.temporaryDirectory()
        try await Self.database(directory, [("ancient", 400)])
        let forever = try await TestService.start(directory: directory, configure: { $0.retentionDays = 0 })
        try await forever.stop()
        let lines = StoreFailureServeTests.Lines()
        let configure: (inout ServeOptions) -> Void = { options in
            options.retentionDays = 10
            options.retentionInterval = .milliseconds(50)
        }
        try await withService(directory: directory, configure: configure, log: lines.append) { service in
            #expect(lines.all == ["purged 1 execution(s) that stopped more than 10 days ago"])  // kept by the first start
            try await Self.finished(service.stepFunctions.store, "later", daysAgo: 11)
            try await Self.finished(service.stepFunctions.store, "fresh", daysAgo: 9)
            let deadline = ContinuousClock.now + .seconds(10)
            while try await service.stepFunctions.store.job(id: "later") != nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try await service.stepFunctions.store.job(id: "later") == nil)
            #expect(try await service.stepFunctions.store.job(id: "fresh")?.status == .completed)
            #expect(lines.all == Array(repeating: "purged 1 execution(s) that stopped more than 10 days ago", count: 2))
        }
    }
}
