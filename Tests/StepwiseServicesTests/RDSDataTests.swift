import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

/// A fresh data directory with the RDS Data API on it.
struct RDSFixture {
    let directory: DataDirectory
    let service: RDSDataService

    init() throws {
        directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        service = RDSDataService(dataDirectory: directory)
    }

    /// ExecuteStatement on database `app` with `Sql` and `extra` members.
    @discardableResult
    func execute(_ sql: String, _ extra: JSONObject = [:]) throws -> JSON {
        var input: JSONObject = [
            "ResourceArn": "arn:aws:rds:us-east-1:123456789012:cluster:c", "SecretArn": "arn:s", "Database": "app", "Sql": .string(sql),
        ]
        for (key, value) in extra { input[key] = value }
        return try service.call("executeStatement", input: .object(input))
    }

    func errorName(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as StatesError {
            return error.name
        } catch {
            return "\(error)"
        }
    }
}

@Suite("RDS Data API", .timeLimit(.minutes(3)))
struct RDSDataTests {
    @Test func typedParametersAndRecords() throws {
        let rds = try RDSFixture()
        try rds.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, active BOOLEAN, data BLOB, note TEXT)")
        let insert = try rds.execute(
            "INSERT INTO t (name, score, active, data, note) VALUES (:name, :score, :active, :data, :note)",
            [
                "Parameters": [
                    ["Name": "name", "Value": ["StringValue": "Ada"]], ["Name": "score", "Value": ["DoubleValue": 9.5]],
                    ["Name": "active", "Value": ["BooleanValue": true]], ["Name": "data", "Value": ["BlobValue": "AAEC"]],
                    ["Name": "note", "Value": ["IsNull": true]],
                ]
            ])
        #expect(insert["NumberOfRecordsUpdated"] == 1)
        #expect(insert["GeneratedFields"] == [["LongValue": 1]])
        #expect(insert["Records"] == nil)
        let select = try rds.execute(
            "SELECT id, name, score, active, data, note FROM t WHERE id = :id", ["Parameters": [["Name": "id", "Value": ["LongValue": 1]]]])
        #expect(
            select["Records"] == [
                [["LongValue": 1], ["StringValue": "Ada"], ["DoubleValue": 9.5], ["BooleanValue": true], ["BlobValue": "AAEC"], ["IsNull": true]]
            ])
        #expect(select["NumberOfRecordsUpdated"] == 0)
        #expect(select["ColumnMetadata"] == nil)
        #expect(FileManager.default.fileExists(atPath: rds.directory.url.appendingPathComponent("rds/app.sqlite").path))
    }

    /// Step Functions hands the SDK the PascalCase members; the Data API's own camelCase JSON (`name`, `value`,
    /// `stringValue`) is not a member there, so such a parameter has no Name (or no value) and the call fails.
    @Test("camelCase parameters are refused as AWS refuses them, with a message that says why")
    func camelCaseParametersAreRefused() throws {
        let rds = try RDSFixture()
        try rds.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
        let insert = "INSERT INTO t (name) VALUES (:name)"
        for parameter: JSON in [["name": "name", "value": ["stringValue": "Ada"]], ["Name": "name", "Value": ["stringValue": "Ada"]]] {
            do {
                try rds.execute(insert, ["Parameters": [parameter]])
                Issue.record("\(parameter) was accepted")
            } catch let error as StatesError {
                #expect(error.name == "RdsData.BadRequestException")
                #expect(error.cause.contains("PascalCase (Name, Value, StringValue"))
            }
        }
        #expect(
            rds.errorName { try rds.service.call("executeStatement", input: ["Database": "app", "sql": "SELECT 1"]) } == "RdsData.BadRequestException"
        )
        #expect(try rds.execute("SELECT COUNT(*) AS n FROM t", ["FormatRecordsAs": "JSON"])["FormattedRecords"] == #"[{"n":0}]"#)
    }

    @Test func formattedRecordsAndColumnMetadata() throws {
        let rds = try RDSFixture()
        try rds.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(40), ok BOOL)")
        try rds.execute("INSERT INTO people (name, ok) VALUES ('a', 1), ('b', 0)")
        let result = try rds.execute(
            "SELECT id, name, ok, NULL AS blank FROM people ORDER BY id", ["FormatRecordsAs": "JSON", "IncludeResultMetadata": true])
        #expect(result["Records"] == nil)
        let formatted = try JSON(parsing: try #require(result["FormattedRecords"]?.stringValue))
        #expect(formatted == [["id": 1, "name": "a", "ok": true, "blank": nil], ["id": 2, "name": "b", "ok": false, "blank": nil]])
        let metadata = try #require(result["ColumnMetadata"]?.arrayValue)
        #expect(metadata.map { $0["Name"] } == ["id", "name", "ok", "blank"])
        #expect(metadata[1]["TypeName"] == "VARCHAR")
        #expect(metadata[1]["Type"] == 12)
        #expect(metadata[1]["TableName"] == "people")
        #expect(metadata[0]["Type"] == 4)
    }

    @Test func updatesCountRecords() throws {
        let rds = try RDSFixture()
        try rds.execute("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2), (3)")
        let update = try rds.execute("UPDATE t SET v = v + 10 WHERE v > :min", ["Parameters": [["Name": "min", "Value": ["LongValue": 1]]]])
        #expect(update["NumberOfRecordsUpdated"] == 2)
        #expect(update["GeneratedFields"] == [])
    }

    @Test func batchExecuteStatement() throws {
        let rds = try RDSFixture()
        try rds.execute("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)")
        let batch = try rds.service.call(
            "batchExecuteStatement",
            input: [
                "Database": "app", "Sql": "INSERT INTO t (v) VALUES (:v)",
                "ParameterSets": [[["Name": "v", "Value": ["StringValue": "x"]]], [["Name": "v", "Value": ["StringValue": "y"]]]],
            ])
        #expect(batch == ["UpdateResults": [["GeneratedFields": [["LongValue": 1]]], ["GeneratedFields": [["LongValue": 2]]]]])
        #expect(try rds.execute("SELECT count(*) FROM t")["Records"] == [[["LongValue": 2]]])
    }

    @Test func aFailingBatchChangesNothing() throws {
        let rds = try RDSFixture()
        try rds.execute("CREATE TABLE t (v TEXT NOT NULL)")
        let input: JSON = [
            "Database": "app", "Sql": "INSERT INTO t (v) VALUES (:v)",
            "ParameterSets": [[["Name": "v", "Value": ["StringValue": "x"]]], [["Name": "v", "Value": ["IsNull": true]]]],
        ]
        #expect(rds.errorName { try rds.service.call("batchExecuteStatement", input: input) } == "RdsData.BadRequestException")
        #expect(try rds.execute("SELECT count(*) FROM t")["Records"] == [[["LongValue": 0]]])
    }

    @Test func transactionsCommitAndRollBack() throws {
        let rds = try RDSFixture()
        try rds.execute("CREATE TABLE t (v INTEGER)")
        let begin = try rds.service.call("beginTransaction", input: ["Database": "app", "ResourceArn": "r", "SecretArn": "s"])
        let id = try #require(begin["TransactionId"])
        try rds.execute("INSERT INTO t VALUES (1)", ["TransactionId": id])
        #expect(try rds.execute("SELECT count(*) FROM t")["Records"] == [[["LongValue": 0]]])  // not visible outside yet
        #expect(try rds.service.call("commitTransaction", input: ["TransactionId": id]) == ["TransactionStatus": "Transaction Committed"])
        #expect(try rds.execute("SELECT count(*) FROM t")["Records"] == [[["LongValue": 1]]])

        let second = try #require(try rds.service.call("beginTransaction", input: ["Database": "app"])["TransactionId"])
        try rds.execute("DELETE FROM t", ["TransactionId": second])
        #expect(try rds.service.call("rollbackTransaction", input: ["TransactionId": second]) == ["TransactionStatus": "Rollback Complete"])
        #expect(try rds.execute("SELECT count(*) FROM t")["Records"] == [[["LongValue": 1]]])
        #expect(rds.errorName { try rds.service.call("commitTransaction", input: ["TransactionId": second]) } == "RdsData.NotFoundException")
        #expect(rds.errorName { try rds.execute("SELECT 1", ["TransactionId": second]) } == "RdsData.BadRequestException")
    }

    @Test func sqlErrorsAreBadRequests() throws {
        let rds = try RDSFixture()
        do {
            try rds.execute("SELECT * FROM missing")
            Issue.record("expected an error")
        } catch let error as StatesError {
            #expect(error.name == "RdsData.BadRequestException")
            #expect(error.cause.contains("no such table: missing"))
        }
        #expect(rds.errorName { try rds.execute("SELEC 1") } == "RdsData.BadRequestException")
        #expect(rds.errorName { try rds.execute("SELECT :x") } == "RdsData.BadRequestException")
        #expect(rds.errorName { try rds.execute("SELECT 1", ["Database": "../escape"]) } == "RdsData.BadRequestException")
        #expect(rds.errorName { try rds.service.call("executeStatement", input: ["Database": "app"]) } == "RdsData.BadRequestException")
    }

    @Test func mySQLFlavouredDDL() throws {
        let rds = try RDSFixture()
        try rds.execute(
            """
            CREATE TABLE IF NOT EXISTS `orders` (
              `id` INT(11) UNSIGNED NOT NULL AUTO_INCREMENT,
              `customer` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
              `status` ENUM('new','paid') NOT NULL DEFAULT 'new',
              `updated` TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
              PRIMARY KEY (`id`),
              UNIQUE KEY `uniq_customer` (`customer`),
              KEY `idx_status` (`status`)
            ) ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4;
            """)
        let insert = try rds.execute("INSERT INTO `orders` (customer) VALUES ('ada')")
        #expect(insert["GeneratedFields"] == [["LongValue": 1]])
        try rds.execute("INSERT IGNORE INTO orders (customer) VALUES ('ada')")
        #expect(try rds.execute("SELECT id, status FROM orders")["Records"] == [[["LongValue": 1], ["StringValue": "new"]]])
        let indexes = try rds.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL")
        #expect(indexes["Records"] == [[["StringValue": "idx_status"]]])
        let functions = try rds.execute("SELECT NOW(), UUID()")["Records"]?[0]
        #expect(functions?[0]?["StringValue"]?.stringValue?.count == 19)
        #expect(functions?[1]?["StringValue"]?.stringValue?.count == 36)
    }

    @Test("Inline INDEX clauses become indexes; running the CREATE TABLE IF NOT EXISTS again is fine")
    func inlineIndexes() throws {
        let rds = try RDSFixture()
        let create =
            "CREATE TABLE IF NOT EXISTS subscribers (uid VARCHAR(64) NOT NULL PRIMARY KEY, status VARCHAR(16), plan_id VARCHAR(64), "
            + "INDEX idx_subscribers_status (status), INDEX `idx_subscribers_plan_id` (`plan_id`))"
        try rds.execute(create)
        try rds.execute(create)
        let indexes = try rds.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        #expect(indexes["Records"] == [[["StringValue": "idx_subscribers_plan_id"]], [["StringValue": "idx_subscribers_status"]]])
    }
}
