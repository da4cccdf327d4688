import Foundation
import JSON
import Stepwise
import StepwiseServices
import StepwiseTesting
import Testing

@Suite("Distributed Map on the local S3", .timeLimit(.minutes(3)))
struct DistributedMapIOTests {
    static func setUp(_ files: [String: String]) throws -> (DataDirectory, Runtime) {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        for (path, body) in files {
            let url = directory.url.appendingPathComponent("s3/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try body.write(to: url, atomically: true, encoding: .utf8)
        }
        let runtime = Runtime(clock: .virtual)
        LocalServices.install(directory, into: runtime)
        return (directory, runtime)
    }

    static func machine(reader: String, extra: String = "") throws -> StateMachine {
        try StateMachine(
            text: """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemReader": \(reader)\(extra),
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P",
                    "States": {"P": {"Type": "Pass", "End": true}}}}}}
                """, name: "dm")
    }

    @Test("A CSV with a header row gives one object of strings per row, quotes and embedded commas included")
    func csv() async throws {
        let (_, runtime) = try Self.setUp(["bucket-a/rows.csv": "uid,name\r\n1,\"Ada, L.\"\r\n2,\"say \"\"hi\"\"\"\r\n"])
        let machine = try Self.machine(
            reader:
                #"{"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "bucket-a", "Key": "rows.csv"}, "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}}"#
        )
        let result = await (try await runtime.start(machine)).result
        #expect(result.output == [["uid": "1", "name": "Ada, L."], ["uid": "2", "name": "say \"hi\""]])
    }

    @Test("Given CSV headers that repeat fail with States.ItemReaderFailed")
    func duplicateHeaders() async throws {
        let (_, runtime) = try Self.setUp(["bucket-a/rows.csv": "1,2\n"])
        let machine = try Self.machine(
            reader:
                #"{"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "bucket-a", "Key": "rows.csv"}, "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["a", "a"]}}"#
        )
        let result = await (try await runtime.start(machine)).result
        #expect(result.error == "States.ItemReaderFailed")
        #expect(result.cause == "CSV headers cannot contain duplicates.")
    }

    @Test(
        "JSON, JSONL and object listings are readers too",
        arguments: [
            (
                #"{"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "bucket-a", "Key": "a.json"}, "ReaderConfig": {"InputType": "JSON"}}"#,
                [1, 2]
            ),
            (
                #"{"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "bucket-a", "Key": "a.jsonl"}, "ReaderConfig": {"InputType": "JSONL", "MaxItems": 1}}"#,
                [["x": 1]]
            ),
        ] as [(String, JSON)])
    func readers(reader: String, expected: JSON) async throws {
        let (_, runtime) = try Self.setUp(["bucket-a/a.json": "[1, 2]", "bucket-a/a.jsonl": "{\"x\": 1}\n{\"x\": 2}\n"])
        let result = await (try await runtime.start(try Self.machine(reader: reader))).result
        #expect(result.output == expected)
    }

    @Test("listObjectsV2 items describe each object under the prefix")
    func listing() async throws {
        let (_, runtime) = try Self.setUp(["bucket-a/in/a.txt": "aa", "bucket-a/in/b.txt": "b", "bucket-a/out/c.txt": "c"])
        let machine = try Self.machine(
            reader: #"{"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": {"Bucket": "bucket-a", "Prefix": "in/"}}"#)
        let result = await (try await runtime.start(machine)).result
        #expect(result.output?.arrayValue?.map { $0["Key"] } == ["in/a.txt", "in/b.txt"])
        #expect(result.output?[0]?["Size"] == 2)
    }

    @Test("The ResultWriter writes a manifest and result files and answers with their location")
    func resultWriter() async throws {
        let (directory, runtime) = try Self.setUp(["bucket-a/a.json": "[1, 2]"])
        let machine = try Self.machine(
            reader: #"{"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "bucket-a", "Key": "a.json"}}"#,
            extra: #", "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "bucket-a", "Prefix": "out"}}"#)
        let result = await (try await runtime.start(machine)).result
        let key = try #require(result.output?["ResultWriterDetails"]?["Key"]?.stringValue)
        #expect(key.hasPrefix("out/") && key.hasSuffix("/manifest.json"))
        let manifest = try JSON(parsing: String(contentsOf: directory.url.appendingPathComponent("s3/bucket-a/\(key)"), encoding: .utf8))
        #expect(manifest["DestinationBucket"] == "bucket-a")
        let succeeded = try #require(manifest["ResultFiles"]?["SUCCEEDED"]?[0]?["Key"]?.stringValue)
        let records = try JSON(parsing: String(contentsOf: directory.url.appendingPathComponent("s3/bucket-a/\(succeeded)"), encoding: .utf8))
        #expect(records.arrayValue?.map { $0["Output"] } == ["1", "2"])
        #expect(records[0]?["Status"] == "SUCCEEDED")
    }
}
