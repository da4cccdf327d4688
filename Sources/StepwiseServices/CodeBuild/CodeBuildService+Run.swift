import Foundation
import JSON
import Stepwise
import StepwiseIntegrations

extension CodeBuildService {
    /// A started build: its first record, the task running it, and its key among the running builds.
    struct Started {
        let record: JSON
        let task: Task<JSON, Never>
        let key: String
    }

    /// How a build's command ended.
    enum Outcome {
        case exited(Int32, stdout: Data, stderr: Data)
        case stopped
        case timedOut
        case notStarted(String)
    }

    /// StartBuild: records the build IN_PROGRESS and starts its command in the background.
    func start(_ request: ServiceRequest, region: String, account: String, initiator: String) throws -> Started {
        let projectName = try request.required("ProjectName")
        let project = try CodeBuildProject.load(
            projectName, file: projectsFile, arn: "arn:aws:codebuild:\(region):\(account):project/\(projectName)")
        var spec = project.buildspec
        if let override = try request.string("BuildspecOverride") { spec = try BuildSpec(text: override, place: "BuildspecOverride") }
        var variables = project.environment + spec.variables
        for (index, entry) in (try request.array("EnvironmentVariablesOverride") ?? []).enumerated() {
            guard let name = entry["Name"]?.stringValue, let value = entry["Value"]?.stringValue else {
                throw request.invalid("EnvironmentVariablesOverride[\(index)] must have a Name and a Value")
            }
            variables.append((name, value))
        }
        let minutes = try request.int("TimeoutInMinutesOverride").map(Double.init) ?? project.timeoutInMinutes
        let uuid = UUID().uuidString.lowercased()
        let id = "\(projectName):\(uuid)"
        let arn = "arn:aws:codebuild:\(region):\(account):build/\(id)"
        let number = try catalog.list(type: Self.buildType).filter { $0.description["projectName"]?.stringValue == projectName }.count + 1
        let work = try dataDirectory.folder("codebuild/\(uuid)")
        let exports = work.appendingPathComponent("exported", isDirectory: true)
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let log = try dataDirectory.folder("codebuild/logs").appendingPathComponent("\(uuid).log")
        let now = Date()
        var environment: [String: String] = [:]
        for (name, value) in variables { environment[name] = value }
        let context = [
            "CODEBUILD_BUILD_ID": id, "CODEBUILD_BUILD_ARN": arn, "CODEBUILD_BUILD_NUMBER": String(number),
            "CODEBUILD_INITIATOR": initiator, "CODEBUILD_SRC_DIR": project.directory.path,
            "STEPWISE_BUILD_MARKS": work.appendingPathComponent("phases").path, "STEPWISE_BUILD_EXPORTS": exports.path,
        ]
        environment.merge(context) { _, fixed in fixed }
        let record = ServiceSupport.object([
            "id": .string(id), "arn": .string(arn), "buildNumber": .int(number), "startTime": ServiceSupport.timestamp(now),
            "currentPhase": "SUBMITTED", "buildStatus": "IN_PROGRESS", "projectName": .string(projectName),
            "phases": [Self.phase("SUBMITTED", "SUCCEEDED", start: now, end: now)], "source": ["type": "NO_SOURCE"],
            "environment": [
                "type": "LINUX_CONTAINER", "image": "stepwise/local", "computeType": "BUILD_GENERAL1_SMALL",
                "environmentVariables": .array(variables.map { ["name": .string($0.name), "value": .string($0.value), "type": "PLAINTEXT"] }),
            ],
            "logs": [
                "groupName": .string("/aws/codebuild/\(projectName)"), "streamName": .string(uuid),
                "deepLink": .string(log.absoluteString),
            ],
            "timeoutInMinutes": minutes.rounded() == minutes ? .int(Int(minutes)) : .number(.double(minutes)),
            "queuedTimeoutInMinutes": 480, "buildComplete": false, "initiator": .string(initiator),
            "sourceVersion": try request.string("SourceVersion").map(JSON.string),
        ])
        try catalog.put(Self.buildType, id, record)
        let runner = CommandRunner(arguments: ["/bin/sh", "-c", spec.script], directory: project.directory, environment: environment)
        let service = self
        let task = Task<JSON, Never> {
            let outcome: Outcome
            do {
                let output = try await Deadline.run(seconds: minutes * 60) { try await runner.run(input: Data()) }
                outcome = .exited(output.status, stdout: output.stdout, stderr: output.stderr)
            } catch is DeadlineExceeded {
                outcome = .timedOut
            } catch let failure as Spawn.Failure {
                outcome = .notStarted(failure.description)
            } catch {
                outcome = .stopped
            }
            return service.finish(record, spec: spec, outcome: outcome, work: work, log: log)
        }
        let key = key(id)
        Self.running.add(key, task)
        Task {
            _ = await task.value
            Self.running.remove(key)
        }
        return Started(record: record, task: task, key: key)
    }

    /// Records the ended build: its phases from the marks the script wrote, its status, its exported variables
    /// and its log; answers the record.
    func finish(_ started: JSON, spec: BuildSpec, outcome: Outcome, work: URL, log: URL) -> JSON {
        let end = Date()
        let begin = started["startTime"]?.stringValue.flatMap { try? Date($0, strategy: .iso8601) } ?? end
        var phases: [JSON] = [
            Self.phase("SUBMITTED", "SUCCEEDED", start: begin, end: begin), Self.phase("QUEUED", "SUCCEEDED", start: begin, end: begin),
            Self.phase("PROVISIONING", "SUCCEEDED", start: begin, end: begin),
            Self.phase("DOWNLOAD_SOURCE", "SUCCEEDED", start: begin, end: begin),
        ]
        let marks = (try? String(contentsOf: work.appendingPathComponent("phases"), encoding: .utf8)) ?? ""
        var open: (type: String, start: Date)?
        var failure: (index: Int, status: Int)?
        let unfinished: String
        switch outcome {
        case .stopped: unfinished = "STOPPED"
        case .timedOut: unfinished = "TIMED_OUT"
        default: unfinished = "FAILED"
        }
        for line in marks.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 3 else { continue }
            switch words[0] {
            case "START":
                open = (words[1], Double(words[2]).map(Date.init(timeIntervalSince1970:)) ?? end)
                failure = nil
            case "FAIL":
                failure = (Int(words[2]) ?? 0, words.count > 3 ? Int(words[3]) ?? 1 : 1)
            case "END":
                guard let started = open else { continue }
                let ended = Double(words[2]).map(Date.init(timeIntervalSince1970:)) ?? end
                phases.append(
                    Self.phase(
                        started.type, failure == nil ? "SUCCEEDED" : "FAILED", start: started.start, end: ended,
                        contexts: context(failure, started.type, spec)))
                open = nil
            default: continue
            }
        }
        var status: String
        switch outcome {
        case .exited(let code, _, _): status = code == 0 ? "SUCCEEDED" : "FAILED"
        case .stopped: status = "STOPPED"
        case .timedOut: status = "TIMED_OUT"
        case .notStarted: status = "FAILED"
        }
        if let started = open {
            var contexts = context(failure, started.type, spec)
            if contexts == nil, case .exited(let code, _, _) = outcome {
                contexts = [
                    ["statusCode": "COMMAND_EXECUTION_ERROR", "message": .string("Error while executing command. Reason: exit status \(code)")]
                ]
            }
            phases.append(Self.phase(started.type, unfinished, start: started.start, end: end, contexts: contexts))
        } else if case .notStarted(let message) = outcome {
            phases.append(
                Self.phase("PROVISIONING", "FAILED", start: begin, end: end, contexts: [["statusCode": "CLIENT_ERROR", "message": .string(message)]]))
        }
        phases += [
            Self.phase("UPLOAD_ARTIFACTS", "SUCCEEDED", start: end, end: end), Self.phase("FINALIZING", "SUCCEEDED", start: end, end: end),
            ["phaseType": "COMPLETED", "startTime": ServiceSupport.timestamp(end)],
        ]
        let exported = spec.exported.map { name -> JSON in
            let value = (try? String(contentsOf: work.appendingPathComponent("exported/\(name)"), encoding: .utf8)) ?? ""
            return ["name": .string(name), "value": .string(value)]
        }
        if case .exited(_, let stdout, let stderr) = outcome { try? (stdout + stderr).write(to: log) }
        try? FileManager.default.removeItem(at: work)
        guard var record = started.objectValue else { return started }
        record["endTime"] = ServiceSupport.timestamp(end)
        record["currentPhase"] = "COMPLETED"
        record["buildStatus"] = .string(status)
        record["buildComplete"] = true
        record["phases"] = .array(phases)
        if !spec.exported.isEmpty { record["exportedEnvironmentVariables"] = .array(exported) }
        let ended = JSON.object(record)
        try? catalog.put(Self.buildType, record["id"]?.stringValue ?? "", ended)
        return ended
    }

    /// The context of a phase whose command `failure.index` failed: AWS's COMMAND_EXECUTION_ERROR.
    func context(_ failure: (index: Int, status: Int)?, _ type: String, _ spec: BuildSpec) -> JSON? {
        guard let failure else { return nil }
        let command = spec.phases.first { $0.type == type }?.commands.dropFirst(failure.index).first ?? ""
        return [
            [
                "statusCode": "COMMAND_EXECUTION_ERROR",
                "message": .string("Error while executing command: \(command). Reason: exit status \(failure.status)"),
            ]
        ]
    }

    static func phase(_ type: String, _ status: String, start: Date, end: Date, contexts: JSON? = nil) -> JSON {
        ServiceSupport.object([
            "phaseType": .string(type), "phaseStatus": .string(status), "startTime": ServiceSupport.timestamp(start),
            "endTime": ServiceSupport.timestamp(end), "durationInSeconds": .int(max(0, Int(end.timeIntervalSince(start).rounded()))),
            "contexts": contexts ?? [],
        ])
    }
}
