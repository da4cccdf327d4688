import Foundation
import Stepwise
import Synchronization
import Testing

@testable import StepwiseStore

@Suite("Resuming every RUNNING execution", .timeLimit(.minutes(3)))
struct ResumeAllTests {
    /// `first`, `broken` (an unreadable definition) and `last`, RUNNING in that order with nothing recorded yet.
    static func database() async throws -> String {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        for (index, name) in ["first", "broken", "last"].enumerated() {
            var record = Fixture.execution(name, start: 1_000 + Double(index))
            if name == "broken" { record.definition = "{not json" }
            try await store.createExecution(record)
        }
        try await store.close()
        return path
    }

    @Test("One record that cannot be resumed is reported and stays RUNNING; the others resume and finish")
    func badRecordDoesNotStopTheOthers() async throws {
        let path = try await Self.database()
        let notices = Mutex<[String]>([])
        let durable = DurableRuntime(store: try await Store(path: path), runtime: Runtime(clock: .virtual), resumeInterval: nil) { notice in
            notices.withLock { $0.append("\(notice)") }
        }
        let resumed = try await durable.resumeAll()
        #expect(resumed.map(\.name) == ["first", "last"])
        for execution in resumed { #expect(await execution.result.status == .succeeded) }
        await durable.sync()
        let broken = Fixture.execution("broken").arn
        let reported = notices.withLock { $0 }
        #expect(reported.count == 1)
        #expect(reported.first?.hasPrefix("cannot resume execution \(broken): ") == true)
        #expect(reported.first?.hasSuffix("; it stays RUNNING in the store") == true)
        #expect(try await durable.store.runningExecutions().map(\.name) == ["broken"])
        try await durable.close()
    }
}
