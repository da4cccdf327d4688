import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

/// The ECS stand-in with Fixtures/registry/health/ecs.json as its file: DescribeServices from the file, RunTask
/// running the task definition's command for real.
@Suite("ECS describeServices and runTask", .timeLimit(.minutes(2)))
struct ECSTests {
    static let file = TestSupport.packageRoot.appendingPathComponent("Fixtures/registry/health/ecs.json")

    struct Fixture {
        let directory: DataDirectory
        let service: ECSService

        init() throws {
            directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
            try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: ECSTests.file, to: directory.url.appendingPathComponent(ECSConfig.fileName))
            service = ECSService(dataDirectory: directory, catalog: ResourceCatalog(dataDirectory: directory))
        }

        func call(_ action: String, _ input: JSON, sdk: Bool = false) async throws -> JSON {
            let resource = sdk ? "arn:aws:states:::aws-sdk:ecs:\(action)" : "arn:aws:states:::ecs:\(action)"
            return try await service.perform(action, sdk: sdk, input: input, context: TaskContext(resource: resource))
        }

        func error(_ action: String, _ input: JSON, sdk: Bool = false) async -> StatesError? {
            do {
                _ = try await call(action, input, sdk: sdk)
                return nil
            } catch {
                return error as? StatesError
            }
        }
    }

    @Test("DescribeServices answers the file's services in AWS's shape and reports a missing one in Failures")
    func describeServices() async throws {
        let fixture = try Fixture()
        let output = try await fixture.call(
            "describeServices", ["Cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/registry", "Services": ["validator", "nope"]], sdk: true)
        let services = output["Services"]?.arrayValue ?? []
        #expect(services.count == 1)
        let validator = try #require(services.first)
        #expect(validator["ServiceName"] == "validator")
        #expect(validator["ServiceArn"] == "arn:aws:ecs:us-east-1:123456789012:service/registry/validator")
        #expect(validator["ClusterArn"] == "arn:aws:ecs:us-east-1:123456789012:cluster/registry")
        #expect(validator["Status"] == "ACTIVE")
        #expect(validator["DesiredCount"] == 2)
        #expect(validator["RunningCount"] == 0)
        #expect(validator["PendingCount"] == 1)
        #expect(validator["Deployments"]?[0]?["RolloutState"] == "IN_PROGRESS")
        #expect(validator["Events"]?[0]?["Message"] == "(service validator) (task 3f2a9c0d1e) failed container health checks.")
        #expect(output["Failures"] == [["Arn": "arn:aws:ecs:us-east-1:123456789012:service/registry/nope", "Reason": "MISSING"]])
        let defaults = try await fixture.call("describeServices", ["Cluster": "registry", "Services": ["downloads"]], sdk: true)
        #expect(defaults["Services"]?[0]?["RunningCount"] == 1)
        #expect(defaults["Services"]?[0]?["SchedulingStrategy"] == "REPLICA")
        #expect(defaults["Failures"] == [])
    }

    @Test("DescribeServices errors: an unknown cluster, no services, more than 10")
    func describeErrors() async throws {
        let fixture = try Fixture()
        #expect(
            await fixture.error("describeServices", ["Cluster": "other", "Services": ["validator"]], sdk: true)
                == StatesError("Ecs.ClusterNotFoundException", "Cluster not found."))
        #expect(
            await fixture.error("describeServices", ["Services": ["validator"]], sdk: true)
                == StatesError("Ecs.ClusterNotFoundException", "Cluster not found."))
        #expect(
            await fixture.error("describeServices", ["Cluster": "registry", "Services": []], sdk: true)
                == StatesError("Ecs.InvalidParameterException", "Services cannot be empty."))
        let eleven = JSON.array((0..<11).map { .string("s\($0)") })
        #expect(
            await fixture.error("describeServices", ["Cluster": "registry", "Services": eleven], sdk: true)
                == StatesError("Ecs.InvalidParameterException", "Services cannot have more than 10 items."))
    }

    @Test("runTask.sync runs the container's command with the overrides' environment and answers the STOPPED task")
    func runTaskSync() async throws {
        let fixture = try Fixture()
        let task = try await fixture.call(
            "runTask.sync",
            [
                "Cluster": "registry", "TaskDefinition": "registry-validator-selftest", "LaunchType": "FARGATE",
                "Overrides": ["ContainerOverrides": [["Name": "selftest", "Environment": [["Name": "PACKAGE", "Value": "resnet-50"]]]]],
            ])
        #expect(task["LastStatus"] == "STOPPED")
        #expect(task["DesiredStatus"] == "STOPPED")
        #expect(task["StopCode"] == "EssentialContainerExited")
        #expect(task["StoppedReason"] == "Essential container in task exited")
        #expect(task["TaskDefinitionArn"] == "arn:aws:ecs:us-east-1:123456789012:task-definition/registry-validator-selftest:1")
        #expect(task["TaskArn"]?.stringValue?.hasPrefix("arn:aws:ecs:us-east-1:123456789012:task/registry/") == true)
        #expect(task["StartedBy"] == "AWS Step Functions")
        #expect(task["Group"] == "family:registry-validator-selftest")
        #expect(task["Containers"]?[0]?["Name"] == "selftest")
        #expect(task["Containers"]?[0]?["ExitCode"] == 0)
        #expect(task["Containers"]?[0]?["LastStatus"] == "STOPPED")
        #expect(task["Overrides"]?["ContainerOverrides"]?[0]?["Environment"] == [["Name": "PACKAGE", "Value": "resnet-50"]])
        let id = String(task["TaskArn"]?.stringValue?.split(separator: "/").last ?? "")
        let described = try await fixture.call("describeTasks", ["Cluster": "registry", "Tasks": [.string(id), "missing"]], sdk: true)
        #expect(described["Tasks"] == [task])
        #expect(
            described["Failures"] == [["Arn": "arn:aws:ecs:us-east-1:123456789012:task/registry/missing", "Reason": "MISSING"]])
    }

    @Test("runTask.sync fails with States.TaskFailed and the task as the cause when a container exits non-zero")
    func runTaskSyncFailure() async throws {
        let fixture = try Fixture()
        let error = await fixture.error(
            "runTask.sync",
            [
                "Cluster": "registry", "TaskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/registry-validator-selftest:1",
                "Overrides": ["ContainerOverrides": [["Name": "selftest", "Environment": [["Name": "MODE", "Value": "broken"]]]]],
            ])
        #expect(error?.name == "States.TaskFailed")
        let task = try JSON(parsing: error?.cause ?? "")
        #expect(task["LastStatus"] == "STOPPED")
        #expect(task["Containers"]?[0]?["ExitCode"] == 3)
        #expect(task["StoppedReason"] == "Essential container in task exited")
    }

    @Test("runTask answers at once with the task RUNNING; stopTask ends it with the reason given")
    func runAndStop() async throws {
        let fixture = try Fixture()
        let started = try await fixture.call(
            "runTask",
            [
                "Cluster": "registry", "TaskDefinition": "registry-validator-selftest",
                "Overrides": ["ContainerOverrides": [["Name": "selftest", "Command": ["sleep", "30"]]]],
            ])
        let task = try #require(started["Tasks"]?[0])
        #expect(started["Failures"] == [])
        #expect(task["LastStatus"] == "RUNNING")
        let stopped = try await fixture.call(
            "stopTask", ["Cluster": "registry", "Task": task["TaskArn"] ?? .null, "Reason": "health check"], sdk: true)
        #expect(stopped["Task"]?["LastStatus"] == "STOPPED")
        #expect(stopped["Task"]?["StopCode"] == "UserInitiated")
        #expect(stopped["Task"]?["StoppedReason"] == "health check")
        #expect(stopped["Task"]?["Containers"]?[0]?["ExitCode"] == nil)
    }

    @Test("runTask errors: an unknown cluster, task definition or container")
    func runErrors() async throws {
        let fixture = try Fixture()
        #expect(
            await fixture.error("runTask", ["Cluster": "nope", "TaskDefinition": "registry-validator-selftest"])
                == StatesError("Ecs.ClusterNotFoundException", "Cluster not found."))
        #expect(
            await fixture.error("runTask", ["Cluster": "registry", "TaskDefinition": "nope:3"])
                == StatesError("Ecs.ClientException", "Unable to describe task definition."))
        #expect(
            await fixture.error(
                "runTask",
                ["Cluster": "registry", "TaskDefinition": "registry-validator-selftest", "Overrides": ["ContainerOverrides": [["Name": "other"]]]])
                == StatesError("Ecs.InvalidParameterException", "Override for container named other is not a container in the TaskDefinition."))
    }

    @Test("In a workflow: runTask.sync returns the stopped task; a failing container is caught as States.TaskFailed")
    func inAWorkflow() async throws {
        let fixture = try Fixture()
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Ok", "States": {
              "Ok": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
                     "Arguments": {"Cluster": "registry", "TaskDefinition": "registry-validator-selftest"},
                     "Assign": {"ok": "{% $states.result.Containers[0].ExitCode %}"}, "Next": "Broken"},
              "Broken": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
                         "Arguments": {"Cluster": "registry", "TaskDefinition": "registry-validator-selftest",
                                       "Overrides": {"ContainerOverrides": [{"Name": "selftest", "Environment": [{"Name": "MODE", "Value": "bad"}]}]}},
                         "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught",
                                    "Output": {"ok": "{% $ok %}", "error": "{% $states.errorOutput.Error %}",
                                               "exitCode": "{% $parse($states.errorOutput.Cause).Containers[0].ExitCode %}"}}],
                         "End": true},
              "Caught": {"Type": "Succeed"}}}
            """
        ) { runtime in
            runtime.add(LocalServices(dataDirectory: fixture.directory, services: [fixture.service]), tier: .services)
        }
        #expect(run.result.status == .succeeded)
        #expect(run.result.output == ["ok": 0, "error": "States.TaskFailed", "exitCode": 3])
        #expect(run.types.contains("TaskSubmitted"))
    }

    @Test("The seed copies the ECS file with its task definitions' folders made absolute; stepwise data lists the services")
    func seeded() async throws {
        let project = try SeedProject()
        try project.write("tools/check.sh", "test \"$(basename \"$PWD\")\" = tools\n")
        try project.write(
            "ops/ecs.json",
            #"{"clusters": {"c": {"services": {"s": {}}}}, "taskDefinitions": {"check": {"directory": "../tools", "containers": [{"name": "x", "command": ["sh", "check.sh"]}]}}}"#
        )
        _ = try project.seedFile(["ecs": ["file": "ops/ecs.json"]])
        #expect(try await project.apply() == ["created ecs:file"])
        #expect(try await project.apply() == ["unchanged ecs:file"])
        let service = ECSService(dataDirectory: project.data, catalog: ResourceCatalog(dataDirectory: project.data))
        let task = try await service.perform(
            "runTask.sync", sdk: false, input: ["Cluster": "c", "TaskDefinition": "check"],
            context: TaskContext(resource: "arn:aws:states:::ecs:runTask.sync"))
        #expect(task["Containers"]?[0]?["ExitCode"] == 0)
        let inventory = try DataInventory.read(project.data)
        #expect(inventory.resources.filter { $0.type == "ecs:service" }.map(\.name) == ["c/s"])
        #expect(inventory.resources.filter { $0.type == ECSService.taskType }.count == 1)
        #expect(try project.data.reset().contains(ECSConfig.fileName))
    }
}
