import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("Local Secrets Manager")
struct SecretsManagerTests {
    let directory: DataDirectory
    let service: SecretsManagerService

    init() throws {
        directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        service = SecretsManagerService(catalog: ResourceCatalog(dataDirectory: directory))
    }

    @Test func aSecretIsFoundByNameARNOrPartialARNAndItsValueShownOnlyByGetSecretValue() throws {
        let created = try service.call("createSecret", input: ["Name": "db/creds", "SecretString": "s3cret", "Description": "the db"])
        let arn = try #require(created["ARN"]?.stringValue)
        #expect(arn.hasPrefix("arn:aws:secretsmanager:us-east-1:123456789012:secret:db/creds-"))
        #expect(arn.count == "arn:aws:secretsmanager:us-east-1:123456789012:secret:db/creds-".count + 6)
        for id in ["db/creds", arn, "arn:aws:secretsmanager:us-east-1:123456789012:secret:db/creds"] {
            #expect(try service.call("getSecretValue", input: ["SecretId": .string(id)])["SecretString"] == "s3cret")
        }
        let described = try service.call("describeSecret", input: ["SecretId": "db/creds"])
        #expect(described["Description"] == "the db")
        #expect(described["SecretString"] == nil)
        #expect(try DataInventory.read(directory).resources.first?.description["SecretString"] == nil)
        let put = try service.call("putSecretValue", input: ["SecretId": "db/creds", "SecretString": "new"])
        #expect(put["VersionId"] != created["VersionId"])
        #expect(try service.call("getSecretValue", input: ["SecretId": "db/creds"])["SecretString"] == "new")
    }

    @Test func missingAndDuplicateSecretsAreAWSErrors() throws {
        _ = try service.call("createSecret", input: ["Name": "x", "SecretString": "1"])
        #expect(throws: StatesError("SecretsManager.ResourceExistsException", "The operation failed because the secret x already exists.")) {
            try service.call("createSecret", input: ["Name": "x", "SecretString": "2"])
        }
        _ = try service.call("deleteSecret", input: ["SecretId": "x"])
        #expect(throws: StatesError("SecretsManager.ResourceNotFoundException", "Secrets Manager can't find the specified secret.")) {
            try service.call("getSecretValue", input: ["SecretId": "x"])
        }
        #expect(throws: StatesError("SecretsManager.InvalidParameterException", "Missing required parameter: SecretString")) {
            try service.call("createSecret", input: ["Name": "y"])
        }
        // A wrong random suffix does not find the secret.
        _ = try service.call("createSecret", input: ["Name": "z", "SecretString": "1"])
        #expect(throws: StatesError.self) {
            try service.call("getSecretValue", input: ["SecretId": "arn:aws:secretsmanager:us-east-1:123456789012:secret:z-AAAAAA"])
        }
    }
}
