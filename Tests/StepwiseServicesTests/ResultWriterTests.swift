import Foundation
import JSON
import Stepwise
import StepwiseServices
import StepwiseTesting
import Testing

/// The ResultWriter's shapes (AWS Developer Guide, "ResultWriter (Map)"): WriterConfig alone returns the
/// transformed results as the state's output; with Resource and Parameters they go to S3 as a manifest and one
/// file per status that has children; NONE records are the child executions' metadata.
@Suite("ResultWriter", .timeLimit(.minutes(2)))
struct ResultWriterTests {
    static func machine(
        writer: String, processor: String = #""Echo": {"Type": "Pass", "End": true}"#, start: String = "Echo",
        extra: String = ""
    ) throws -> StateMachine {
        try StateMachine(
            text: """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$.items", "Label": "M", "ResultWriter": \(writer)\(extra),
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "\(start)",
                    "States": {\(processor)}}}}}
                """, name: "dm")
    }

    /// A child that fails for an item holding `"bad"`, and passes the others through.
    static let checked = """
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$[0]", "StringEquals": "bad", "Next": "Bad"}], "Default": "Good"},
        "Good": {"Type": "Pass", "End": true}, "Bad": {"Type": "Fail", "Error": "Item.Bad", "Cause": "bad item"}
        """

    static func run(_ machine: StateMachine, items: JSON) async throws -> (ExecutionResult, DataDirectory, Execution) {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("s3/out"), withIntermediateDirectories: true)
        let runtime = Runtime(clock: .virtual)
        LocalServices.install(directory, into: runtime)
        let execution = try await runtime.start(machine, input: ["items": items], name: "run")
        return (await execution.result, directory, execution)
    }

    static func object(_ directory: DataDirectory, _ key: String) throws -> String {
        try String(contentsOf: directory.url.appendingPathComponent("s3/out/\(key)"), encoding: .utf8)
    }

    /// The metadata record AWS writes for a child (Transformation NONE), at the virtual clock's start.
    static func metadata(
        _ execution: Execution, runArn: String, index: Int, input: JSON, output: JSON? = nil,
        error: (String, String)? = nil
    ) -> JSON {
        let runId = String(runArn.split(separator: ":").last ?? "")
        let hex = String(index + 1, radix: 16)
        let name = String(runId.prefix(24)) + String(repeating: "0", count: 12 - hex.count) + hex
        let date = JSON.string(ISOTimestamp.format(execution.startDate))
        var record: JSONObject = [
            "ExecutionArn": .string("arn:aws:states:us-east-1:123456789012:execution:dm/M:\(name)"), "Input": .string(input.serialized()),
            "InputDetails": ["Included": true], "Name": .string(name), "RedriveCount": 0, "StartDate": date,
            "StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:dm/M", "StopDate": date,
        ]
        if let output {
            record["Output"] = .string(output.serialized())
            record["OutputDetails"] = ["Included": true]
            record["RedriveStatus"] = "NOT_REDRIVABLE"
            record["RedriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven"
            record["Status"] = "SUCCEEDED"
        } else if let error {
            (record["Error"], record["Cause"]) = (.string(error.0), .string(error.1))
            record["RedriveStatus"] = "REDRIVABLE_BY_MAP_RUN"
            record["Status"] = "FAILED"
        }
        return .object(record)
    }

    @Test("WriterConfig alone: FLATTEN splices array outputs into the state's output, nothing is written")
    func inlineFlatten() async throws {
        let machine = try Self.machine(writer: #"{"WriterConfig": {"Transformation": "FLATTEN", "OutputType": "JSON"}}"#)
        let (result, directory, _) = try await Self.run(machine, items: [[1, 2], [3], 4])
        #expect(result.status == .succeeded)
        #expect(result.output == [1, 2, 3, 4])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("s3/out").path).isEmpty)
    }

    @Test("WriterConfig alone: COMPACT gives outputs, but a failed child keeps its metadata; NONE gives every child's metadata")
    func inlineCompactAndNone() async throws {
        let compact = try Self.machine(
            writer: #"{"WriterConfig": {"Transformation": "COMPACT"}}"#, processor: Self.checked, start: "Check",
            extra: #", "ToleratedFailureCount": 1"#)
        let (result, _, execution) = try await Self.run(compact, items: [["ok"], ["bad"]])
        let runArn = try #require(await execution.mapRuns.first?.arn)
        #expect(result.output == [["ok"], Self.metadata(execution, runArn: runArn, index: 1, input: ["bad"], error: ("Item.Bad", "bad item"))])

        let none = try Self.machine(writer: #"{"WriterConfig": {"Transformation": "NONE"}}"#)
        let (noneResult, _, noneExecution) = try await Self.run(none, items: [7])
        let noneArn = try #require(await noneExecution.mapRuns.first?.arn)
        #expect(noneResult.output == [Self.metadata(noneExecution, runArn: noneArn, index: 0, input: 7, output: 7)])
    }

    @Test("Exported with FLATTEN, the SUCCEEDED file holds the flattened outputs; failed children go to FAILED with their metadata")
    func exportedFlatten() async throws {
        let machine = try Self.machine(
            writer:
                #"{"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "runs"}, "WriterConfig": {"Transformation": "FLATTEN"}}"#,
            processor: Self.checked, start: "Check", extra: #", "ToleratedFailureCount": 1"#)
        let (result, directory, execution) = try await Self.run(machine, items: [["a", "b"], ["bad"], ["c"]])
        let runArn = try #require(await execution.mapRuns.first?.arn)
        let runId = String(runArn.split(separator: ":").last ?? "")
        #expect(
            result.output == ["MapRunArn": .string(runArn), "ResultWriterDetails": ["Bucket": "out", "Key": .string("runs/\(runId)/manifest.json")]])
        #expect(try JSON(parsing: Self.object(directory, "runs/\(runId)/SUCCEEDED_0.json")) == ["a", "b", "c"])
        #expect(
            try JSON(parsing: Self.object(directory, "runs/\(runId)/FAILED_0.json")) == [
                Self.metadata(execution, runArn: runArn, index: 1, input: ["bad"], error: ("Item.Bad", "bad item"))
            ])
        let manifest = try JSON(parsing: Self.object(directory, "runs/\(runId)/manifest.json"))
        #expect(manifest["ResultFiles"]?["PENDING"] == [])
        #expect(manifest["ResultFiles"]?["FAILED"]?[0]?["Key"] == .string("runs/\(runId)/FAILED_0.json"))
    }

    @Test("Exported without WriterConfig, records are NONE (metadata) and only statuses with children get a file")
    func exportedNone() async throws {
        let machine = try Self.machine(
            writer: #"{"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out"}, "WriterConfig": {"OutputType": "JSONL"}}"#)
        let (_, directory, execution) = try await Self.run(machine, items: [1, 2])
        let runArn = try #require(await execution.mapRuns.first?.arn)
        let runId = String(runArn.split(separator: ":").last ?? "")
        let lines = try Self.object(directory, "\(runId)/SUCCEEDED_0.json").split(separator: "\n").map { try JSON(parsing: String($0)) }
        #expect(
            lines == [
                Self.metadata(execution, runArn: runArn, index: 0, input: 1, output: 1),
                Self.metadata(execution, runArn: runArn, index: 1, input: 2, output: 2),
            ])
        let manifest = try JSON(parsing: Self.object(directory, "\(runId)/manifest.json"))
        let size = try #require(manifest["ResultFiles"]?["SUCCEEDED"]?[0]?["Size"]?.intValue)
        #expect(
            manifest == [
                "DestinationBucket": "out", "MapRunArn": .string(runArn),
                "ResultFiles": ["FAILED": [], "PENDING": [], "SUCCEEDED": [["Key": .string("\(runId)/SUCCEEDED_0.json"), "Size": .int(size)]]],
            ])
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("s3/out/\(runId)/FAILED_0.json").path))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("s3/out/\(runId)/PENDING_0.json").path))
    }
}
