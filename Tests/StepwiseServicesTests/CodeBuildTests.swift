import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("CodeBuild", .timeLimit(.minutes(2)))
struct CodeBuildTests {
    static let projects = """
        {"projects": {
          "registry-validate": {
            "buildspec": {
              "version": 0.2,
              "env": {"variables": {"STAGE": "local"}, "exported-variables": ["VERSION", "STAGE"]},
              "phases": {
                "install": {"commands": ["echo installing"]},
                "build": {"commands": ["VERSION=1.2.$BUILD_SUFFIX", "test \\"$MODE\\" != fail"]},
                "post_build": {"commands": ["echo post > post-build.txt"]}
              }
            }
          },
          "registry-sleep": {"command": ["sh", "-c", "sleep 120 & echo $! > sleeper.pid; wait"]},
          "registry-slow": {"command": ["sh", "-c", "sleep 30 & echo $! > slow.pid; wait"], "timeoutInMinutes": 0.005}
        }}
        """

    struct Fixture {
        let directory: DataDirectory
        let service: CodeBuildService

        init() throws {
            directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
            try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
            try Data(CodeBuildTests.projects.utf8).write(to: directory.url.appendingPathComponent("codebuild-projects.json"))
            service = CodeBuildService(dataDirectory: directory, catalog: ResourceCatalog(dataDirectory: directory))
        }

        func call(_ action: String, _ input: JSON, sdk: Bool = false) async throws -> JSON {
            try await service.perform(action, sdk: sdk, input: input, context: TaskContext(resource: "arn:aws:states:::codebuild:\(action)"))
        }

        var folder: URL { directory.url }
    }

    static func start(mode: String) -> JSON {
        [
            "ProjectName": "registry-validate",
            "EnvironmentVariablesOverride": [
                ["Name": "BUILD_SUFFIX", "Value": "7", "Type": "PLAINTEXT"], ["Name": "MODE", "Value": .string(mode), "Type": "PLAINTEXT"],
            ],
        ]
    }

    @Test func aBuildRunsItsPhasesAndExportsVariables() async throws {
        let fixture = try Fixture()
        let output = try await fixture.call("startBuild.sync", Self.start(mode: "ok"))
        let build = try #require(output["Build"])
        #expect(build["BuildStatus"] == "SUCCEEDED")
        #expect(build["CurrentPhase"] == "COMPLETED")
        #expect(build["BuildComplete"] == true)
        #expect(build["Id"]?.stringValue?.hasPrefix("registry-validate:") == true)
        #expect(build["Arn"]?.stringValue == "arn:aws:codebuild:us-east-1:123456789012:build/\(build["Id"]?.stringValue ?? "")")
        #expect(build["BuildNumber"] == 1)
        #expect(build["ExportedEnvironmentVariables"] == [["Name": "VERSION", "Value": "1.2.7"], ["Name": "STAGE", "Value": "local"]])
        let phases = build["Phases"]?.arrayValue ?? []
        #expect(
            phases.map { $0["PhaseType"]?.stringValue ?? "" } == [
                "SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING",
                "COMPLETED",
            ])
        #expect(phases.dropLast().allSatisfy { $0["PhaseStatus"] == "SUCCEEDED" && $0["DurationInSeconds"]?.intValue != nil })
        #expect(FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("post-build.txt").path))
        let log = try #require(URL(string: build["Logs"]?["DeepLink"]?.stringValue ?? ""))
        #expect(try String(contentsOf: log, encoding: .utf8) == "installing\n")

        let got = try await fixture.call("batchGetBuilds", ["Ids": [build["Id"] ?? .null, "registry-validate:missing"]], sdk: true)
        #expect(got["Builds"] == [build])
        #expect(got["BuildsNotFound"] == ["registry-validate:missing"])
        let second = try await fixture.call("startBuild.sync", Self.start(mode: "ok"))
        #expect(second["Build"]?["BuildNumber"] == 2)
    }

    @Test func aFailingCommandFailsTheBuildAndStillRunsPostBuild() async throws {
        let fixture = try Fixture()
        let error = await #expect(throws: StatesError.self) { try await fixture.call("startBuild.sync", Self.start(mode: "fail")) }
        #expect(error?.name == "States.TaskFailed")
        let build = try #require(try JSON(parsing: error?.cause ?? "")["Build"])
        #expect(build["BuildStatus"] == "FAILED")
        let phase = build["Phases"]?.arrayValue?.first { $0["PhaseType"] == "BUILD" }
        #expect(phase?["PhaseStatus"] == "FAILED")
        #expect(
            phase?["Contexts"] == [
                ["StatusCode": "COMMAND_EXECUTION_ERROR", "Message": "Error while executing command: test \"$MODE\" != fail. Reason: exit status 1"]
            ])
        #expect(build["Phases"]?.arrayValue?.first { $0["PhaseType"] == "POST_BUILD" }?["PhaseStatus"] == "SUCCEEDED")
        #expect(build["ExportedEnvironmentVariables"]?[0] == ["Name": "VERSION", "Value": "1.2.7"])
    }

    @Test func stopBuildKillsTheCommand() async throws {
        let fixture = try Fixture()
        let started = try await fixture.call("startBuild", ["ProjectName": "registry-sleep"])
        #expect(started["Build"]?["BuildStatus"] == "IN_PROGRESS")
        let sleeper = try #require(try await Self.pid(in: fixture.folder.appendingPathComponent("sleeper.pid")))
        #expect(Self.isRunning(sleeper))
        let stopped = try await fixture.call("stopBuild", ["Id": started["Build"]?["Arn"] ?? .null])
        #expect(stopped["Build"]?["BuildStatus"] == "STOPPED")
        #expect(stopped["Build"]?["Phases"]?.arrayValue?.first { $0["PhaseType"] == "BUILD" }?["PhaseStatus"] == "STOPPED")
        let gone = Date().addingTimeInterval(10)
        while Self.isRunning(sleeper), Date() < gone { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!Self.isRunning(sleeper))
    }

    /// Whether `pid` is a live process (not gone, not a zombie waiting for a reaper).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return !(stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? false)
    }

    @Test func anUnknownProjectIsResourceNotFound() async throws {
        let fixture = try Fixture()
        let error = await #expect(throws: StatesError.self) { try await fixture.call("startBuild", ["ProjectName": "nope"]) }
        #expect(error?.name == "CodeBuild.ResourceNotFoundException")
        #expect(error?.cause == "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/nope")
    }

    @Test func syncTaskInAWorkflowOnTheVirtualClock() async throws {
        let fixture = try Fixture()
        let runtime = Runtime(clock: .virtual)
        runtime.add(LocalServices.defaults(for: fixture.directory), tier: .services)
        let definition = """
            {"StartAt": "Validate", "States": {
              "Validate": {"Type": "Task", "Resource": "arn:aws:states:::codebuild:startBuild.sync",
                "Parameters": {"ProjectName": "registry-validate", "EnvironmentVariablesOverride": [
                  {"Name": "BUILD_SUFFIX", "Value": "9", "Type": "PLAINTEXT"}, {"Name": "MODE", "Value.$": "$.mode", "Type": "PLAINTEXT"}]},
                "ResultSelector": {"status.$": "$.Build.BuildStatus", "version.$": "$.Build.ExportedEnvironmentVariables[0].Value"},
                "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "Failed"}], "End": true},
              "Failed": {"Type": "Pass", "End": true}
            }}
            """
        let machine = try StateMachine(text: definition, name: "validate")
        let good = await (try runtime.start(machine, input: ["mode": "ok"])).result
        #expect(good.status == .succeeded)
        #expect(good.output == ["status": "SUCCEEDED", "version": "1.2.9"])
        let bad = await (try runtime.start(machine, input: ["mode": "fail"])).result
        #expect(bad.output?["error"]?["Error"] == "States.TaskFailed")
        let cause = try JSON(parsing: bad.output?["error"]?["Cause"]?.stringValue ?? "")
        #expect(cause["Build"]?["BuildStatus"] == "FAILED")
        let inventory = try DataInventory.read(fixture.directory)
        #expect(inventory.resources.filter { $0.type == CodeBuildService.buildType }.count == 2)
        #expect(
            inventory.resources.filter { $0.type == "codebuild:project" }.map(\.name) == ["registry-sleep", "registry-slow", "registry-validate"])
    }

    @Test func theSeedCopiesTheProjectsFileWithItsFoldersMadeAbsolute() async throws {
        let project = try SeedProject()
        try project.write("infra/validate.sh", "echo validated in $(basename \"$PWD\")\n")
        try project.write(
            "ci/codebuild-projects.json", #"{"projects": {"validate": {"directory": "../infra", "command": ["sh", "validate.sh"]}}}"#)
        try project.seedFile(["codebuild": ["projects": "ci/codebuild-projects.json"]])
        #expect(try await project.apply() == ["created codebuild:projects"])
        #expect(try await project.apply() == ["unchanged codebuild:projects"])
        let service = CodeBuildService(dataDirectory: project.data, catalog: ResourceCatalog(dataDirectory: project.data))
        let output = try await service.perform(
            "startBuild.sync", sdk: false, input: ["ProjectName": "validate"],
            context: TaskContext(resource: "arn:aws:states:::codebuild:startBuild.sync"))
        let log = try #require(URL(string: output["Build"]?["Logs"]?["DeepLink"]?.stringValue ?? ""))
        #expect(try String(contentsOf: log, encoding: .utf8) == "validated in infra\n")
        #expect(try project.data.reset().contains(CodeBuildService.projectsFileName))
    }

    /// The pid a build's command wrote to `file` in the fixture's folder, waited for with a deadline.
    static func pid(in file: URL) async throws -> Int32? {
        let deadline = Date().addingTimeInterval(40)
        while Date() < deadline {
            if let pid = (try? String(contentsOf: file, encoding: .utf8)).flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
                return pid
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    @Test func theBuildTimeOutKillsTheCommand() async throws {
        let fixture = try Fixture()
        let error = await #expect(throws: StatesError.self) { try await fixture.call("startBuild.sync", ["ProjectName": "registry-slow"]) }
        let build = try JSON(parsing: error?.cause ?? "")["Build"]
        #expect(build?["BuildStatus"] == "TIMED_OUT")
        #expect(build?["Phases"]?.arrayValue?.first { $0["PhaseType"] == "BUILD" }?["PhaseStatus"] == "TIMED_OUT")
        let sleeper = try #require(try await Self.pid(in: fixture.folder.appendingPathComponent("slow.pid")))
        let gone = Date().addingTimeInterval(10)
        while Self.isRunning(sleeper), Date() < gone { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!Self.isRunning(sleeper))
    }

    @Test func aTaskTimeOutStopsItsBuild() async throws {
        let fixture = try Fixture()
        let runtime = Runtime(clock: .real)
        runtime.add(LocalServices.defaults(for: fixture.directory), tier: .services)
        let definition = """
            {"StartAt": "Build", "States": {"Build": {"Type": "Task", "Resource": "arn:aws:states:::codebuild:startBuild.sync",
              "Parameters": {"ProjectName": "registry-sleep"}, "TimeoutSeconds": 30, "End": true}}}
            """
        // 30 s: the build's shell must have started (and written its pid) before the time-out, even beside the whole
        // suite on a loaded machine (10 s was not always enough); the command sleeps 120 s, so only the time-out
        // ends it.
        let execution = try await runtime.start(try StateMachine(text: definition, name: "build"), input: [:])
        let sleeper = try #require(try await Self.pid(in: fixture.folder.appendingPathComponent("sleeper.pid")))
        let result = await execution.result
        #expect(result.status == .failed)
        #expect(result.error == "States.Timeout")
        let gone = Date().addingTimeInterval(10)
        while Self.isRunning(sleeper), Date() < gone { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!Self.isRunning(sleeper))
        let builds = try ResourceCatalog(dataDirectory: fixture.directory).list(type: CodeBuildService.buildType)
        #expect(builds.map { $0.description["buildStatus"] } == ["STOPPED"])
    }
}
