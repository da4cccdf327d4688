import Foundation
import JSON
import Stepwise
import StepwiseServices
import StepwiseTesting
import Testing

/// End-to-end runs of workflows/provisioning.asl.json on the local services (issue 9, "provisioning").
@Suite("Provisioning workflow", .timeLimit(.minutes(3)))
struct ProvisioningTests {
    static let names = (
        raw: "ecommerce-ai-platform-recommendations-raw", curated: "ecommerce-ai-platform-recommendations-curated",
        prod: "ecommerce-ai-platform-recommendations-prod", database: "ecommerce_ai_platform_recommendations_db",
        crawler: "ecommerce-ai-platform-recommendations-crawler", rule: "ecommerce-ai-platform-recommendations-raw-to-curated"
    )

    @Test("The definition is valid ASL")
    func validates() async {
        let result = await TestSupport.cli("validate", Provisioning.workflow.path)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("A registration without replication ends active with the infrastructure map, every resource configured")
    func provisionsWithoutReplication() async throws {
        let provisioning = try Provisioning()
        let registration = try Provisioning.fixture("registration.json")
        let run = try await provisioning.run(registration)
        #expect(run.result.status == .succeeded, "\(run.result.error ?? ""): \(run.result.cause ?? "")")
        #expect(run.result.output == (try Provisioning.fixture("expected/registration.output.json")))

        let record = try #require(try await provisioning.registry("recommendations"))
        #expect(record["status"] == "active")
        #expect(record["project"] == "ecommerce-ai-platform")
        #expect(record["infrastructure"] == run.result.output?["infrastructure"])
        for field in ["description", "data_sources", "endpoints", "lambda_config", "replication"] {
            #expect(record[field] == registration[field], "\(field)")
        }
        for field in ["created_at", "updated_at", "provisioned_at"] { #expect(record[field]?.stringValue != nil, "\(field)") }
        #expect(record["error_message"] == nil)

        #expect(provisioning.buckets == [Self.names.curated, Self.names.prod, Self.names.raw])
        let store = S3Store(dataDirectory: provisioning.dataDirectory)
        for bucket in provisioning.buckets {
            #expect(try store.bucketSetting(bucket, "versioning") == ["Status": "Enabled"])
            #expect(try store.bucketSetting(bucket, "encryption")?["Rules"]?[0]?["ApplyServerSideEncryptionByDefault"] == ["SSEAlgorithm": "AES256"])
            #expect(
                try store.bucketSetting(bucket, "publicAccessBlock") == [
                    "BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true,
                ])
        }
        #expect(
            try provisioning.catalog() == [
                "eventbridge:rule default/\(Self.names.rule)", "glue:crawler \(Self.names.crawler)", "glue:database \(Self.names.database)",
            ])
        let crawler = try #require(try provisioning.resource("glue:crawler", Self.names.crawler))
        #expect(crawler["Schedule"] == ["ScheduleExpression": "cron(0 */6 * * ? *)", "State": "SCHEDULED"])
        #expect(crawler["DatabaseName"] == .string(Self.names.database))
        #expect(crawler["Targets"] == ["S3Targets": [["Path": .string("s3://\(Self.names.raw)/")]]])
        #expect(crawler["Role"] == "arn:aws:iam::123456789012:role/ecommerce-ai-platform-glue-crawler")
        let rule = try #require(try provisioning.resource("eventbridge:rule", "default/\(Self.names.rule)"))
        #expect(rule["State"] == "ENABLED")
        #expect(
            try JSON(parsing: rule["EventPattern"]?.stringValue ?? "") == [
                "source": ["aws.s3"], "detail-type": ["Object Created"], "detail": ["bucket": ["name": [.string(Self.names.raw)]]],
            ])
        #expect(
            rule["Targets"] == [
                [
                    "Id": "raw-to-curated",
                    "Arn": "arn:aws:lambda:us-east-1:123456789012:function:ecommerce-ai-platform-recommendations-raw-to-curated",
                ]
            ])
    }

    @Test("With replication a DMS task joins the map; its endpoints and table mappings come from replication_config")
    func provisionsWithReplication() async throws {
        let provisioning = try Provisioning()
        let registration = try Provisioning.fixture("registration-replication.json")
        let run = try await provisioning.run(registration)
        #expect(run.result.status == .succeeded, "\(run.result.error ?? ""): \(run.result.cause ?? "")")
        let output = try #require(run.result.output)
        #expect(output.maskingGeneratedIDs == (try Provisioning.fixture("expected/registration-replication.output.json")))
        let arn = try #require(output["infrastructure"]?["dms_replication_task_arn"]?.stringValue)
        #expect(arn.wholeMatch(of: /arn:aws:dms:us-east-1:123456789012:task:[A-Z2-7]{26}/) != nil)

        let task = try #require(try provisioning.resource("dms:replication-task", "ecommerce-ai-platform-customer-churn-replication"))
        #expect(task["ReplicationTaskArn"] == .string(arn))
        #expect(task["MigrationType"] == "full-load-and-cdc")
        #expect(task["SourceEndpointArn"] == registration["replication_config"]?["source_endpoint_arn"])
        #expect(task["TargetEndpointArn"] == registration["replication_config"]?["target_endpoint_arn"])
        #expect(task["ReplicationInstanceArn"] == registration["replication_config"]?["replication_instance_arn"])
        #expect(try JSON(parsing: task["TableMappings"]?.stringValue ?? "") == registration["replication_config"]?["table_mappings"])
        let record = try #require(try await provisioning.registry("customer-churn"))
        #expect(record["status"] == "active")
        #expect(record["replication"] == true)
        #expect(record["infrastructure"] == output["infrastructure"])
    }

    @Test("A project of its own names every resource; replication without replication_config uses the naming convention")
    func customProject() async throws {
        let provisioning = try Provisioning()
        let run = try await provisioning.run(try Provisioning.registration("fraud-2", project: "acme-data", replication: true))
        #expect(run.result.status == .succeeded, "\(run.result.error ?? ""): \(run.result.cause ?? "")")
        let map = try #require(run.result.output?["infrastructure"])
        #expect(map["s3_buckets"] == ["raw": "acme-data-fraud-2-raw", "curated": "acme-data-fraud-2-curated", "prod": "acme-data-fraud-2-prod"])
        #expect(map["glue_database"] == "acme_data_fraud_2_db")
        #expect(map["glue_crawler"] == "acme-data-fraud-2-crawler")
        #expect(map["eventbridge_rule"] == "acme-data-fraud-2-raw-to-curated")
        #expect(map["dms_replication_task"] == "acme-data-fraud-2-replication")
        let task = try #require(try provisioning.resource("dms:replication-task", "acme-data-fraud-2-replication"))
        #expect(task["ReplicationInstanceArn"] == "arn:aws:dms:us-east-1:123456789012:rep:acme-data-replication")
        #expect(task["SourceEndpointArn"] == "arn:aws:dms:us-east-1:123456789012:endpoint:acme-data-fraud-2-source")
        #expect(try await provisioning.registry("fraud-2")?["project"] == "acme-data")
    }

    @Test(
        "An invalid system name fails with InvalidSystemName before anything is registered or created",
        arguments: [
            ("Customer_Churn", #"system_name "Customer_Churn" is not"#), ("ab", #"system_name "ab" is not"#),
            (String(repeating: "a", count: 41), "is not 3 to 40"), ("has space", #""has space""#), ("", #"system_name "" is not"#),
        ])
    func invalidName(name: String, cause: String) async throws {
        let provisioning = try Provisioning()
        let run = try await provisioning.run(try Provisioning.registration(name))
        #expect(run.result.status == .failed)
        #expect(run.result.error == "InvalidSystemName")
        #expect(run.result.cause?.contains(cause) == true, "\(run.result.cause ?? "")")
        #expect(!FileManager.default.fileExists(atPath: provisioning.dataDirectory.url.path))
    }

    @Test("A missing or non-string system_name and an invalid project are rejected too")
    func invalidFields() async throws {
        let provisioning = try Provisioning()
        let missing = try await provisioning.run(["description": "no name"])
        #expect(missing.result.error == "InvalidSystemName")
        #expect(missing.result.cause == "system_name null is not 3 to 40 lowercase letters, digits or hyphens")
        let number = try await provisioning.run(["system_name": 42])
        #expect(number.result.cause == "system_name 42 is not 3 to 40 lowercase letters, digits or hyphens")
        let project = try await provisioning.run(try Provisioning.registration("churn", project: "ACME"))
        #expect(project.result.error == "InvalidProjectName")
        #expect(project.result.cause == #"project "ACME" is not 3 to 40 lowercase letters, digits or hyphens"#)
        #expect(!FileManager.default.fileExists(atPath: provisioning.dataDirectory.url.path))
    }

    @Test("Registering a name twice fails with SystemAlreadyRegistered and leaves the first registration alone")
    func duplicate() async throws {
        let provisioning = try Provisioning()
        let registration = try Provisioning.fixture("registration.json")
        #expect(try await provisioning.run(registration, name: "first").result.status == .succeeded)
        let before = try #require(try await provisioning.registry("recommendations"))
        let second = try await provisioning.run(registration, name: "second")
        #expect(second.result.status == .failed)
        #expect(second.result.error == "SystemAlreadyRegistered")
        #expect(second.result.cause == "System recommendations is already registered (pending_provisioning or active) in SystemRegistry")
        #expect(try await provisioning.registry("recommendations") == before)
        #expect(provisioning.buckets.count == 3)
        #expect(try provisioning.catalog().count == 3)
        #expect(!second.trace.contains { $0.contains("Check bucket") || $0.contains("Roll back") })
    }

    @Test(
        "An injected failure (the mock config's test cases) deletes what was created in reverse order and marks the record provisioning_failed",
        arguments: ["CrawlerFails", "RuleFails", "TargetFails", "ReplicationFails"])
    func rollback(testCase: String) async throws {
        let expected = try Provisioning.fixture("expected/\(testCase).json")
        let registration = try Provisioning.fixture(try #require(expected["registration"]?.stringValue))
        let system = try #require(registration["system_name"]?.stringValue)
        let provisioning = try Provisioning()
        let run = try await provisioning.run(registration) { runtime in
            try? Provisioning.install(testCase: testCase, into: runtime)
        }
        #expect(try Provisioning.mockedHandlers(testCase: testCase).count == 1)
        #expect(run.result.status == .failed)
        #expect(run.result.error == expected["error"]?.stringValue)
        #expect(run.result.cause == expected["cause"]?.stringValue)
        #expect(Provisioning.deletions(run) == expected["deletions"]?.arrayValue?.compactMap(\.stringValue))

        let record = try #require(try await provisioning.registry(system))
        for field in ["status", "error_message", "rolled_back", "rollback_errors"] {
            #expect(record[field] == expected["registry"]?[field], "\(field)")
        }
        #expect(record["infrastructure"] == nil)
        #expect(provisioning.buckets == [])
        #expect(try provisioning.catalog() == [])
    }

    @Test("A crawler left by an earlier run: Glue.AlreadyExistsException, rollback of this run's resources only, the old crawler kept")
    func preexistingCrawler() async throws {
        let provisioning = try Provisioning()
        _ = try await provisioning.call(
            "arn:aws:states:::aws-sdk:glue:createCrawler",
            [
                "Name": .string(Self.names.crawler), "Role": "arn:aws:iam::123456789012:role/old", "Targets": ["S3Targets": []],
            ])
        let run = try await provisioning.run(try Provisioning.fixture("registration.json"))
        #expect(run.result.error == "ProvisioningFailed")
        #expect(run.result.cause == "Glue.AlreadyExistsException: \(Self.names.crawler) already exists")
        #expect(
            Provisioning.deletions(run) == [
                "Delete catalog database: \(Self.names.database)", "Delete bucket: \(Self.names.prod)", "Delete bucket: \(Self.names.curated)",
                "Delete bucket: \(Self.names.raw)",
            ])
        #expect(try provisioning.catalog() == ["glue:crawler \(Self.names.crawler)"])
        #expect(try provisioning.resource("glue:crawler", Self.names.crawler)?["Role"] == "arn:aws:iam::123456789012:role/old")
        #expect(provisioning.buckets == [])
        let record = try #require(try await provisioning.registry("recommendations"))
        #expect(record["status"] == "provisioning_failed")
        #expect(record["error_message"] == .string("Glue.AlreadyExistsException: \(Self.names.crawler) already exists"))

        // The cause removed, the same name may be registered again: a failed registration is no duplicate.
        _ = try await provisioning.call("arn:aws:states:::aws-sdk:glue:deleteCrawler", ["Name": .string(Self.names.crawler)])
        let retry = try await provisioning.run(try Provisioning.fixture("registration.json"), name: "retry")
        #expect(retry.result.status == .succeeded, "\(retry.result.error ?? ""): \(retry.result.cause ?? "")")
        let active = try #require(try await provisioning.registry("recommendations"))
        #expect(active["status"] == "active")
        #expect(active["error_message"] == nil && active["rolled_back"] == nil)
    }

    @Test("A catalog database left by an earlier run: only the buckets are rolled back")
    func preexistingDatabase() async throws {
        let provisioning = try Provisioning()
        _ = try await provisioning.call("arn:aws:states:::aws-sdk:glue:createDatabase", ["DatabaseInput": ["Name": .string(Self.names.database)]])
        let run = try await provisioning.run(try Provisioning.fixture("registration.json"))
        #expect(run.result.cause == "Glue.AlreadyExistsException: Database already exists.")
        #expect(
            Provisioning.deletions(run) == [
                "Delete bucket: \(Self.names.prod)", "Delete bucket: \(Self.names.curated)", "Delete bucket: \(Self.names.raw)",
            ])
        #expect(try provisioning.catalog() == ["glue:database \(Self.names.database)"])
        #expect(provisioning.buckets == [])
        #expect(try await provisioning.registry("recommendations")?["status"] == "provisioning_failed")
    }

    @Test("A bucket that exists already is neither configured nor deleted: S3.BucketAlreadyOwnedByYouException")
    func preexistingBucket() async throws {
        let provisioning = try Provisioning()
        _ = try await provisioning.call("arn:aws:states:::aws-sdk:s3:createBucket", ["Bucket": .string(Self.names.curated)])
        let run = try await provisioning.run(try Provisioning.fixture("registration.json"))
        #expect(run.result.cause == "S3.BucketAlreadyOwnedByYouException: Bucket \(Self.names.curated) already exists")
        #expect(Provisioning.deletions(run) == ["Delete bucket: \(Self.names.raw)"])
        #expect(provisioning.buckets == [Self.names.curated])
        #expect(try S3Store(dataDirectory: provisioning.dataDirectory).bucketSetting(Self.names.curated, "versioning") == nil)
    }

    @Test("A name valid for the registry but too long for S3: the curated bucket fails, the raw bucket is deleted")
    func bucketNameTooLong() async throws {
        let provisioning = try Provisioning()
        let run = try await provisioning.run(try Provisioning.fixture("registration-long-name.json"))
        #expect(run.result.error == "ProvisioningFailed")
        #expect(run.result.cause?.hasPrefix("S3.S3Exception: ") == true)
        #expect(Provisioning.deletions(run) == ["Delete bucket: ecommerce-ai-platform-customer-lifetime-value-forecasting-raw"])
        #expect(provisioning.buckets == [])
        let record = try #require(try await provisioning.registry("customer-lifetime-value-forecasting"))
        #expect(record["status"] == "provisioning_failed")
        #expect(record["rolled_back"] == ["s3:bucket/ecommerce-ai-platform-customer-lifetime-value-forecasting-raw"])
    }

    @Test("A deletion that fails during the rollback is recorded in rollback_errors and the rollback goes on")
    func rollbackErrors() async throws {
        let provisioning = try Provisioning()
        let run = try await provisioning.run(try Provisioning.fixture("registration.json")) { runtime in
            runtime.register("arn:aws:states:::aws-sdk:glue:createCrawler") { _, _ in throw StatesError("Glue.InternalServiceException", "boom") }
            runtime.register("arn:aws:states:::aws-sdk:s3:deleteBucket") { input, _ in
                if input["Bucket"]?.stringValue == Self.names.curated {
                    throw StatesError("S3.S3Exception", "The bucket you tried to delete is not empty")
                }
                return [:]
            }
        }
        #expect(run.result.cause == "Glue.InternalServiceException: boom")
        let record = try #require(try await provisioning.registry("recommendations"))
        #expect(
            record["rolled_back"] == [
                .string("glue:database/\(Self.names.database)"), .string("s3:bucket/\(Self.names.prod)"), .string("s3:bucket/\(Self.names.raw)"),
            ])
        #expect(
            record["rollback_errors"] == [
                [
                    "resource": .string("s3:bucket/\(Self.names.curated)"), "error": "S3.S3Exception: The bucket you tried to delete is not empty",
                ]
            ])
    }

    @Test("The registry record is pending_provisioning while resources are created")
    func pendingWhileProvisioning() async throws {
        let provisioning = try Provisioning()
        let seen = Seen()
        let run = try await provisioning.run(try Provisioning.fixture("registration.json")) { runtime in
            runtime.register("arn:aws:states:::aws-sdk:glue:createDatabase") { [provisioning] _, _ in
                await seen.set(try await provisioning.registry("recommendations"))
                return [:]
            }
        }
        #expect(run.result.status == .succeeded)
        let record = try #require(await seen.value)
        #expect(record["status"] == "pending_provisioning")
        #expect(record["infrastructure"] == nil)
    }

    @Test("stepwise run from the command line prints the expected outputs and errors")
    func commandLine() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let data = directory.appendingPathComponent("data").path
        let root = TestSupport.packageRoot.path
        let success = await TestSupport.cli(
            "run", "\(root)/workflows/provisioning.asl.json", "--input", "@\(root)/Fixtures/provisioning/registration.json",
            "--data-dir", data, "--virtual-time")
        #expect(success.status == 0, "\(success.stderr)")
        #expect(try JSON(parsing: success.stdout) == (try Provisioning.fixture("expected/registration.output.json")))
        let again = await TestSupport.cli(
            "run", "\(root)/workflows/provisioning.asl.json", "--input", "@\(root)/Fixtures/provisioning/registration.json",
            "--data-dir", data, "--virtual-time")
        #expect(again.status == 1)
        #expect(again.stderr.contains("FAILED: SystemAlreadyRegistered: System recommendations is already registered"))
        let invalid = await TestSupport.cli(
            "run", "\(root)/workflows/provisioning.asl.json", "--input", "@\(root)/Fixtures/provisioning/registration-invalid-name.json",
            "--data-dir", data, "--virtual-time")
        #expect(invalid.status == 1)
        #expect(
            invalid.stderr.contains(
                #"FAILED: InvalidSystemName: system_name "Customer_Churn" is not 3 to 40 lowercase letters, digits or hyphens"#))
    }
}

/// What a handler saw, for the test to read afterwards.
actor Seen {
    var value: JSON?
    func set(_ value: JSON?) { self.value = value }
}
