import Foundation
import JSON
import Stepwise
import StepwiseServices
import StepwiseTesting
import Testing

/// ItemReader inputs beyond the plain cases (asl-reference §1.3 Map): S3 inventory manifests with gzip data files,
/// CSV with given headers and each delimiter, and ItemBatcher's MaxInputBytesPerBatch.
@Suite("ItemReader and ItemBatcher on the local S3", .timeLimit(.minutes(2)))
struct ItemReaderTests {
    /// A data directory with `files` under `s3/`; `.gz` files are the gzip of their text (by the system's gzip).
    static func runtime(_ files: [String: String], raw: [String: [UInt8]] = [:]) async throws -> Runtime {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        for (path, body) in files {
            let url = directory.url.appendingPathComponent("s3/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard path.hasSuffix(".gz") else {
                try body.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let plain = url.deletingPathExtension()
            try body.write(to: plain, atomically: true, encoding: .utf8)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-n", plain.path]
            try gzip.run()
            #expect(await gzip.exited() == 0)
        }
        for (path, bytes) in raw {
            let url = directory.url.appendingPathComponent("s3/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let runtime = Runtime(clock: .virtual)
        LocalServices.install(directory, into: runtime)
        return runtime
    }

    static func run(_ runtime: Runtime, reader: String, extra: String = "") async throws -> ExecutionResult {
        let machine = try StateMachine(
            text: """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemReader": \(reader)\(extra),
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P",
                    "States": {"P": {"Type": "Pass", "End": true}}}}}}
                """, name: "dm")
        return await (try await runtime.start(machine)).result
    }

    static let manifest = """
        {"sourceBucket": "photos", "destinationBucket": "arn:aws:s3:::inventory", "version": "2016-11-30",
         "fileFormat": "CSV", "fileSchema": "Bucket, Key, Size",
         "files": [{"key": "photos/data/part-1.csv.gz", "size": 60, "MD5checksum": "x"},
                   {"key": "photos/data/part-2.csv.gz", "size": 40, "MD5checksum": "y"}]}
        """

    @Test("An S3 inventory manifest reads every gzip-compressed CSV file it lists, rows named by fileSchema")
    func inventoryManifest() async throws {
        let runtime = try await Self.runtime([
            "inventory/photos/manifest.json": Self.manifest,
            "inventory/photos/data/part-1.csv.gz": "\"photos\",\"a.jpg\",\"10\"\n\"photos\",\"b, c.jpg\",\"20\"\n",
            "inventory/photos/data/part-2.csv.gz": "\"photos\",\"d.jpg\",\"30\"\n",
        ])
        let result = try await Self.run(
            runtime,
            reader: """
                {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "MANIFEST", "ManifestType": "S3_INVENTORY"},
                 "Parameters": {"Bucket": "inventory", "Key": "photos/manifest.json"}}
                """)
        #expect(
            result.output == [
                ["Bucket": "photos", "Key": "a.jpg", "Size": "10"], ["Bucket": "photos", "Key": "b, c.jpg", "Size": "20"],
                ["Bucket": "photos", "Key": "d.jpg", "Size": "30"],
            ])
    }

    @Test("A corrupt gzip inventory file fails the Map with States.ItemReaderFailed")
    func corruptInventory() async throws {
        let runtime = try await Self.runtime(
            [
                "inventory/photos/manifest.json": Self.manifest.replacingOccurrences(
                    of: ", {\"key\": \"photos/data/part-2.csv.gz\", \"size\": 40, \"MD5checksum\": \"y\"}", with: "")
            ], raw: ["inventory/photos/data/part-1.csv.gz": [0x1f, 0x8b, 0x08, 0x00] + Array("not really gzip".utf8)])
        let result = try await Self.run(
            runtime,
            reader: """
                {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "MANIFEST"},
                 "Parameters": {"Bucket": "inventory", "Key": "photos/manifest.json"}}
                """)
        #expect(result.error == "States.ItemReaderFailed")
        #expect(result.cause?.hasPrefix("The inventory file photos/data/part-1.csv.gz could not be decompressed: ") == true)
    }

    @Test(
        "CSV with GIVEN headers and each CSVDelimiter",
        arguments: [
            ("COMMA", "1,Ada\n2,\"Bob, Jr\"\n"), ("PIPE", "1|Ada\n2|Bob, Jr\n"), ("SEMICOLON", "1;Ada\n2;Bob, Jr\n"),
            ("TAB", "1\tAda\n2\tBob, Jr\n"), ("SPACE", "1 Ada\n2 \"Bob, Jr\"\n"),
        ])
    func givenHeaders(delimiter: String, text: String) async throws {
        let runtime = try await Self.runtime(["input-rows/rows.csv": text])
        let result = try await Self.run(
            runtime,
            reader: """
                {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "input-rows", "Key": "rows.csv"},
                 "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["id", "name"], "CSVDelimiter": "\(delimiter)"}}
                """)
        #expect(result.output == [["id": "1", "name": "Ada"], ["id": "2", "name": "Bob, Jr"]])
    }

    @Test("MaxInputBytesPerBatch cuts a batch before the item that would take it over the limit")
    func bytesPerBatch() async throws {
        let runtime = try await Self.runtime(["input-rows/items.json": #"["aaaa", "bbbb", "cccc", "dd", "eeeeeeeeee"]"#])
        // Each item counts its JSON text plus one: "aaaa" is 7 bytes, so 14 bytes hold two of them.
        let result = try await Self.run(
            runtime, reader: #"{"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "input-rows", "Key": "items.json"}}"#,
            extra: #", "ItemBatcher": {"MaxInputBytesPerBatch": 14}"#)
        #expect(result.output == [["Items": ["aaaa", "bbbb"]], ["Items": ["cccc", "dd"]], ["Items": ["eeeeeeeeee"]]])
    }
}
