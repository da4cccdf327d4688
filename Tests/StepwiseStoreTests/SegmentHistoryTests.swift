import Foundation
import JSON
import Stepwise
import StepwiseSQLite
import Testing

@testable import StepwiseStore

/// Histories stored in segments read back byte for byte as the engine made them (what the `events` rows held).
@Suite("History segments")
struct SegmentHistoryTests {
    static let workflows = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../workflows").standardizedFileURL

    /// Assignments, a Map with items, a Parallel, a retried and caught failure, a Fail, payloads that repeat and not.
    static let mixed = """
        {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
          "Init": {"Type": "Pass", "Assign": {"n": 3, "name": "é\\u0000\\"x\\""}, "Output": {"items": [1, 2.5, {"a": null}], "s": "é\\u0000\\"x\\"</\\t😀"}, "Next": "Each"},
          "Each": {"Type": "Map", "Items": "{% $states.input.items %}", "ItemProcessor": {"StartAt": "Echo",
            "States": {"Echo": {"Type": "Pass", "End": true}}}, "Next": "Both"},
          "Both": {"Type": "Parallel", "Branches": [
            {"StartAt": "L", "States": {"L": {"Type": "Pass", "Output": "left", "End": true}}},
            {"StartAt": "R", "States": {"R": {"Type": "Wait", "Seconds": 5, "End": true}}}], "Next": "Try"},
          "Try": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:missing",
            "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2, "IntervalSeconds": 1}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Stop"}], "Next": "Stop"},
          "Stop": {"Type": "Fail", "Error": "Done", "Cause": "{% 'after ' & $string($n) %}"}
        }}
        """

    static func definitions() throws -> [(String, String)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: workflows.path).filter { $0.hasSuffix(".asl.json") }.sorted()
        return try [("mixed", mixed)] + files.map { ($0, try String(contentsOf: workflows.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("Every seed workflow's history and a mixed one read back as the engine's events, in any page size")
    func historiesMatchTheEngine() async throws {
        let path = try Fixture.path()
        let runtime = Runtime(clock: .virtual)
        runtime.register("arn:aws:lambda:us-east-1:123456789012:function:missing") { input, _ in
            throw StatesError("Lambda.Unknown", "no function for \(input.serialized())")
        }
        runtime.register("*") { input, _ in ["echo": input] }  // the seed workflows' services answer with what they got
        let durable = DurableRuntime(store: try await Store(path: path), runtime: runtime, resumeInterval: nil) { _ in }
        for (index, (name, definition)) in try Self.definitions().enumerated() {
            let machine = try StateMachine(text: definition, name: "m\(index)")
            let execution = try await durable.start(machine, definition: definition, input: ["bucket": "b", "prefix": "p"], name: "e\(index)")
            _ = await execution.result
            await durable.sync()
            let engine = await execution.history.map { $0.json() }
            let stored = try await durable.store.allEvents(arn: execution.arn)
            #expect(JSON.array(stored).serialized() == JSON.array(engine).serialized(), "\(name)")
            var small: [JSON] = []
            var token: String?
            repeat {
                let page = try await durable.store.history(arn: execution.arn, maxResults: 3, nextToken: token)
                small += page.items.map { $0.json() }
                // The API's body is written from the stored text: the bytes of the values serialized.
                #expect(EventRow.jsonArray(page.items) == JSON.array(page.items.map { $0.json() }).serializedBytes(), "\(name)")
                token = page.nextToken
            } while token != nil
            #expect(small == stored, "\(name)")
            let whole = try await durable.store.history(arn: execution.arn, maxResults: 1000).items
            #expect(String(decoding: EventRow.jsonArray(whole), as: UTF8.self) == JSON.array(engine).serialized(), "\(name)")
        }
        try await durable.close()
    }

    @Test("An execution of more events than a segment holds pages across segments both ways")
    func longHistoryPages() async throws {
        let path = try Fixture.path()
        let definition = """
            {"StartAt": "I", "States": {"I": {"Type": "Pass", "Result": {"i": 0}, "Next": "C"},
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": 300, "Next": "Inc"}], "Default": "D"},
              "Inc": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "C"}, "D": {"Type": "Succeed"}}}
            """
        let durable = DurableRuntime(store: try await Store(path: path), runtime: Runtime(clock: .virtual), resumeInterval: nil) { _ in }
        let execution = try await durable.start(try StateMachine(text: definition, name: "loop"), definition: definition, input: [:], name: "long")
        #expect(await execution.result.status == .succeeded)
        await durable.sync()
        let engine = await execution.history.map { $0.json() }
        #expect(engine.count > 1000)
        #expect(try await durable.store.allEvents(arn: execution.arn) == engine)
        var reversed: [JSON] = []
        var token: String?
        repeat {
            let page = try await durable.store.history(arn: execution.arn, maxResults: 1000, reverseOrder: true, nextToken: token)
            reversed += page.items.map { $0.json() }
            token = page.nextToken
        } while token != nil
        #expect(reversed == engine.reversed())
        #expect(try await durable.store.events(arn: execution.arn, afterId: 700, limit: 50).map(\.id) == Array(701...750))
        try await durable.close()
        let bytes = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(bytes < 100 * engine.count + 200_000)  // schema pages plus well under 100 bytes an event
    }
}

@Suite("Map Run children's histories in segments")
struct ChildSegmentTests {
    @Test("STANDARD children's events are written as segments, none as event rows; they read back, pass the doctor and survive repair")
    func childrenInSegments() async throws {
        let path = try Fixture.path()
        let definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Echo",
                "States": {"Echo": {"Type": "Pass", "Parameters": {"n.$": "$"}, "End": true}}}, "End": true}}}
            """
        let durable = DurableRuntime(store: try await Store(path: path), runtime: Runtime(clock: .virtual), resumeInterval: nil) { _ in }
        let execution = try await durable.start(
            try StateMachine(text: definition, name: "fan"), definition: definition, input: ["items": [1, 2, 3]], name: "fan")
        #expect(await execution.result.status == .succeeded)
        await durable.sync()
        let run = try #require(try await durable.store.mapRuns(executionArn: execution.arn).items.first)
        let children = try await durable.store.mapRunExecutions(mapRunArn: run.arn).items
        #expect(children.count == 3)
        var histories: [String: [JSON]] = [:]
        for child in children {
            let events = try await durable.store.allEvents(arn: child.arn)
            #expect(
                events.map { $0["type"]?.stringValue ?? "" } == ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"])
            #expect(events.map { $0["id"] } == [1, 2, 3, 4])
            histories[child.arn] = events
        }
        let outputs = children.compactMap { histories[$0.arn]?.last?["executionSucceededEventDetails"]?["output"]?.stringValue }.sorted()
        #expect(outputs == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#])
        try await durable.close()
        #expect(try Fixture.count("SELECT count(*) FROM events", at: path) == 0)
        #expect(try Fixture.count("SELECT count(*) FROM history_segments WHERE last_seq = 0", at: path) == 3)
        #expect(DatabaseDoctor.examine(path).isHealthy)
        let repaired = try Fixture.path("repaired.db")
        #expect(try DatabaseDoctor.repair(path, into: repaired).recovered == [execution.arn])
        let reader = try await Store(path: repaired, options: Store.Options(readOnly: true))
        for child in children { #expect(try await reader.allEvents(arn: child.arn) == histories[child.arn]) }
        try await reader.close()
    }
}

@Suite("History JSON written from stored text")
struct HistoryBytesTests {
    @Test("Rows given as text (spaces, escapes, not an object, none) and details changed after reading are written as their values")
    func givenText() async throws {
        let store = try await Store(path: try Fixture.path())
        let execution = Fixture.execution("given")
        try await store.createExecution(execution)
        let details: [String?] = [
            #"{ "passStateEnteredEventDetails" : { "name" : "\u00e9\/", "input" : "{}" } }"#, "[1]", "{}", nil, "not json",
            #"{"a":1}"#,
        ]
        let rows = details.enumerated().map { index, text in
            EventRow(id: index + 1, type: "PassStateEntered", timestamp: 1_000.25, previousEventId: index, details: text)
        }
        try await store.append(arn: execution.arn, step: StepRow(seq: 1, timestamp: 1_000, input: "{}"), events: rows)
        try await store.flush()
        var page = try await store.history(arn: execution.arn, maxResults: 100).items
        #expect(page == rows)
        page[5].details = #"{"b": [1, 2.50]}"#
        let written = String(decoding: EventRow.jsonArray(page), as: UTF8.self)
        #expect(written == JSON.array(page.map { $0.json() }).serialized())
        #expect(written.contains(#""name":"é/""#) && written.contains(#""b":[1,2.5]"#))
        try await store.close()
    }
}

@Suite("History segments that do not decode")
struct DamagedSegmentTests {
    @Test("doctor names the damaged segment; pages outside it and other executions read; repair leaves its execution out")
    func damagedSegment() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        let (damaged, whole) = (Fixture.execution("damaged"), Fixture.execution("whole"))
        for execution in [damaged, whole] {
            try await store.createExecution(execution)
            for seq in 1...3 {  // three commits: three segments of 2 events each
                try await Fixture.appendSteps(store, arn: execution.arn, steps: 1, eventsPerStep: 2, from: seq, firstEvent: 2 * seq - 1)
                try await store.flush()
            }
        }
        try await store.close()
        let writer = try SQLiteConnection(storeAt: path, mode: .readWrite)
        _ = try writer.run("UPDATE history_segments SET body = x'01FF05' WHERE execution_arn = ? AND last_event_id = 4", damaged.arn)
        let report = DatabaseDoctor.examine(path)
        let finding = try #require(report.findings.first { $0.check == "history segments" })
        #expect(finding.level == .problem)
        #expect(finding.detail == "1 of 6 do not decode: \(damaged.arn) events 3–4")
        let reader = try await Store(path: path, options: Store.Options(readOnly: true))
        #expect(try await reader.events(arn: damaged.arn, afterId: 0, limit: 2).map(\.id) == [1, 2])
        #expect(try await reader.events(arn: damaged.arn, afterId: 4, limit: 2).map(\.id) == [5, 6])
        await #expect { try await reader.events(arn: damaged.arn, afterId: 2, limit: 2) } throws: { ($0 as? StoreError)?.kind == .damaged }
        #expect(try await reader.allEvents(arn: whole.arn).count == 6)
        try await reader.close()
        let repaired = try Fixture.path("repaired.db")
        let repair = try DatabaseDoctor.repair(path, into: repaired)
        #expect(repair.recovered == [whole.arn])
        #expect(repair.partial.map(\.arn) == [damaged.arn])
    }
}
