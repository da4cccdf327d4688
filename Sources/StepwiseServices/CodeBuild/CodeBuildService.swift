import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::codebuild:startBuild` (and `.sync`, which waits for the build to end), `codebuild:stopBuild`,
/// and `arn:aws:states:::aws-sdk:codebuild:startBuild|batchGetBuilds|stopBuild`: a build runs its project's
/// commands (``CodeBuildProject``, from `<data-dir>/codebuild-projects.json`) as a local process group, and is
/// remembered in the ``ResourceCatalog`` (type `codebuild:build`, by id) in AWS's `Build` shape, its log in
/// `<data-dir>/codebuild/logs/`. A stop (StopBuild, or the `.sync` Task cancelled because the execution stopped or
/// timed out) or the build's `timeoutInMinutes` ends the command: SIGTERM to its group, SIGKILL 2 s later.
package struct CodeBuildService: LocalService {
    package let name = "codebuild"
    let catalog: ResourceCatalog
    let dataDirectory: DataDirectory
    /// The projects file.
    let projectsFile: URL

    package static let buildType = "codebuild:build"
    package static let projectsFileName = "codebuild-projects.json"

    package init(dataDirectory: DataDirectory, catalog: ResourceCatalog, projectsFile: URL? = nil) {
        self.dataDirectory = dataDirectory
        self.catalog = catalog
        self.projectsFile = projectsFile ?? dataDirectory.url.appendingPathComponent(Self.projectsFileName)
    }

    static let optimizedActions: Set<String> = ["startBuild", "startBuild.sync", "stopBuild"]
    static let sdkActions: Set<String> = ["startBuild", "batchGetBuilds", "stopBuild"]

    package func supports(_ action: String, sdk: Bool) -> Bool { (sdk ? Self.sdkActions : Self.optimizedActions).contains(action) }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        let request = ServiceRequest(input: input, validationError: "CodeBuild.InvalidInputException")
        let (region, account) = ServiceSupport.regionAndAccount(context)
        switch action {
        case "startBuild", "startBuild.sync":
            let build = try start(request, region: region, account: account, initiator: context.executionArn)
            guard action == "startBuild.sync" else { return ["Build": ServiceSupport.pascalCase(build.record)] }
            await context.submitted(["Build": ServiceSupport.pascalCase(build.record)])
            let ended = await withTaskCancellationHandler {
                await build.task.value
            } onCancel: {
                Self.running.stop(build.key)
            }
            try Task.checkCancellation()
            let output: JSON = ["Build": ServiceSupport.pascalCase(ended)]
            guard ended["buildStatus"] == "SUCCEEDED" else { throw StatesError("States.TaskFailed", output.serialized()) }
            return output
        case "stopBuild":
            return ["Build": ServiceSupport.pascalCase(try await stop(try request.required("Id")))]
        case "batchGetBuilds":
            let ids = try request.array("Ids") ?? []
            guard !ids.isEmpty else { throw request.invalid("Missing required parameter: Ids") }
            var builds: [JSON] = []
            var missing: [JSON] = []
            for id in ids {
                let text = id.stringValue ?? ""
                if let build = try catalog.get(Self.buildType, Self.buildId(text)) {
                    builds.append(ServiceSupport.pascalCase(build))
                } else {
                    missing.append(id)
                }
            }
            return ["Builds": .array(builds), "BuildsNotFound": .array(missing)]
        default:
            throw request.invalid("Unsupported action \(action)")
        }
    }

    /// A build's id from an id (`project:uuid`) or an ARN (`arn:aws:codebuild:…:build/project:uuid`).
    static func buildId(_ text: String) -> String {
        guard text.hasPrefix("arn:"), let range = text.range(of: ":build/") else { return text }
        return String(text[range.upperBound...])
    }

    /// StopBuild: the running build's command is ended and the build recorded STOPPED; a build that has ended
    /// already is answered as it is, as AWS does.
    func stop(_ id: String) async throws -> JSON {
        let id = Self.buildId(id)
        guard try catalog.get(Self.buildType, id) != nil else {
            throw StatesError("CodeBuild.ResourceNotFoundException", "Build \(id) does not exist")
        }
        if let task = Self.running.stop(key(id)) { _ = await task.value }
        return try catalog.get(Self.buildType, id) ?? .null
    }

    /// The projects of the projects file at `file` as written (none when there is no readable file), for
    /// `stepwise data`.
    static func projects(in file: URL) -> [(String, JSON)] {
        guard let data = FileManager.default.contents(atPath: file.path),
            let projects = (try? JSON(parsing: String(decoding: data, as: UTF8.self)))?["projects"]?.objectValue
        else { return [] }
        return projects.map { ($0.key, $0.value) }
    }

    func key(_ id: String) -> String { dataDirectory.url.path + "|" + id }

    /// The builds running in this process, by data directory and id.
    static let running = RunningCommands()
}
