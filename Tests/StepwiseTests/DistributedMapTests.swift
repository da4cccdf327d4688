import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

/// Stands in for S3 (an external service): serves fixed items and keeps what the ResultWriter was given.
final class ItemSource: DistributedMapIO {
    let items: JSON
    let written = Mutex<[MapChildResult]>([])

    init(_ items: JSON) { self.items = items }

    func perform(_ request: MapIORequest, execution: ExecutionInfo) async throws -> JSON {
        switch request.kind {
        case .readItems(_, _, _, let maxItems):
            guard case .array(let all) = items else { return items }
            return .array(Array(all.prefix(maxItems ?? all.count)))
        case .writeResults(_, let arguments, _, let mapRunArn, let results):
            written.withLock { $0 = results }
            return [
                "MapRunArn": .string(mapRunArn),
                "ResultWriterDetails": [
                    "Bucket": arguments["Bucket"] ?? .null, "Key": .string("\(arguments["Prefix"]?.stringValue ?? "")/manifest.json"),
                ],
            ]
        }
    }
}

@Suite("Distributed Map", .timeLimit(.minutes(3)))
struct DistributedMapTests {
    static func definition(_ extra: String, processor: String = #""Echo": {"Type": "Pass", "End": true}"#, start: String = "Echo") -> String {
        """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "b", "Key": "items.json"},
            "ReaderConfig": {"InputType": "JSON"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "\(start)",
            "States": {\(processor)}}\(extra)}}}
        """
    }

    static func run(_ definition: String, items: JSON, source: ItemSource? = nil) async throws -> FinishedRun {
        let io = source ?? ItemSource(items)
        return try await TestSupport.run(definition) { $0.setDistributedMapIO(io) }
    }

    @Test("Items come from the ItemReader; the history shows the Map Run, not the children")
    func reader() async throws {
        let run = try await Self.run(Self.definition(""), items: [1, 2, 3])
        #expect(run.result.output == [1, 2, 3])
        #expect(
            run.types == [
                "ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded",
                "MapStateExited", "ExecutionSucceeded",
            ])
    }

    @Test("ItemBatcher gives each child Items and BatchInput")
    func batcher() async throws {
        let run = try await Self.run(Self.definition(#", "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"job": "j1"}}"#), items: [1, 2, 3])
        #expect(run.result.output == [["Items": [1, 2], "BatchInput": ["job": "j1"]], ["Items": [3], "BatchInput": ["job": "j1"]]])
    }

    @Test("Failures within ToleratedFailureCount let the Map succeed; one more fails it with States.ExceedToleratedFailureThreshold")
    func tolerance() async throws {
        let processor = """
            "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericGreaterThan": 2, "Next": "Bad"}], "Default": "Good"},
            "Good": {"Type": "Succeed"}, "Bad": {"Type": "Fail", "Error": "Item.Bad", "Cause": "too big"}
            """
        let within = try await Self.run(Self.definition(#", "ToleratedFailureCount": 2"#, processor: processor, start: "Check"), items: [1, 3, 4])
        #expect(within.result.status == .succeeded)
        #expect(within.result.output?[1] == ["Error": "Item.Bad", "Cause": "too big"])
        let over = try await Self.run(Self.definition(#", "ToleratedFailureCount": 1"#, processor: processor, start: "Check"), items: [1, 3, 4])
        #expect(over.result.error == "States.ExceedToleratedFailureThreshold")
        #expect(over.result.cause == "The specified tolerated failure threshold was exceeded")
        #expect(Array(over.types.suffix(3)) == ["MapRunFailed", "MapStateFailed", "ExecutionFailed"])
    }

    @Test("Without a tolerance any failed child fails the Map")
    func noTolerance() async throws {
        let processor = #""Bad": {"Type": "Fail", "Error": "E"}"#
        let run = try await Self.run(Self.definition("", processor: processor, start: "Bad"), items: [1])
        #expect(run.result.error == "States.ExceedToleratedFailureThreshold")
    }

    @Test("The ResultWriter gets every child's input, output or error, and its answer is the Map's result")
    func resultWriter() async throws {
        let source = ItemSource([1, 2])
        let run = try await Self.run(
            Self.definition(#", "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "runs"}}"#),
            items: [1, 2], source: source)
        #expect(run.result.output?["ResultWriterDetails"] == ["Bucket": "out", "Key": "runs/manifest.json"])
        #expect(run.result.output?["MapRunArn"]?.stringValue?.hasPrefix("arn:aws:states:us-east-1:123456789012:mapRun:Test/") == true)
        #expect(run.result.output?["MapRunArn"]?.stringValue?.contains("/M:") == false)  // without a Label, an id, not the state's name
        #expect(source.written.withLock { $0.map(\.output) } == [1, 2])
    }

    @Test("MaxItems limits what the reader returns")
    func maxItems() async throws {
        let definition = Self.definition("").replacingOccurrences(of: #""InputType": "JSON""#, with: #""InputType": "JSON", "MaxItems": 2"#)
        let run = try await Self.run(definition, items: [1, 2, 3])
        #expect(run.result.output == [1, 2])
    }

    @Test("Without a DistributedMapIO the reader fails with States.ItemReaderFailed and says how to provide one")
    func noReader() async throws {
        let run = try await TestSupport.run(Self.definition(""))
        #expect(run.result.error == "States.ItemReaderFailed")
        #expect(run.result.cause?.contains("--data-dir") == true)
    }
}
