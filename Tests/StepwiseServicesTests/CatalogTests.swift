import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

/// The name of the error `body` throws, or nil.
func thrownName(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as StatesError {
        return error.name
    } catch {
        return "\(error)"
    }
}

/// A fresh data directory's catalogue.
func makeCatalog() throws -> (DataDirectory, ResourceCatalog) {
    let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
    return (directory, ResourceCatalog(dataDirectory: directory))
}

@Suite("Catalogue: Glue", .timeLimit(.minutes(3)))
struct CatalogGlueTests {
    @Test func databaseLifecycle() throws {
        let (directory, catalog) = try makeCatalog()
        let glue = GlueService(catalog: catalog)
        #expect(try glue.call("createDatabase", input: ["DatabaseInput": ["Name": "Sales", "Description": "d"]]) == [:])
        let database = try #require(try glue.call("getDatabase", input: ["Name": "sales"])["Database"])
        #expect(database["Name"] == "sales")
        #expect(database["Description"] == "d")
        #expect(database["CatalogId"] == "123456789012")
        #expect(database["CreateTime"]?.stringValue != nil)
        #expect(thrownName { try glue.call("createDatabase", input: ["DatabaseInput": ["Name": "sales"]]) } == "Glue.AlreadyExistsException")
        #expect(try glue.call("deleteDatabase", input: ["Name": "sales"]) == [:])
        #expect(thrownName { try glue.call("getDatabase", input: ["Name": "sales"]) } == "Glue.EntityNotFoundException")
        #expect(thrownName { try glue.call("deleteDatabase", input: ["Name": "sales"]) } == "Glue.EntityNotFoundException")
        #expect(thrownName { try glue.call("createDatabase", input: [:]) } == "Glue.InvalidInputException")
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("catalog.sqlite").path))
    }

    @Test func crawlerLifecycle() throws {
        let (_, catalog) = try makeCatalog()
        let glue = GlueService(catalog: catalog)
        let input: JSON = ["Name": "c1", "Role": "arn:aws:iam::1:role/r", "DatabaseName": "sales", "Targets": ["S3Targets": [["Path": "s3://b/p"]]]]
        #expect(try glue.call("createCrawler", input: input) == [:])
        #expect(thrownName { try glue.call("createCrawler", input: input) } == "Glue.AlreadyExistsException")
        let crawler = try #require(try glue.call("getCrawler", input: ["Name": "c1"])["Crawler"])
        #expect(crawler["State"] == "READY")
        #expect(crawler["Targets"] == ["S3Targets": [["Path": "s3://b/p"]]])
        #expect(crawler["Version"] == 1)
        #expect(crawler["LastCrawl"] == nil)
        #expect(try glue.call("startCrawler", input: ["Name": "c1"]) == [:])
        #expect(try glue.call("getCrawler", input: ["Name": "c1"])["Crawler"]?["LastCrawl"]?["Status"] == "SUCCEEDED")
        #expect(try glue.call("deleteCrawler", input: ["Name": "c1"]) == [:])
        for action in ["getCrawler", "startCrawler", "deleteCrawler"] {
            #expect(thrownName { try glue.call(action, input: ["Name": "c1"]) } == "Glue.EntityNotFoundException")
        }
        #expect(thrownName { try glue.call("createCrawler", input: ["Name": "c2"]) } == "Glue.InvalidInputException")
    }
}

@Suite("Catalogue: EventBridge", .timeLimit(.minutes(3)))
struct CatalogEventBridgeTests {
    @Test func ruleLifecycle() throws {
        let (directory, catalog) = try makeCatalog()
        let events = EventBridgeService(catalog: catalog, outbox: Outbox(dataDirectory: directory))
        let put = try events.call(
            "putRule", input: ["Name": "nightly", "ScheduleExpression": "rate(1 day)"], region: "eu-west-1", account: "111122223333")
        #expect(put == ["RuleArn": "arn:aws:events:eu-west-1:111122223333:rule/nightly"])
        let rule = try events.call("describeRule", input: ["Name": "nightly"])
        #expect(rule["State"] == "ENABLED")
        #expect(rule["EventBusName"] == "default")
        #expect(rule["ScheduleExpression"] == "rate(1 day)")
        #expect(rule["Arn"] == put["RuleArn"])
        #expect(rule["Targets"] == nil)
        let targets: JSON = ["Rule": "nightly", "Targets": [["Id": "t1", "Arn": "arn:aws:lambda:us-east-1:1:function:f"]]]
        #expect(try events.call("putTargets", input: targets) == ["FailedEntryCount": 0, "FailedEntries": []])
        #expect(thrownName { try events.call("deleteRule", input: ["Name": "nightly"]) } == "EventBridge.ValidationException")
        #expect(try events.call("removeTargets", input: ["Rule": "nightly", "Ids": ["t1"]]) == ["FailedEntryCount": 0, "FailedEntries": []])
        #expect(try events.call("deleteRule", input: ["Name": "nightly"]) == [:])
        #expect(thrownName { try events.call("describeRule", input: ["Name": "nightly"]) } == "EventBridge.ResourceNotFoundException")
        #expect(thrownName { try events.call("putTargets", input: targets) } == "EventBridge.ResourceNotFoundException")
        #expect(
            thrownName { try events.call("removeTargets", input: ["Rule": "nightly", "Ids": ["t1"]]) } == "EventBridge.ResourceNotFoundException")
    }

    @Test func putRuleValidation() throws {
        let (directory, catalog) = try makeCatalog()
        let events = EventBridgeService(catalog: catalog, outbox: Outbox(dataDirectory: directory))
        #expect(thrownName { try events.call("putRule", input: ["Name": "r"]) } == "EventBridge.ValidationException")
        #expect(
            thrownName { try events.call("putRule", input: ["Name": "r", "EventPattern": "not json"]) } == "EventBridge.InvalidEventPatternException")
        let arn = try events.call("putRule", input: ["Name": "r", "EventPattern": "{\"source\":[\"a\"]}", "EventBusName": "orders"])["RuleArn"]
        #expect(arn == "arn:aws:events:us-east-1:123456789012:rule/orders/r")
        #expect(thrownName { try events.call("describeRule", input: ["Name": "r"]) } == "EventBridge.ResourceNotFoundException")
        #expect(try events.call("describeRule", input: ["Name": "r", "EventBusName": "orders"])["EventPattern"] == "{\"source\":[\"a\"]}")
    }
}

@Suite("Catalogue: DMS", .timeLimit(.minutes(3)))
struct CatalogDMSTests {
    let request: JSON = [
        "ReplicationTaskIdentifier": "Nightly-Copy", "SourceEndpointArn": "arn:src", "TargetEndpointArn": "arn:dst",
        "ReplicationInstanceArn": "arn:ri", "MigrationType": "full-load", "TableMappings": "{\"rules\":[]}",
    ]

    @Test func replicationTaskLifecycle() throws {
        let (_, catalog) = try makeCatalog()
        let dms = DMSService(catalog: catalog)
        let task = try #require(try dms.call("createReplicationTask", input: request)["ReplicationTask"])
        #expect(task["ReplicationTaskIdentifier"] == "nightly-copy")
        #expect(task["Status"] == "ready")
        let arn = try #require(task["ReplicationTaskArn"]?.stringValue)
        #expect(arn.hasPrefix("arn:aws:dms:us-east-1:123456789012:task:"))
        #expect(thrownName { try dms.call("createReplicationTask", input: request) } == "DatabaseMigration.ResourceAlreadyExistsException")
        let described = try dms.call("describeReplicationTasks", input: ["Filters": [["Name": "replication-task-arn", "Values": [.string(arn)]]]])
        #expect(described["ReplicationTasks"]?.arrayValue?.count == 1)
        #expect(described["ReplicationTasks"]?[0]?["TableMappings"] == "{\"rules\":[]}")
        let bare = try dms.call("describeReplicationTasks", input: ["WithoutSettings": true])
        #expect(bare["ReplicationTasks"]?[0]?["TableMappings"] == nil)
        let deleted = try dms.call("deleteReplicationTask", input: ["ReplicationTaskArn": .string(arn)])
        #expect(deleted["ReplicationTask"]?["Status"] == "deleting")
        #expect(
            thrownName { try dms.call("deleteReplicationTask", input: ["ReplicationTaskArn": .string(arn)]) }
                == "DatabaseMigration.ResourceNotFoundException")
        #expect(thrownName { try dms.call("describeReplicationTasks", input: [:]) } == "DatabaseMigration.ResourceNotFoundException")
    }

    @Test func identifiersFollowAWSRules() throws {
        let (_, catalog) = try makeCatalog()
        let dms = DMSService(catalog: catalog)
        for bad in ["1task", "task-", "ta--sk", "ta_sk"] {
            guard case .object(var input) = request else { return }
            input["ReplicationTaskIdentifier"] = .string(bad)
            #expect(thrownName { try dms.call("createReplicationTask", input: .object(input)) } == "DatabaseMigration.InvalidParameterValueException")
        }
        #expect(
            thrownName { try dms.call("createReplicationTask", input: ["ReplicationTaskIdentifier": "ok"]) }
                == "DatabaseMigration.InvalidParameterValueException")
    }

    @Test func catalogueListsByTypeAndName() throws {
        let (_, catalog) = try makeCatalog()
        _ = try GlueService(catalog: catalog).call("createDatabase", input: ["DatabaseInput": ["Name": "db"]])
        _ = try DMSService(catalog: catalog).call("createReplicationTask", input: request)
        #expect(try catalog.list().map { "\($0.type) \($0.name)" } == ["dms:replication-task nightly-copy", "glue:database db"])
        #expect(try catalog.list(type: "glue:database").count == 1)
    }
}
