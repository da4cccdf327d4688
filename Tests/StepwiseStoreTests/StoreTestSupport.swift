import Foundation
import StepwiseSQLite
import StepwiseTesting

@testable import StepwiseStore

/// Shared fixtures: a fresh database path per test, sample records, and a raw second connection.
enum Fixture {
    static let machineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Hello"
    static let definition = #"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#

    /// A database path in a new temporary directory.
    static func path(_ name: String = "stepwise.db") throws -> String {
        try TestSupport.temporaryDirectory().appendingPathComponent(name).path
    }

    static func machine(_ name: String = "Hello", date: Double = 1_000) -> StateMachineRecord {
        StateMachineRecord(
            name: name, arn: "arn:aws:states:us-east-1:123456789012:stateMachine:\(name)",
            definition: definition, roleArn: "arn:aws:iam::123456789012:role/R", revisionId: "r1",
            creationDate: Date(timeIntervalSince1970: date))
    }

    static func execution(_ name: String, start: Double = 1_000, machine: String = machineArn) -> ExecutionRecord {
        ExecutionRecord(
            arn: machine.replacingOccurrences(of: ":stateMachine:", with: ":execution:") + ":\(name)",
            name: name, stateMachineArn: machine, revisionId: "r1", definition: definition,
            input: #"{"n":1}"#, startDate: Date(timeIntervalSince1970: start), seed: 42)
    }

    /// Events `first...last` with a details payload, each following the previous one.
    static func events(_ range: ClosedRange<Int>) -> [EventRow] {
        range.map {
            EventRow(
                id: $0, type: "PassStateEntered", timestamp: 1_000 + Double($0), previousEventId: $0 - 1,
                details: #"{"stateEnteredEventDetails":{"name":"A","input":"{}"}}"#)
        }
    }

    /// Appends `steps` steps of `eventsPerStep` events each, continuing from step `from` and event `firstEvent`.
    static func appendSteps(
        _ store: Store, arn: String, steps: Int, eventsPerStep: Int, from: Int = 1,
        firstEvent: Int = 1
    ) async throws {
        var next = firstEvent
        for seq in from..<(from + steps) {
            let events = eventsPerStep == 0 ? [] : Self.events(next...(next + eventsPerStep - 1))
            next += eventsPerStep
            try await store.append(
                arn: arn, step: StepRow(seq: seq, timestamp: 1_000 + Double(seq), input: #"{"start":{}}"#),
                events: events)
        }
    }

    /// An integer from a second, independent connection (what another process would see).
    static func count(_ sql: String, at path: String) throws -> Int {
        let database = try SQLiteConnection(storeAt: path, mode: .readOnly)
        try database.configureForReading(busyTimeout: 5_000)  // the writer may be committing or checkpointing
        return try database.int(sql) ?? -1
    }

    /// Events stored for all executions, as another connection reads them: rows of earlier builds plus segments.
    static func storedEvents(at path: String) throws -> Int { try stored(at: path).events }

    /// Steps stored for all executions, as ``storedEvents(at:)`` counts events.
    static func storedSteps(at path: String) throws -> Int { try stored(at: path).steps }

    private static func stored(at path: String) throws -> (events: Int, steps: Int) {
        let database = try SQLiteConnection(storeAt: path, mode: .readOnly)
        try database.configureForReading(busyTimeout: 5_000)
        var events = try database.int("SELECT count(*) FROM events") ?? 0
        var steps = try database.int("SELECT count(*) FROM step_log") ?? 0
        for body in try database.rows("SELECT body FROM history_segments", row: { $0.blob(0) }) {
            let log = try LogDecoder.decode(body, steps: true, events: 1...Int.max)
            events += log.events.count
            steps += log.steps.count
        }
        return (events, steps)
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}
