import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("stepwise data", .timeLimit(.minutes(3)))
struct DataCommandTests {
    /// A data directory with a bucket, an SQL database, a catalogue resource and a DynamoDB file.
    func populated(dynamoDB: String? = nil) throws -> DataDirectory {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        let store = S3Store(dataDirectory: directory)
        try store.createBucket("inbox")
        try store.putObject(bucket: "inbox", key: "in/a.csv", data: Data("a,b\n".utf8))
        let rds = RDSDataService(dataDirectory: directory)
        _ = try rds.call("executeStatement", input: ["Database": "app", "Sql": "CREATE TABLE users (id INTEGER); INSERT INTO users VALUES (1), (2)"])
        _ = try GlueService(catalog: ResourceCatalog(dataDirectory: directory)).call("createDatabase", input: ["DatabaseInput": ["Name": "sales"]])
        if let dynamoDB {
            let sql = try EmbeddedSQL(path: directory.url.appendingPathComponent("dynamodb.sqlite").path)
            try sql.execute(dynamoDB)
        }
        return directory
    }

    @Test func listsEverythingAsText() async throws {
        let directory = try populated()
        let result = await TestSupport.cli("data", "--data-dir", directory.url.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Data directory: \(directory.url.path)"))
        #expect(result.stdout.contains("  inbox  1 object(s), 4 bytes"))
        #expect(result.stdout.contains("    in/a.csv  4 bytes  "))
        #expect(result.stdout.contains("  no DynamoDB data (no dynamodb.sqlite)"))
        #expect(result.stdout.contains("  app  (rds/app.sqlite)\n    users  2 row(s)"))
        #expect(result.stdout.contains("  glue:database  sales"))
    }

    @Test func listsEverythingAsJSON() async throws {
        let directory = try populated(
            dynamoDB: """
                CREATE TABLE tables (name TEXT PRIMARY KEY, description TEXT);
                CREATE TABLE items (table_name TEXT, pk TEXT, item TEXT);
                INSERT INTO tables VALUES ('orders', '{}'), ('empty', '{}');
                INSERT INTO items VALUES ('orders', '1', '{}'), ('orders', '2', '{}');
                """)
        let result = await TestSupport.cli("data", "--data-dir", directory.url.path, "--json")
        #expect(result.status == 0)
        let json = try JSON(parsing: result.stdout)
        #expect(json["exists"] == true)
        #expect(json["s3"]?["buckets"]?[0]?["name"] == "inbox")
        #expect(json["s3"]?["buckets"]?[0]?["objects"]?[0]?["key"] == "in/a.csv")
        #expect(json["s3"]?["buckets"]?[0]?["objects"]?[0]?["size"] == 4)
        #expect(json["dynamodb"]?["tables"] == [["name": "empty", "itemCount": 0], ["name": "orders", "itemCount": 2]])
        #expect(json["sql"]?["databases"] == [["name": "app", "path": "rds/app.sqlite", "tables": [["name": "users", "rowCount": 2]]]])
        #expect(json["catalog"]?["resources"]?[0]?["type"] == "glue:database")
        #expect(json["catalog"]?["resources"]?[0]?["description"]?["Name"] == "sales")
    }

    @Test func anUnrecognisedDynamoDBLayoutIsSaidSo() async throws {
        let directory = try populated(dynamoDB: "CREATE TABLE something_else (x)")
        let result = await TestSupport.cli("data", "--data-dir", directory.url.path)
        #expect(result.stdout.contains("no DynamoDB data (dynamodb.sqlite has a layout this build does not recognise)"))
    }

    @Test func aMissingDataDirectoryIsNotAnError() async throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("none").path
        let result = await TestSupport.cli("data", "--data-dir", path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("No data directory at \(path)"))
        #expect(!FileManager.default.fileExists(atPath: path))
        let json = try JSON(parsing: await TestSupport.cli("data", "--data-dir", path, "--json").stdout)
        #expect(json["exists"] == false)
    }

    @Test func runUsesTheDataDirectory() async throws {
        let folder = try TestSupport.temporaryDirectory()
        let definition = folder.appendingPathComponent("make.asl.json")
        try Data(
            """
            {"StartAt": "Make", "States": {"Make": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:createBucket",
              "Parameters": {"Bucket": "made-by-run"}, "End": true}}}
            """.utf8
        ).write(to: definition)
        let data = folder.appendingPathComponent("data").path
        let result = await TestSupport.cli("run", definition.path, "--data-dir", data, "--virtual-time")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: data + "/s3/made-by-run"))
        let listed = await TestSupport.cli("data", "--data-dir", data)
        #expect(listed.stdout.contains("  made-by-run  0 object(s), 0 bytes"))
    }
}
