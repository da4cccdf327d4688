import Digests
import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

/// A project folder with fixture files and a seed file, and a data directory beside it.
struct SeedProject {
    let root: URL
    let data: DataDirectory

    init() throws {
        root = try TestSupport.temporaryDirectory()
        data = DataDirectory(path: root.appendingPathComponent("data").path)
        try write("fixtures/a.csv", "uid\nu1\n")
        try write("fixtures/b.csv", "uid\nu2\n")
        try write("fixtures/notes.txt", "not seeded")
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes `seed` as `seed.json` and answers its path.
    @discardableResult
    func seedFile(_ seed: JSON, name: String = "seed.json") throws -> String {
        try write(name, seed.serialized(.pretty))
        return root.appendingPathComponent(name).path
    }

    func apply(_ mode: Seeder.Mode = .missing, file: String = "seed.json") async throws -> [String] {
        let seed = try #require(try Seed.load(root.appendingPathComponent(file).path))
        return try await Seeder(directory: data).apply(seed, mode: mode).outcomes.map { "\($0.outcome) \($0.id)" }
    }

    func object(_ bucket: String, _ key: String) throws -> String {
        String(decoding: try S3Store(dataDirectory: data).getObject(bucket: bucket, key: key), as: UTF8.self)
    }

    static let everything: JSON = [
        "s3": [
            ["bucket": "inbox", "prefix": "imports", "files": "fixtures/*.csv"],
            ["bucket": "inbox", "key": "config/settings.json", "json": ["retries": 3]],
            ["bucket": "empty-bucket"],
        ],
        "dynamodb": [
            [
                "createTable": [
                    "TableName": "Plans", "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
                    "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]], "BillingMode": "PAY_PER_REQUEST",
                ],
                "items": [["id": ["S": "basic"], "price": ["N": "5"]], ["id": ["S": "pro"], "price": ["N": "12.50"]]],
            ]
        ],
        "sql": [
            [
                "database": "legacy", "table": "regions", "create": "CREATE TABLE regions (code VARCHAR(8) PRIMARY KEY, name TEXT, active BOOLEAN)",
                "rows": [["code": "eu", "name": "Europe", "active": true], ["code": "us", "name": "Americas", "active": false]],
            ]
        ],
        "secrets": [["name": "db-credentials", "value": ["username": "app", "password": "local"]]],
    ]
}

@Suite("Seeding a data directory", .timeLimit(.minutes(3)))
struct SeedTests {
    @Test func everyKindOfUnitIsAppliedOnceAndRecorded() async throws {
        let project = try SeedProject()
        try project.seedFile(SeedProject.everything)
        #expect(
            try await project.apply() == [
                "created s3://inbox/imports/a.csv", "created s3://inbox/imports/b.csv", "created s3://inbox/config/settings.json",
                "created s3://empty-bucket", "created dynamodb:Plans", "created sql:legacy/regions", "created secret:db-credentials",
            ])
        #expect(try project.object("inbox", "imports/a.csv") == "uid\nu1\n")
        #expect(try project.object("inbox", "config/settings.json") == #"{"retries":3}"#)
        #expect(S3Store(dataDirectory: project.data).bucketExists("empty-bucket"))
        let manifest = try SeedManifest.read(project.data)
        #expect(manifest.seedFile == project.root.appendingPathComponent("seed.json").path)
        #expect(manifest.units["s3://inbox/imports/a.csv"]?.seeded == "\"\(Digest.hexDigest(of: Array("uid\nu1\n".utf8), .md5))\"")
        #expect(manifest.units["dynamodb:Plans"]?.seeded == nil)
        #expect(try await project.apply().allSatisfy { $0.hasPrefix("unchanged ") })
    }

    @Test func theWorkflowsReadWhatWasSeeded() async throws {
        let project = try SeedProject()
        try project.seedFile(SeedProject.everything)
        _ = try await project.apply()
        let data = project.data.url
        let item = try await TestSupport.probe(
            "arn:aws:states:::dynamodb:getItem", ["TableName": "Plans", "Key": ["id": ["S": "pro"]]], dataDirectory: data)
        #expect(item == ["Item": ["id": ["S": "pro"], "price": ["N": "12.5"]]])  // DynamoDB keeps numbers normalized
        let rows = try await TestSupport.probe(
            "arn:aws:states:::aws-sdk:rdsdata:executeStatement",
            ["Database": "legacy", "Sql": "SELECT code, name, active FROM regions ORDER BY code", "FormatRecordsAs": "JSON"], dataDirectory: data)
        #expect(rows["FormattedRecords"] == #"[{"code":"eu","name":"Europe","active":true},{"code":"us","name":"Americas","active":false}]"#)
        let secret = try await TestSupport.probe(
            "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue",
            ["SecretId": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-credentials"],
            dataDirectory: data)
        #expect(secret["Name"] == "db-credentials")
        #expect(secret["SecretString"] == #"{"username":"app","password":"local"}"#)
        #expect(secret["VersionStages"] == ["AWSCURRENT"])
        let object = try await TestSupport.probe(
            "arn:aws:states:::aws-sdk:s3:getObject", ["Bucket": "inbox", "Key": "imports/b.csv"], dataDirectory: data)
        #expect(object["Body"] == "uid\nu2\n")
    }

    @Test func whatAUserChangedIsNeverOverwrittenAndWhatTheyLeftIsUpdated() async throws {
        let project = try SeedProject()
        try project.seedFile(["s3": [["bucket": "inbox", "prefix": "imports/", "files": "fixtures/*.csv"]]])
        _ = try await project.apply()
        try S3Store(dataDirectory: project.data).putObject(bucket: "inbox", key: "imports/a.csv", data: Data("mine".utf8))
        try project.write("fixtures/a.csv", "uid\nu1-new\n")
        try project.write("fixtures/b.csv", "uid\nu2-new\n")
        #expect(
            try await project.apply() == [
                "kept(\"changed since it was seeded: left as it is (`stepwise data seed --reset` starts afresh)\") s3://inbox/imports/a.csv",
                "updated s3://inbox/imports/b.csv",
            ])
        #expect(try project.object("inbox", "imports/a.csv") == "mine")
        #expect(try project.object("inbox", "imports/b.csv") == "uid\nu2-new\n")
        #expect(try await project.apply() == ["unchanged s3://inbox/imports/a.csv", "unchanged s3://inbox/imports/b.csv"])
    }

    @Test func somethingAlreadyThereIsKeptAndAChangedTableIsNotReplaced() async throws {
        let project = try SeedProject()
        let store = S3Store(dataDirectory: project.data)
        try store.createBucket("inbox")
        try store.putObject(bucket: "inbox", key: "imports/a.csv", data: Data("theirs".utf8))
        var seed = SeedProject.everything
        try project.seedFile(seed)
        let outcomes = try await project.apply()
        #expect(outcomes[0] == "kept(\"already in the data directory, not seeded: left as it is\") s3://inbox/imports/a.csv")
        #expect(try project.object("inbox", "imports/a.csv") == "theirs")
        seed = try JSON(parsing: seed.serialized().replacingOccurrences(of: "12.50", with: "13"))
        try project.seedFile(seed)
        #expect(
            try await project.apply().filter { !$0.hasPrefix("unchanged") } == [
                "kept(\"its seed changed, but a table is not replaced (`stepwise data seed --reset` starts afresh)\") dynamodb:Plans"
            ])
    }

    @Test func aDeletedUnitStaysDeletedUntilSeededOnDemand() async throws {
        let project = try SeedProject()
        try project.seedFile(["s3": [["bucket": "inbox", "key": "a.csv", "file": "fixtures/a.csv"]], "secrets": [["name": "s", "value": "v"]]])
        _ = try await project.apply()
        try S3Store(dataDirectory: project.data).deleteObject(bucket: "inbox", key: "a.csv")
        _ = try SecretsManagerService(catalog: ResourceCatalog(dataDirectory: project.data)).call("deleteSecret", input: ["SecretId": "s"])
        #expect(try await project.apply(.missing) == ["unchanged s3://inbox/a.csv", "unchanged secret:s"])
        #expect(throws: StatesError.self) { try S3Store(dataDirectory: project.data).headObject(bucket: "inbox", key: "a.csv") }
        #expect(try await project.apply(.onDemand) == ["created s3://inbox/a.csv", "created secret:s"])
        #expect(try project.object("inbox", "a.csv") == "uid\nu1\n")
    }

    @Test func aSettingsFileNamesItsSeedOrDeclaresItInline() throws {
        let project = try SeedProject()
        try project.seedFile(["s3": [["bucket": "inbox"]]], name: "seeds/local.json")
        try project.seedFile(["seed": "seeds/local.json", "workflows": [:]], name: "stepwise.json")
        #expect(try Seed.load(project.root.appendingPathComponent("stepwise.json").path)?.units.map(\.id) == ["s3://inbox"])
        try project.seedFile(["seed": ["secrets": [["name": "x", "value": "y"]]]], name: "inline.json")
        #expect(try Seed.load(project.root.appendingPathComponent("inline.json").path)?.units.map(\.id) == ["secret:x"])
        try project.seedFile(["workflows": [:]], name: "none.json")
        #expect(try Seed.load(project.root.appendingPathComponent("none.json").path) == nil)
    }

    static let badSeeds: [(String, String)] = [
        ("[1]", "seed.json: must be a JSON object"),
        ("{\"s3\": [", "seed.json: not JSON: "),
        (#"{"s4": []}"#, "seed.json: unknown member 's4' (known: s3, dynamodb, sql, secrets, codebuild, ecs, kms)"),
        (#"{"s3": {}}"#, "seed.json: s3: must be an array"),
        (#"{"s3": [{"bucket": "Bad_Bucket"}]}"#, "seed.json: s3[0].bucket: 'Bad_Bucket' is not a valid bucket name"),
        (#"{"s3": [{"bucket": "inbox", "files": "fixtures/*.json"}]}"#, "seed.json: s3[0].files: 'fixtures/*.json' matches no file"),
        (
            #"{"s3": [{"bucket": "inbox", "key": "k", "text": "a", "file": "b"}]}"#,
            "seed.json: s3[0]: give the object's content as exactly one of file, text, json"
        ),
        (#"{"s3": [{"bucket": "inbox", "key": "k", "file": "missing.csv"}]}"#, "seed.json: s3[0].file: cannot read "),
        (
            #"{"s3": [{"bucket": "inbox", "key": "imports/a.csv", "text": "x"}, {"bucket": "inbox", "prefix": "imports", "files": "fixtures/a.csv"}]}"#,
            "seed.json: s3[1]: s3://inbox/imports/a.csv is already declared by seed.json: s3[0]"
        ),
        (#"{"dynamodb": [{"items": []}]}"#, "seed.json: dynamodb[0].createTable: must be a CreateTable request"),
        (#"{"dynamodb": [{"createTable": {"TableName": "T"}, "items": [1]}]}"#, "seed.json: dynamodb[0].items[0]: must be an item in DynamoDB JSON"),
        (#"{"sql": [{"database": "d", "table": "t"}]}"#, "seed.json: sql[0].create: is required (a non-empty string)"),
        (#"{"secrets": [{"name": "n", "value": 3}]}"#, "seed.json: secrets[0].value: must be a string, or an object stored as its JSON text"),
        (#"{"seed": 3}"#, "seed.json: seed must be an object or the path of a seed file"),
        (#"{"seed": {"s3": [{}]}}"#, "seed.json: seed.s3[0].bucket: is required (a non-empty string)"),
    ]

    @Test("a bad seed file is refused with the file and member at fault", arguments: badSeeds)
    func badSeedFiles(text: String, message: String) throws {
        let project = try SeedProject()
        try project.write("seed.json", text)
        let path = project.root.appendingPathComponent("seed.json").path
        let error = try #require(throws: SeedError.self) { try Seed.load(path) }
        #expect(error.message.hasPrefix(message.replacingOccurrences(of: "seed.json", with: path)), "\(error.message)")
    }

    @Test func aUnitTheServicesRefuseNamesItsDeclarationIsUndoneAndWhatCameBeforeIsKept() async throws {
        let project = try SeedProject()
        try project.seedFile([
            "s3": [["bucket": "inbox", "key": "a.csv", "text": "a"]],
            "dynamodb": [
                [
                    "createTable": [
                        "TableName": "Things", "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
                        "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]], "BillingMode": "PAY_PER_REQUEST",
                    ],
                    "items": [["id": ["S": "1"]], ["other": ["S": "no key"]]],
                ]
            ],
        ])
        let seed = try #require(try Seed.load(project.root.appendingPathComponent("seed.json").path))
        let error = try await #require(throws: SeedError.self) { try await Seeder(directory: project.data).apply(seed, mode: .missing) }
        #expect(
            error.message
                == "\(project.root.path)/seed.json: dynamodb[0].items[1]: DynamoDB.ValidationException: One or more parameter values were invalid: Missing the key id in the item"
        )
        #expect(try SeedManifest.read(project.data).units.keys.sorted() == ["s3://inbox/a.csv"])
        #expect(try await Seeder(directory: project.data).exists(seed.units[1].content) == false)  // the table comes whole or not at all
    }
}
