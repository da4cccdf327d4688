import Foundation
import Testing

@testable import StepwiseStore

@Suite("Starts share commits", .timeLimit(.minutes(2)))
struct StartBatchTests {
    @Test("Concurrent starts are stored in fewer commits than starts, each answered only once another connection sees it")
    func concurrentStarts() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        let count = 300
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    let execution = Fixture.execution("e\(index)")
                    try await store.createExecution(execution)
                    // Committed before the answer: a second connection reads it.
                    let seen = try Fixture.count("SELECT count(*) FROM executions WHERE arn = '\(execution.arn)'", at: path)
                    #expect(seen == 1)
                }
            }
            try await group.waitForAll()
        }
        let statistics = await store.statistics
        #expect(statistics.starts == count)
        #expect(statistics.startCommits < count, "\(statistics.startCommits) commits for \(count) starts")
        #expect(try Fixture.count("SELECT count(*) FROM executions", at: path) == count)
    }

    @Test("Two starts of one ARN in the same batch: one is stored, the other is alreadyExists, the batch stands")
    func duplicateInBatch() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        let results = await withTaskGroup(of: Result<Void, StoreError>.self) { group in
            for name in ["same", "same", "other"] {
                group.addTask {
                    do {
                        try await store.createExecution(Fixture.execution(name))
                        return .success(())
                    } catch {
                        return .failure(error as? StoreError ?? StoreError(.sqlite, "\(error)"))
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let failures = results.compactMap { if case .failure(let error) = $0 { error } else { nil } }
        #expect(failures.map(\.kind) == [.alreadyExists])
        #expect(failures.first?.message == "Execution Already Exists: '\(Fixture.execution("same").arn)'")
        #expect(try Fixture.count("SELECT count(*) FROM executions", at: path) == 2)
    }
}
