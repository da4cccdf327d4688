import Foundation
import JSON
import Stepwise
import StepwiseCLI
import StepwiseTesting
import Testing

@testable import StepwiseServices

/// `stepwise data put|get|ls|rm|put-item|get-item|scan`, each checked against what a workflow then reads.
@Suite("stepwise data verbs", .timeLimit(.minutes(3)))
struct DataVerbTests {
    let root: URL
    let data: String

    init() throws {
        root = try TestSupport.temporaryDirectory()
        data = root.appendingPathComponent("data").path
    }

    func verb(_ arguments: String..., stdin: String = "") async -> CLI.Result {
        await TestSupport.cli(["data"] + arguments + ["--data-dir", data], stdin: stdin)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = root.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Gives an object's file a known modification time, so listings are exact.
    func touch(_ bucket: String, _ key: String) throws {
        let path = "\(data)/s3/\(bucket)/\(key)"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_714_557_600)], ofItemAtPath: path)
    }

    @Test func putWritesWhatAWorkflowReadsAndGetGivesTheBytesBack() async throws {
        let bytes: [UInt8] = [0xFF, 0x00, 0x41, 0x0A]
        let source = try file("blob.bin", bytes)
        let put = await verb("put", "s3://inbox/in/blob.bin", source)
        #expect(put.status == 0, "\(put.stderr)")
        #expect(put.stdout == "make_bucket: inbox\nupload: \(source) to s3://inbox/in/blob.bin\n")
        let csv = try file("rows.csv", Array("uid\nu1\n".utf8))
        #expect(await verb("put", "s3://inbox/in/", csv).stdout == "upload: \(csv) to s3://inbox/in/rows.csv\n")
        let read = try await TestSupport.probe(
            "arn:aws:states:::aws-sdk:s3:getObject", ["Bucket": "inbox", "Key": "in/rows.csv"], dataDirectory: URL(fileURLWithPath: data))
        #expect(read["Body"] == "uid\nu1\n")
        #expect(await verb("get", "s3://inbox/in/blob.bin").stdoutData == Data(bytes))
        let copy = root.appendingPathComponent("copy.bin").path
        #expect(await verb("get", "s3://inbox/in/blob.bin", copy).stdout == "download: s3://inbox/in/blob.bin to \(copy)\n")
        #expect(FileManager.default.contents(atPath: copy) == Data(bytes))
        let head = try JSON(parsing: await verb("get", "s3://inbox/in/rows.csv", copy, "--json").stdout)
        #expect(head["ContentLength"] == 7)
        #expect(head["ContentType"] == "text/csv")
        #expect(head["ETag"] == "\"bbb59c28547742d7900c8e5527ebbcb9\"")  // MD5 of the content
        let stdin = await verb("put", "s3://inbox/typed.txt", "-", stdin: "typed")
        #expect(stdin.status == 0)
        #expect(await verb("get", "s3://inbox/typed.txt").stdout == "typed")
    }

    @Test func lsListsAsTheAWSCLIDoes() async throws {
        for key in ["reports/job-1.json", "reports/job-1/failures/000000001.json", "reports/job-2.json", "imports/a.csv"] {
            #expect(await verb("put", "s3://portal-data/\(key)", try file("f", Array("12345".utf8))).status == 0)
            try touch("portal-data", key)
        }
        let listing = await verb("ls", "s3://portal-data/reports/")
        #expect(
            listing.stdout == """
                                           PRE job-1/
                2024-05-01 10:00:00          5 job-1.json
                2024-05-01 10:00:00          5 job-2.json

                """)
        #expect(
            await verb("ls", "s3://portal-data/rep", "--recursive").stdout == """
                2024-05-01 10:00:00          5 reports/job-1.json
                2024-05-01 10:00:00          5 reports/job-1/failures/000000001.json
                2024-05-01 10:00:00          5 reports/job-2.json

                """)
        let json = try JSON(parsing: await verb("ls", "s3://portal-data/reports/", "--json").stdout)
        #expect(json["CommonPrefixes"] == [["Prefix": "reports/job-1/"]])
        #expect(json["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue } == ["reports/job-1.json", "reports/job-2.json"])
        #expect(json["Contents"]?[0]?["LastModified"] == "2024-05-01T10:00:00.000Z")
        #expect(json["KeyCount"] == 3)
        #expect(await verb("ls").stdout.hasSuffix(" portal-data\n"))
        let missing = await verb("ls", "s3://nowhere/")
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "stepwise data ls: s3://nowhere: S3.NoSuchBucketException: The specified bucket does not exist (Service: S3, Status Code: 404)\n")
    }

    @Test func rmDeletesWhatAWorkflowThenCannotRead() async throws {
        for key in ["a/1.csv", "a/2.csv", "b.csv"] { #expect(await verb("put", "s3://inbox/\(key)", try file("f", [0x31])).status == 0) }
        #expect(await verb("rm", "s3://inbox/b.csv").stdout == "delete: s3://inbox/b.csv\n")
        let probe = await #expect(throws: ProbeFailed.self) {
            try await TestSupport.probe(
                "arn:aws:states:::aws-sdk:s3:getObject", ["Bucket": "inbox", "Key": "b.csv"], dataDirectory: URL(fileURLWithPath: data))
        }
        #expect(probe?.stderr == "FAILED: S3.NoSuchKeyException: The specified key does not exist. (Service: S3, Status Code: 404)\n")
        let again = await verb("rm", "s3://inbox/b.csv")
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "stepwise data rm: s3://inbox/b.csv: S3.NoSuchKeyException: The specified key does not exist. (Service: S3, Status Code: 404)\n")
        let recursive = try JSON(parsing: await verb("rm", "s3://inbox/a/", "--recursive", "--json").stdout)
        #expect(recursive == ["Deleted": [["Key": "a/1.csv"], ["Key": "a/2.csv"]]])
        #expect(await verb("ls", "s3://inbox", "--recursive").stdout == "")
    }

    @Test func itemsPutAreReadByWorkflowsAndShownPlain() async throws {
        let directory = URL(fileURLWithPath: data)
        _ = try await TestSupport.probe(
            "arn:aws:states:::aws-sdk:dynamodb:createTable",
            [
                "TableName": "Jobs", "KeySchema": [["AttributeName": "job_id", "KeyType": "HASH"]],
                "AttributeDefinitions": [["AttributeName": "job_id", "AttributeType": "S"]], "BillingMode": "PAY_PER_REQUEST",
            ], dataDirectory: directory)
        let put = await verb("put-item", "--table-name", "Jobs", "--item", #"{"job_id": {"S": "j1"}, "done": {"N": "3"}, "tags": {"SS": ["a"]}}"#)
        #expect(put.status == 0, "\(put.stderr)")
        #expect(put.stdout == "")
        let item = try file("item.json", Array(#"{"job_id": {"S": "j2"}, "ok": {"BOOL": true}, "note": {"NULL": true}}"#.utf8))
        #expect(await verb("put-item", "--table-name", "Jobs", "--item", "@\(item)", "--json").stdout == "{}\n")
        let read = try await TestSupport.probe(
            "arn:aws:states:::dynamodb:getItem", ["TableName": "Jobs", "Key": ["job_id": ["S": "j1"]]], dataDirectory: directory)
        #expect(read["Item"] == ["job_id": ["S": "j1"], "done": ["N": "3"], "tags": ["SS": ["a"]]])
        #expect(
            await verb("get-item", "--table-name", "Jobs", "--key", #"{"job_id": {"S": "j1"}}"#).stdout
                == "{\n  \"job_id\": \"j1\",\n  \"done\": 3,\n  \"tags\": [\n    \"a\"\n  ]\n}\n")
        let json = try JSON(parsing: await verb("get-item", "--table-name", "Jobs", "--key", #"{"job_id": {"S": "j2"}}"#, "--json").stdout)
        #expect(json == ["Item": ["job_id": ["S": "j2"], "ok": ["BOOL": true], "note": ["NULL": true]]])
        let missing = await verb("get-item", "--table-name", "Jobs", "--key", #"{"job_id": {"S": "j9"}}"#)
        #expect(missing.status == 1)
        #expect(missing.stderr == "stepwise data get-item: Jobs has no item with the key {\"job_id\":{\"S\":\"j9\"}}\n")
        #expect(await verb("get-item", "--table-name", "Jobs", "--key", #"{"job_id": {"S": "j9"}}"#, "--json").stdout == "{}\n")
        #expect(
            await verb("scan", "--table-name", "Jobs").stdout
                == "{\"job_id\":\"j1\",\"done\":3,\"tags\":[\"a\"]}\n{\"job_id\":\"j2\",\"ok\":true,\"note\":null}\n")
        let scan = try JSON(parsing: await verb("scan", "--table-name", "Jobs", "--json").stdout)
        #expect(scan["Count"] == 2)
        #expect(scan["ScannedCount"] == 2)
        #expect(scan["Items"]?[1]?["job_id"] == ["S": "j2"])
        let bad = await verb("put-item", "--table-name", "Jobs", "--item", #"{"other": {"S": "x"}}"#)
        #expect(bad.status == 1)
        #expect(
            bad.stderr
                == "stepwise data put-item: Jobs: DynamoDB.ValidationException: One or more parameter values were invalid: Missing the key job_id in the item\n"
        )
    }

    @Test func itemVerbsOnAMissingDataDirectoryCreateNothing() async throws {
        let result = await verb("scan", "--table-name", "Jobs")
        #expect(result.status == 1)
        #expect(
            result.stderr == "stepwise data scan: no data directory at \(data) (--data-dir; it is created when a workflow or a seed first uses it)\n")
        #expect(!FileManager.default.fileExists(atPath: data))
    }

    static let usageErrors: [([String], String)] = [
        (["frob"], "stepwise data: unknown verb 'frob'"),
        (["ls", "--table-name", "x"], "stepwise data: ls takes no --table-name"),
        (["--reset"], "stepwise data: --reset needs a verb (seed, ls, rm, …)"),
        (["put", "s3://b/k"], "stepwise data: put: wrong number of arguments"),
        (["get", "portal-data/k"], "stepwise data: get: 'portal-data/k' is not an S3 URI (s3://BUCKET/KEY)"),
        (["get", "s3://b/k", "--json"], "stepwise data: get: --json prints the object's metadata; give FILE for its content"),
        (["rm", "s3://bucket"], "stepwise data: rm: give the object's key, or --recursive to delete every object under a prefix"),
        (["scan"], "stepwise data: scan: --table-name TABLE is required"),
        (["put-item", "--table-name", "T", "--item", "{"], "stepwise data: put-item: --item is not JSON: "),
    ]

    @Test("usage errors exit 2 with the help", arguments: usageErrors)
    func usageError(arguments: [String], message: String) async {
        let result = await TestSupport.cli(["data"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: stepwise data [--data-dir PATH] [--json]"))
    }
}
