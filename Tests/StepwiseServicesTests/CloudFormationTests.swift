import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("CloudFormation", .timeLimit(.minutes(2)))
struct CloudFormationTests {
    static let template = """
        {
          "Description": "Registry API",
          "Parameters": {"Stage": {"Type": "String"}, "Version": {"Type": "String", "Default": "1"},
                         "FailDeploy": {"Type": "String", "Default": "false"}, "FailRollback": {"Type": "String", "Default": "false"}},
          "Resources": {
            "Api": {"Type": "AWS::ApiGateway::RestApi", "Metadata": {"Stepwise": {"PhysicalId": "abc123", "Attributes": {"RootResourceId": "root9"}}}},
            "Handler": {"Type": "AWS::Lambda::Function", "Metadata": {"Stepwise": {"Fail": {"Ref": "FailDeploy"}, "FailRollback": {"Ref": "FailRollback"}}}}
          },
          "Outputs": {
            "ApiUrl": {"Value": {"Fn::Sub": "https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}"}, "Description": "The API"},
            "Version": {"Value": {"Ref": "Version"}},
            "Root": {"Value": {"Fn::Join": ["/", [{"Ref": "AWS::StackName"}, {"Fn::GetAtt": ["Api", "RootResourceId"]}, {"Ref": "Handler"}]]}}
          }
        }
        """

    struct Fixture {
        let directory: DataDirectory
        let start = Date(timeIntervalSince1970: 1_800_000_000)

        init() throws { directory = DataDirectory(path: try TestSupport.temporaryDirectory().path) }

        /// A new service each time, as after a restart: everything it knows is in the data directory.
        func call(_ action: String, _ input: JSON, at seconds: Double) throws -> JSON {
            let service = CloudFormationService(catalog: ResourceCatalog(dataDirectory: directory), s3: S3Store(dataDirectory: directory))
            return try service.call(
                action, input: input, at: .init(region: "eu-west-1", account: "111122223333", now: start.addingTimeInterval(seconds)))
        }

        func status(_ stack: String, at seconds: Double) throws -> JSON? {
            try call("describeStacks", ["StackName": .string(stack)], at: seconds)["Stacks"]?[0]?["StackStatus"]
        }

        func changeSet(_ name: String, type: String, parameters: JSON, at seconds: Double) throws -> JSON {
            try call(
                "createChangeSet",
                [
                    "StackName": "registry", "ChangeSetName": .string(name), "ChangeSetType": .string(type), "TemplateBody": .string(template),
                    "Parameters": parameters,
                ], at: seconds)
        }
    }

    static func stage(_ stage: String, version: String = "1", fail: String = "false", failRollback: String = "false") -> JSON {
        [
            ["ParameterKey": "Stage", "ParameterValue": .string(stage)], ["ParameterKey": "Version", "ParameterValue": .string(version)],
            ["ParameterKey": "FailDeploy", "ParameterValue": .string(fail)],
            ["ParameterKey": "FailRollback", "ParameterValue": .string(failRollback)],
        ]
    }

    @Test func aChangeSetIsCreatedExecutedOnceAndTheStackCompletesWithItsOutputs() async throws {
        let fixture = try Fixture()
        let created = try fixture.changeSet("first", type: "CREATE", parameters: Self.stage("prod"), at: 0)
        #expect(created["Id"]?.stringValue?.hasPrefix("arn:aws:cloudformation:eu-west-1:111122223333:changeSet/first/") == true)
        #expect(try fixture.status("registry", at: 0) == "REVIEW_IN_PROGRESS")
        let describe: JSON = ["ChangeSetName": "first", "StackName": "registry"]
        let pending = try fixture.call("describeChangeSet", describe, at: 1)
        #expect(pending["Status"] == "CREATE_PENDING")
        #expect(pending["ExecutionStatus"] == "UNAVAILABLE")
        let early = #expect(throws: StatesError.self) { try fixture.call("executeChangeSet", describe, at: 1) }
        #expect(early?.name == "CloudFormation.InvalidChangeSetStatusException")
        let ready = try fixture.call("describeChangeSet", ["ChangeSetName": created["Id"] ?? .null], at: 5)
        #expect(ready["Status"] == "CREATE_COMPLETE")
        #expect(ready["ExecutionStatus"] == "AVAILABLE")
        #expect(ready["Changes"]?.arrayValue?.compactMap { $0["ResourceChange"]?["Action"]?.stringValue } == ["Add", "Add"])
        #expect(ready["Stepwise"] == nil)

        #expect(try fixture.call("executeChangeSet", describe, at: 6) == [:])
        #expect(try fixture.status("registry", at: 6) == "CREATE_IN_PROGRESS")
        #expect(try fixture.status("registry", at: 10.9) == "CREATE_IN_PROGRESS")
        let stack = try #require(try fixture.call("describeStacks", ["StackName": "registry"], at: 11)["Stacks"]?[0])
        #expect(stack["StackStatus"] == "CREATE_COMPLETE")
        #expect(stack["Description"] == "Registry API")
        #expect(
            stack["Outputs"] == [
                ["OutputKey": "ApiUrl", "OutputValue": "https://abc123.execute-api.eu-west-1.amazonaws.com/prod", "Description": "The API"],
                ["OutputKey": "Version", "OutputValue": "1"], ["OutputKey": "Root", "OutputValue": "registry/root9/registry-Handler"],
            ])
        let twice = #expect(throws: StatesError.self) { try fixture.call("executeChangeSet", describe, at: 12) }
        #expect(twice?.name == "CloudFormation.InvalidChangeSetStatusException")
        #expect(
            twice?.cause
                == "ChangeSet [\(created["Id"]?.stringValue ?? "")] cannot be executed in its current execution status of [EXECUTE_COMPLETE] (Service: CloudFormation, Status Code: 400)"
        )
        let events = try fixture.call("describeStackEvents", ["StackName": "registry"], at: 12)["StackEvents"]?.arrayValue ?? []
        #expect(events.compactMap { $0["ResourceStatus"]?.stringValue } == ["CREATE_COMPLETE", "CREATE_IN_PROGRESS", "REVIEW_IN_PROGRESS"])
        let inventory = try DataInventory.read(fixture.directory)
        #expect(inventory.resources.filter { $0.type == CloudFormationService.stackType }.map(\.name) == ["registry"])
    }

    /// Creates the stack with version 1 (done at 11 s).
    func created(_ fixture: Fixture) throws {
        _ = try fixture.changeSet("v1", type: "CREATE", parameters: Self.stage("prod"), at: 0)
        _ = try fixture.call("executeChangeSet", ["ChangeSetName": "v1", "StackName": "registry"], at: 5)
        #expect(try fixture.status("registry", at: 11) == "CREATE_COMPLETE")
    }

    @Test func aResourceMarkedToFailRollsTheUpdateBack() async throws {
        let fixture = try Fixture()
        try created(fixture)
        _ = try fixture.changeSet("v2", type: "UPDATE", parameters: Self.stage("prod", version: "2", fail: "true"), at: 20)
        _ = try fixture.call("executeChangeSet", ["ChangeSetName": "v2", "StackName": "registry"], at: 25)
        #expect(try fixture.status("registry", at: 26) == "UPDATE_IN_PROGRESS")
        let rolling = try fixture.call("describeStacks", ["StackName": "registry"], at: 30)["Stacks"]?[0]
        #expect(rolling?["StackStatus"] == "UPDATE_ROLLBACK_IN_PROGRESS")
        #expect(rolling?["StackStatusReason"] == "The following resource(s) failed to update: [Handler]. ")
        let stack = try fixture.call("describeStacks", ["StackName": "registry"], at: 35)["Stacks"]?[0]
        #expect(stack?["StackStatus"] == "UPDATE_ROLLBACK_COMPLETE")
        #expect(stack?["Outputs"]?[1] == ["OutputKey": "Version", "OutputValue": "1"])
        #expect(stack?["Parameters"]?[1] == ["ParameterKey": "Version", "ParameterValue": "1"])
        #expect(
            try fixture.call("describeChangeSet", ["ChangeSetName": "v2", "StackName": "registry"], at: 35)["ExecutionStatus"] == "EXECUTE_FAILED")
    }

    @Test func aResourceMarkedToFailItsRollbackEndsUpdateRollbackFailed() async throws {
        let fixture = try Fixture()
        try created(fixture)
        _ = try fixture.changeSet("v2", type: "UPDATE", parameters: Self.stage("prod", version: "2", fail: "true", failRollback: "true"), at: 20)
        _ = try fixture.call("executeChangeSet", ["ChangeSetName": "v2", "StackName": "registry"], at: 25)
        #expect(try fixture.status("registry", at: 30) == "UPDATE_ROLLBACK_IN_PROGRESS")
        let stack = try fixture.call("describeStacks", ["StackName": "registry"], at: 35)["Stacks"]?[0]
        #expect(stack?["StackStatus"] == "UPDATE_ROLLBACK_FAILED")
        #expect(stack?["StackStatusReason"] == "The following resource(s) failed to update: [Handler]. ")
        #expect(stack?["Outputs"] == [])
        #expect(
            try fixture.call("describeChangeSet", ["ChangeSetName": "v2", "StackName": "registry"], at: 35)["ExecutionStatus"] == "EXECUTE_FAILED")
    }

    @Test func rollbackStackOfAResourceMarkedToFailItsRollbackFails() async throws {
        let fixture = try Fixture()
        try created(fixture)
        _ = try fixture.changeSet("v2", type: "UPDATE", parameters: Self.stage("prod", version: "2", failRollback: "true"), at: 20)
        _ = try fixture.call("executeChangeSet", ["ChangeSetName": "v2", "StackName": "registry"], at: 25)
        #expect(try fixture.status("registry", at: 30) == "UPDATE_COMPLETE")
        _ = try fixture.call("rollbackStack", ["StackName": "registry"], at: 40)
        #expect(try fixture.status("registry", at: 41) == "UPDATE_ROLLBACK_IN_PROGRESS")
        let stack = try fixture.call("describeStacks", ["StackName": "registry"], at: 45)["Stacks"]?[0]
        #expect(stack?["StackStatus"] == "UPDATE_ROLLBACK_FAILED")
        #expect(stack?["StackStatusReason"] == "The following resource(s) failed to update: [Handler]. ")
    }

    @Test func aFailedCreateEndsRolledBackWithoutOutputs() async throws {
        let fixture = try Fixture()
        _ = try fixture.changeSet("v1", type: "CREATE", parameters: Self.stage("prod", fail: "true"), at: 0)
        _ = try fixture.call("executeChangeSet", ["ChangeSetName": "v1", "StackName": "registry"], at: 5)
        let stack = try fixture.call("describeStacks", ["StackName": "registry"], at: 60)["Stacks"]?[0]
        #expect(stack?["StackStatus"] == "ROLLBACK_COMPLETE")
        #expect(stack?["Outputs"] == [])
        let events = try fixture.call("describeStackEvents", ["StackName": "registry"], at: 60)["StackEvents"]?.arrayValue ?? []
        #expect(events.first?["ResourceStatus"] == "ROLLBACK_COMPLETE")
        #expect(events[1]["ResourceStatusReason"] == "The following resource(s) failed to create: [Handler]. Rollback requested by user.")
    }

    @Test func rollbackStackRestoresThePreviousDeployment() async throws {
        let fixture = try Fixture()
        try created(fixture)
        _ = try fixture.changeSet("v2", type: "UPDATE", parameters: Self.stage("prod", version: "2"), at: 20)
        _ = try fixture.call("executeChangeSet", ["ChangeSetName": "v2", "StackName": "registry"], at: 25)
        #expect(try fixture.call("describeStacks", ["StackName": "registry"], at: 30)["Stacks"]?[0]?["Outputs"]?[1]?["OutputValue"] == "2")
        let rolled = try fixture.call("rollbackStack", ["StackName": "registry"], at: 40)
        #expect(rolled["StackId"]?.stringValue?.hasPrefix("arn:aws:cloudformation:eu-west-1:111122223333:stack/registry/") == true)
        #expect(try fixture.status("registry", at: 41) == "UPDATE_ROLLBACK_IN_PROGRESS")
        let stack = try fixture.call("describeStacks", ["StackName": "registry"], at: 45)["Stacks"]?[0]
        #expect(stack?["StackStatus"] == "UPDATE_ROLLBACK_COMPLETE")
        #expect(stack?["Outputs"]?[1]?["OutputValue"] == "1")
        let again = #expect(throws: StatesError.self) { try fixture.call("rollbackStack", ["StackName": "registry"], at: 50) }
        #expect(again?.name == "CloudFormation.CloudFormationException")
    }

    @Test func deleteStackRemovesItAndAnUnchangedChangeSetFails() async throws {
        let fixture = try Fixture()
        try created(fixture)
        _ = try fixture.changeSet("same", type: "UPDATE", parameters: Self.stage("prod"), at: 12)
        let same = try fixture.call("describeChangeSet", ["ChangeSetName": "same", "StackName": "registry"], at: 20)
        #expect(same["Status"] == "FAILED")
        #expect(same["StatusReason"] == "The submitted information didn't contain changes. Submit different information to create a change set.")
        #expect(try fixture.call("deleteStack", ["StackName": "registry"], at: 20) == [:])
        #expect(try fixture.status("registry", at: 21) == "DELETE_IN_PROGRESS")
        let gone = #expect(throws: StatesError.self) { try fixture.status("registry", at: 25) }
        #expect(gone?.name == "CloudFormation.CloudFormationException")
        #expect(gone?.cause == "Stack with id registry does not exist (Service: CloudFormation, Status Code: 400)")
        let missing = #expect(throws: StatesError.self) {
            try fixture.call("describeChangeSet", ["ChangeSetName": "same", "StackName": "registry"], at: 25)
        }
        #expect(missing?.name == "CloudFormation.ChangeSetNotFoundException")
        #expect(try fixture.call("deleteStack", ["StackName": "registry"], at: 30) == [:])
        let update = #expect(throws: StatesError.self) { try fixture.changeSet("late", type: "UPDATE", parameters: Self.stage("prod"), at: 30) }
        #expect(update?.cause == "Stack [registry] does not exist (Service: CloudFormation, Status Code: 400)")
    }

    @Test func aWorkflowPollsTheDeploymentOnTheVirtualClock() async throws {
        let fixture = try Fixture()
        let templateFile = try TestSupport.temporaryDirectory().appendingPathComponent("stack.json")
        try Data(Self.template.utf8).write(to: templateFile)
        let definition = """
            {"QueryLanguage": "JSONata", "StartAt": "Create", "States": {
              "Create": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:cloudformation:createChangeSet",
                "Arguments": {"StackName": "registry", "ChangeSetName": "deploy-1", "ChangeSetType": "CREATE", "TemplateURL": "{% $states.input.template %}",
                  "Parameters": [{"ParameterKey": "Stage", "ParameterValue": "dev"}]}, "Next": "WaitReady"},
              "WaitReady": {"Type": "Wait", "Seconds": 2, "Next": "Ready"},
              "Ready": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:cloudformation:describeChangeSet",
                "Arguments": {"StackName": "registry", "ChangeSetName": "deploy-1"}, "Next": "IsReady"},
              "IsReady": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.ExecutionStatus = 'AVAILABLE' %}", "Next": "Execute"}],
                "Default": "WaitReady"},
              "Execute": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:cloudformation:executeChangeSet",
                "Arguments": {"StackName": "registry", "ChangeSetName": "deploy-1"}, "Next": "Poll"},
              "Poll": {"Type": "Wait", "Seconds": 3, "Next": "Describe"},
              "Describe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:cloudformation:describeStacks",
                "Arguments": {"StackName": "registry"}, "Output": "{% $states.result.Stacks[0] %}", "Next": "Done?"},
              "Done?": {"Type": "Choice", "Choices": [
                  {"Condition": "{% $states.input.StackStatus = 'CREATE_COMPLETE' %}", "Next": "Deployed",
                   "Output": "{% {'url': $states.input.Outputs[OutputKey = 'ApiUrl'].OutputValue} %}"}],
                "Default": "Poll"},
              "Deployed": {"Type": "Succeed"}
            }}
            """
        let runtime = Runtime(clock: .virtual)
        runtime.add(LocalServices.defaults(for: fixture.directory), tier: .services)
        let machine = try StateMachine(text: definition, name: "deploy")
        let execution = try await runtime.start(machine, input: ["template": .string(templateFile.path)])
        let result = await execution.result
        #expect(result.status == .succeeded, "\(result.error ?? "") \(result.cause ?? "")")
        #expect(result.output == ["url": "https://abc123.execute-api.us-east-1.amazonaws.com/dev"])
        let polls = await execution.history.filter { $0.type == .waitStateEntered }.count
        #expect(polls == 5)
    }
}
