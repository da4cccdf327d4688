import Foundation
import JSON
import StepwiseServices
import StepwiseTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The registry's deployment pipeline (workflows/deployment.asl.json, rollback.asl.json) end to end with the real
/// binary: `stepwise serve --workflows workflows --virtual-time` (the deployment jobs of workflows/stepwise.json,
/// one at a time, rollback on a stop), the seeded local S3 and DynamoDB, the real HTTP checks against
/// Fixtures/deployment/api/server.py, the rollback as a real nested execution, and the local CodeBuild (the
/// projects' scripts really run), CloudFormation, Lambda control plane and outbox.
@Suite("Deployment pipeline: stepwise serve --workflows workflows", .serialized, .heavy, .timeLimit(.minutes(5)))
struct DeploymentPipelineTests {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Fixtures/deployment")

    struct Failed: Error, CustomStringConvertible { let description: String }

    /// One pipeline: a data directory, the API server(s) and `stepwise serve`.
    // @unchecked: `server`, `processes` and `brokenURL` are mutated only by the one test that owns the pipeline, one
    // call at a time (the server is restarted in place after a kill).
    final class Pipeline: @unchecked Sendable {
        let directory: URL
        var server: ServeProcess
        let api: Process
        let apiURL: String
        var processes: [Process] = []

        /// `realClock`: no `--virtual-time`, so the local CloudFormation's statuses last their 5 s and the
        /// workflow's Waits last theirs: there is a moment to kill or cancel during the deploy.
        let realClock: Bool

        /// With `held`, the API answers nothing until `release()`: a deployment stays in its post-deployment
        /// tests (virtual time holds still while a real HTTP call is in flight).
        init(broken: String? = nil, realClock: Bool = false, held: Bool = false) async throws {
            self.realClock = realClock
            directory = try TestSupport.temporaryDirectory()
            gate = held ? directory.appendingPathComponent("api-gate") : nil
            (api, apiURL) = try await Self.startAPI(in: directory, broken: nil, hold: gate)
            server = try await Self.serve(directory, apiURL: apiURL, realClock: realClock)
            if let broken {
                let (process, url) = try await Self.startAPI(in: directory, broken: broken)
                processes.append(process)
                brokenURL = url
            }
        }

        var brokenURL: String?
        let gate: URL?

        /// Lets a held API answer.
        func release() {
            if let gate { _ = FileManager.default.createFile(atPath: gate.path, contents: nil) }
        }

        static func startAPI(in directory: URL, broken: String?, hold: URL? = nil) async throws -> (Process, String) {
            try await PythonServer.start(
                DeploymentPipelineTests.fixtures.appendingPathComponent("api/server.py"),
                (broken.map { ["--broken", $0] } ?? []) + (hold.map { ["--hold", $0.path] } ?? []), in: directory)
        }

        static func serve(_ directory: URL, apiURL: String, realClock: Bool = false) async throws -> ServeProcess {
            try await TestSupport.serve(
                (realClock ? [] : ["--virtual-time"]) + [
                    "--db", directory.appendingPathComponent("serve.db").path,
                    "--data-dir", directory.appendingPathComponent("data").path,
                    "--workflows", TestSupport.packageRoot.appendingPathComponent("workflows").path,
                    "--resources", DeploymentPipelineTests.fixtures.appendingPathComponent("resources.json").path,
                ], in: directory)
        }

        /// A REST call to the server (the portal's serve tests' client).
        func send(_ method: String, _ path: String, _ body: JSON? = nil) async throws -> (status: Int, body: JSON) {
            try await PortalServeTests.Server(process: server.process, base: URL(string: server.baseURL)!).send(method, path, body)
        }

        /// One action of the AWS JSON 1.0 API.
        func aws(_ action: String, _ body: JSON) async throws -> JSON {
            var request = URLRequest(url: URL(string: server.baseURL)!)
            request.httpMethod = "POST"
            request.setValue("AWSStepFunctions.\(action)", forHTTPHeaderField: "X-Amz-Target")
            request.setValue("application/x-amz-json-1.0", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.serialized().utf8)
            let (data, _) = try await URLSession.shared.data(for: request)
            return try JSON(parsing: data)
        }

        /// Starts a deployment job; `stackParameters` default to the healthy API's URL.
        func deploy(_ id: String, _ extra: JSON = [:], stackParameters: JSON? = nil) async throws -> JSON {
            guard case .object(var input) = extra else { return .null }
            input["deploymentId"] = .string(id)
            input["stackParameters"] = stackParameters ?? ["ApiBaseUrl": .string(apiURL)]
            let (status, job) = try await send("POST", "/deployment/jobs", .object(input))
            guard status == 201 else { throw Failed(description: "POST /deployment/jobs: \(status) \(job.serialized())") }
            return job
        }

        func job(_ id: String, until predicate: (JSON) -> Bool = { !["QUEUED", "PENDING", "RUNNING"].contains($0["status"]?.stringValue ?? "") })
            async throws -> JSON
        {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let (_, job) = try await send("GET", "/jobs/\(id)")
                if predicate(job) { return job }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw Failed(description: "job \(id) never reached the expected state")
        }

        /// The error names of the job's history: failed tasks and Map iterations, then the execution's.
        func errors(_ id: String) async throws -> [String] {
            let (_, page) = try await send("GET", "/jobs/\(id)/history?maxResults=1000")
            return (page["events"]?.arrayValue ?? []).compactMap { event in
                for key in ["taskFailedEventDetails", "executionFailedEventDetails", "mapIterationFailedEventDetails"] {
                    if let error = event[key]?["error"]?.stringValue { return error }
                }
                return nil
            }
        }

        func record(_ id: String) async throws -> JSON? {
            let response = try await DynamoDB(dataDirectory: DataDirectory(path: directory.appendingPathComponent("data").path)).perform(
                "getItem", input: ["TableName": "Deployments", "Key": ["deployment_id": ["S": .string(id)]]])
            return response["Item"].map(Provisioning.plain)
        }

        /// The outbox's messages as `Subject` lines, in order.
        var outbox: [String] {
            get throws {
                try Outbox(dataDirectory: DataDirectory(path: directory.appendingPathComponent("data").path)).messages().compactMap {
                    $0.request["Subject"]?.stringValue
                }
            }
        }

        /// The local Lambda control plane's record of registry-api-handler.
        func function() throws -> JSON? {
            try ResourceCatalog(dataDirectory: DataDirectory(path: directory.appendingPathComponent("data").path))
                .list(type: "lambda:function").first { $0.name == "registry-api-handler" }?.description
        }

        /// The local Lambda control plane's alias `live`.
        func liveAlias() throws -> String? {
            try function()?["Aliases"]?.arrayValue?.first { $0["Name"] == "live" }?["FunctionVersion"]?.stringValue
        }

        /// The published versions and the code each runs.
        func versions() throws -> [String] {
            try (function()?["Versions"]?.arrayValue ?? []).map {
                "\($0["Version"]?.stringValue ?? "?"): \($0["CodeKey"]?.stringValue ?? "-")"
            }
        }
        /// Waits until the job's execution has entered the state `name`.
        func awaitState(_ id: String, _ name: String) async throws {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let (_, page) = try await send("GET", "/jobs/\(id)/history?maxResults=1000")
                if (page["events"]?.arrayValue ?? []).contains(where: { $0["stateEnteredEventDetails"]?["name"]?.stringValue == name }) { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw Failed(description: "job \(id) never entered \(name)")
        }

        /// The local CloudFormation's statuses of stack registry-api, oldest first: those it went through (its events)
        /// and those scheduled on the clock.
        func stackStatuses() throws -> [String] {
            let stack = try ResourceCatalog(dataDirectory: DataDirectory(path: directory.appendingPathComponent("data").path))
                .list(type: "cloudformation:stack").first { $0.name == "registry-api" }?.description["Stepwise"]
            return (stack?["Events"]?.arrayValue ?? []).compactMap { $0["ResourceStatus"]?.stringValue }
                + (stack?["Steps"]?.arrayValue ?? []).compactMap { $0["Status"]?.stringValue }
        }

        func stop() async {
            server.process.interrupt()
            await server.process.exited()
            // SIGKILL: the test process blocks SIGTERM, and its children inherit the mask.
            for process in [api] + processes {
                kill(process.processIdentifier, SIGKILL)
                await process.exited()
            }
        }
    }

    @Test("A deployment succeeds; a second one is queued behind it and fails validation without deploying anything")
    func successThenQueuedValidationFailure() async throws {
        // The API holds its answers, so the first deployment cannot end before the second arrives.
        let pipeline = try await Pipeline(held: true)
        let first = try await pipeline.deploy("dep-ok")
        let second = try await pipeline.deploy("dep-invalid", ["failValidation": true])
        #expect(first["status"] == "RUNNING")
        #expect(second["status"] == "QUEUED")
        #expect(try await pipeline.send("GET", "/jobs/dep-invalid").body["status"] == "QUEUED")
        pipeline.release()
        let ok = try await pipeline.job("dep-ok")
        #expect(ok["status"] == "COMPLETED")
        #expect(
            ok["output"]
                == [
                    "deploymentId": "dep-ok", "status": "SUCCEEDED", "stackName": "registry-api", "version": "1", "previousVersion": .null,
                    "apiUrl": .string(pipeline.apiURL), "handlerStrategy": "INTEGRATED",
                ])
        let invalid = try await pipeline.job("dep-invalid")
        #expect(invalid["status"] == "FAILED")
        #expect(invalid["error"] == "States.TaskFailed")
        // The cause is the failed Build, as CodeBuild's .sync integration gives it.
        let build = try JSON(parsing: invalid["cause"]?.stringValue ?? "")["Build"]
        #expect(build?["ProjectName"] == "registry-validate-infrastructure")
        #expect(build?["BuildStatus"] == "FAILED")
        #expect(build?["Phases"]?.arrayValue?.first { $0["PhaseType"] == "BUILD" }?["PhaseStatus"] == "FAILED")
        let record = try #require(try await pipeline.record("dep-ok"))
        #expect(record["status"] == "SUCCEEDED")
        #expect(record["version"] == "1")
        #expect(record["handler_strategy"] == "INTEGRATED")
        #expect(record["notified"] == true)
        let failed = try #require(try await pipeline.record("dep-invalid"))
        #expect(failed["status"] == "FAILED")
        #expect(failed["change_set_name"] == nil)
        #expect(failed["error"]?.stringValue?.hasPrefix("States.TaskFailed: ") == true)
        // Nothing deployed: the stack went through dep-ok's change set only.
        #expect(try pipeline.stackStatuses() == ["REVIEW_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"])
        #expect(try pipeline.liveAlias() == "1")
        #expect(try pipeline.outbox == ["Deployment dep-ok succeeded", "Deployment dep-invalid failed"])
        // A first deployment's caught errors (no alias, no stack, the alias created), then the auth check's 401.
        let errors = try await pipeline.errors("dep-ok")
        #expect(
            errors == [
                "Lambda.ResourceNotFoundException", "CloudFormation.CloudFormationException", "Lambda.ResourceNotFoundException",
                "States.Http.StatusCode.401",
            ])
        let invalidErrors = try await pipeline.errors("dep-invalid")
        #expect(invalidErrors == ["States.TaskFailed", "States.TaskFailed"])
        await pipeline.stop()
    }

    @Test("A stack that fails to update is rolled back: record ROLLED_BACK, alias back, the execution fails with the stack's error")
    func deployFailure() async throws {
        let pipeline = try await Pipeline()
        _ = try await pipeline.deploy("dep-first")
        #expect(try await pipeline.job("dep-first")["status"] == "COMPLETED")
        _ = try await pipeline.deploy("dep-stack", stackParameters: ["ApiBaseUrl": .string(pipeline.apiURL), "FailDeploy": "true"])
        let job = try await pipeline.job("dep-stack")
        #expect(job["status"] == "FAILED")
        #expect(job["error"] == "Deployment.StackFailed")
        #expect(job["cause"] == "Stack registry-api is UPDATE_ROLLBACK_COMPLETE")
        let record = try #require(try await pipeline.record("dep-stack"))
        #expect(record["status"] == "ROLLED_BACK")
        #expect(record["rollback_errors"] == [])
        #expect(record["error"] == "Deployment.StackFailed: Stack registry-api is UPDATE_ROLLBACK_COMPLETE")
        // The change set executed once; CloudFormation rolled the update back itself.
        #expect(
            try pipeline.stackStatuses() == [
                "REVIEW_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE", "UPDATE_IN_PROGRESS", "UPDATE_ROLLBACK_IN_PROGRESS",
                "UPDATE_ROLLBACK_COMPLETE",
            ])
        #expect(try pipeline.liveAlias() == "1")
        #expect(try pipeline.outbox == ["Deployment dep-first succeeded", "Deployment dep-stack rolled back"])
        let errors = try await pipeline.errors("dep-stack")
        #expect(errors == ["Deployment.StackFailed"])
        await pipeline.stop()
    }

    @Test("A rollback that fails is ROLLBACK_FAILED and the deployment fails with Deployment.RollbackFailed (local CloudFormation)")
    func rollbackFailure() async throws {
        let pipeline = try await Pipeline()
        _ = try await pipeline.deploy("dep-first")
        #expect(try await pipeline.job("dep-first")["status"] == "COMPLETED")
        // The template's Handler is marked Metadata.Stepwise.Fail and FailRollback: the update fails, its rollback too.
        _ = try await pipeline.deploy(
            "dep-stuck", stackParameters: ["ApiBaseUrl": .string(pipeline.apiURL), "FailDeploy": "true", "FailRollback": "true"])
        let job = try await pipeline.job("dep-stuck")
        #expect(job["status"] == "FAILED")
        #expect(job["error"] == "Deployment.RollbackFailed")
        #expect(
            job["cause"]
                == """
                Rolling back after Deployment.StackFailed (Stack registry-api is UPDATE_ROLLBACK_FAILED: The following resource(s) failed to update: [Handler]. ) failed: Rollback.Failed: Deployment dep-stuck is ROLLBACK_FAILED: stack registry-api is UPDATE_ROLLBACK_FAILED: The following resource(s) failed to update: [Handler].  (arn:aws:states:us-east-1:123456789012:execution:rollback:dep-stuck-rollback)
                """)
        let record = try #require(try await pipeline.record("dep-stuck"))
        #expect(record["status"] == "ROLLBACK_FAILED")
        #expect(
            record["rollback_errors"] == ["stack registry-api is UPDATE_ROLLBACK_FAILED: The following resource(s) failed to update: [Handler]. "])
        #expect(try pipeline.liveAlias() == "1")
        #expect(try pipeline.outbox == ["Deployment dep-first succeeded", "Deployment dep-stuck ROLLBACK FAILED"])
        let errors = try await pipeline.errors("dep-stuck")
        #expect(errors == ["States.TaskFailed", "Deployment.RollbackFailed"])
        await pipeline.stop()
    }

    @Test("kill -9 while the stack deploys (local CloudFormation, real clock), then a restart resumes the job: the change set is executed once")
    func killDuringDeploy() async throws {
        let pipeline = try await Pipeline(realClock: true)
        _ = try await pipeline.deploy("dep-crash")
        try await pipeline.awaitState("dep-crash", "Wait for stack")
        #expect(try pipeline.stackStatuses() == ["REVIEW_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"])
        kill(pipeline.server.process.processIdentifier, SIGKILL)
        await pipeline.server.process.exited()
        pipeline.server = try await Pipeline.serve(pipeline.directory, apiURL: pipeline.apiURL, realClock: true)
        let job = try await pipeline.job("dep-crash")
        #expect(job["status"] == "COMPLETED")
        #expect(job["output"]?["version"] == "1")
        // One execution: one CREATE_IN_PROGRESS, and no InvalidChangeSetStatusException in the history.
        #expect(try pipeline.stackStatuses() == ["REVIEW_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"])
        #expect(try await pipeline.record("dep-crash")?["status"] == "SUCCEEDED")
        #expect(try pipeline.liveAlias() == "1")
        #expect(try pipeline.outbox == ["Deployment dep-crash succeeded"])
        // The caught ones of a first deployment (no alias, no stack, the alias created); no executeChangeSet refused.
        let errors = try await pipeline.errors("dep-crash")
        #expect(
            errors == [
                "Lambda.ResourceNotFoundException", "CloudFormation.CloudFormationException", "Lambda.ResourceNotFoundException",
                "States.Http.StatusCode.401",
            ])
        await pipeline.stop()
    }

    @Test("POST /jobs/{id}/cancel during the deploy (local services, real clock) stops it; the rollback (onEnd) records ROLLED_BACK")
    func cancelThroughJobsAPI() async throws {
        let pipeline = try await Pipeline(realClock: true)
        _ = try await pipeline.deploy("dep-cancel")
        try await pipeline.awaitState("dep-cancel", "Wait for stack")
        let (status, cancelled) = try await pipeline.send("POST", "/jobs/dep-cancel/cancel")
        #expect(status == 200)
        #expect(cancelled["status"] == "CANCELLED")
        let deadline = Date().addingTimeInterval(90)
        while try await pipeline.record("dep-cancel")?["status"] == "DEPLOYING", Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        // The record is written before the notification: wait for the rollback's message too.
        while (try? pipeline.outbox.isEmpty) ?? true, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let record = try #require(try await pipeline.record("dep-cancel"))
        #expect(record["status"] == "ROLLED_BACK")
        #expect(record["error"] == "Execution.Stopped: the deployment was stopped")
        // A first deployment: no alias to restore (the record's previous_version is NULL); the stack the change set
        // created, once, completed on its own and is left to CloudFormation.
        #expect(try pipeline.liveAlias() == nil)
        #expect(try pipeline.stackStatuses() == ["REVIEW_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"])
        #expect(try pipeline.outbox == ["Deployment dep-cancel rolled back"])
        let errors = try await pipeline.errors("dep-cancel")
        #expect(errors == ["Lambda.ResourceNotFoundException", "CloudFormation.CloudFormationException"])
        await pipeline.stop()
    }

    @Test("Success, stack failure rolled back, and a post-test failure that moves the alias back to the previous version")
    func realLocalServices() async throws {
        let pipeline = try await Pipeline(broken: "update")
        let broken = try #require(pipeline.brokenURL)
        // No sync metadata: the fallback handler's code becomes version 1.
        _ = try await pipeline.deploy("real-ok", ["syncKey": "sync/missing.json"])
        let ok = try await pipeline.job("real-ok")
        #expect(ok["status"] == "COMPLETED")
        #expect(ok["output"]?["version"] == "1")
        #expect(ok["output"]?["previousVersion"] == .null)
        #expect(ok["output"]?["handlerStrategy"] == "FALLBACK")
        #expect(ok["output"]?["apiUrl"] == .string(pipeline.apiURL))
        #expect(try pipeline.liveAlias() == "1")
        // The synced API's handler is new code: the post-test failure's deployment publishes version 2, its rollback
        // moves the alias back to 1.
        _ = try await pipeline.deploy("real-stack", stackParameters: ["ApiBaseUrl": .string(pipeline.apiURL), "FailDeploy": "true"])
        _ = try await pipeline.deploy("real-post", stackParameters: ["ApiBaseUrl": .string(broken)])
        let stack = try await pipeline.job("real-stack")
        #expect(stack["status"] == "FAILED")
        #expect(stack["error"] == "Deployment.StackFailed")
        #expect(stack["cause"] == "Stack registry-api is UPDATE_ROLLBACK_COMPLETE")
        let post = try await pipeline.job("real-post")
        #expect(post["status"] == "FAILED")
        #expect(post["error"] == "Deployment.PostDeploymentTestFailed")
        #expect(post["cause"] == "Check \"update person\" expected HTTP 200, got 500")
        #expect(try await pipeline.record("real-ok")?["status"] == "SUCCEEDED")
        #expect(try await pipeline.record("real-stack")?["status"] == "ROLLED_BACK")
        let postRecord = try #require(try await pipeline.record("real-post"))
        #expect(postRecord["status"] == "ROLLED_BACK")
        #expect(postRecord["previous_version"] == "1")
        #expect(try pipeline.liveAlias() == "1")
        #expect(try pipeline.versions() == ["1: registry-api-handler-fallback", "2: registry-api-handler-integrated"])
        #expect(
            try pipeline.outbox == ["Deployment real-ok succeeded", "Deployment real-stack rolled back", "Deployment real-post rolled back"])
        let stackErrors = try await pipeline.errors("real-stack")
        #expect(stackErrors == ["Deployment.StackFailed"])
        await pipeline.stop()
    }

    @Test("Coordination: the seeded triggers, the sync build, the deployment as a nested execution, the integration tests, a report")
    func coordination() async throws {
        let pipeline = try await Pipeline()
        let arn = "arn:aws:states:us-east-1:123456789012:execution:coordination:coord-1"
        _ = try await pipeline.aws(
            "StartExecution",
            [
                "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:coordination", "name": "coord-1",
                "input": .string(
                    JSON.object([
                        "reportUrl": .string(pipeline.apiURL + "/reports"),
                        "deployment": ["stackParameters": ["ApiBaseUrl": .string(pipeline.apiURL)]],
                    ]).serialized()),
            ])
        let deadline = Date().addingTimeInterval(60)
        var execution = try await pipeline.aws("DescribeExecution", ["executionArn": .string(arn)])
        while execution["status"] == "RUNNING", Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            execution = try await pipeline.aws("DescribeExecution", ["executionArn": .string(arn)])
        }
        #expect(execution["status"] == "SUCCEEDED")
        let deployment: JSON = [
            "deploymentId": "coord-1", "status": "SUCCEEDED", "stackName": "registry-api", "version": "1", "previousVersion": .null,
            "apiUrl": .string(pipeline.apiURL), "handlerStrategy": "INTEGRATED",
        ]
        #expect(
            (try? JSON(parsing: execution["output"]?.stringValue ?? "")) == [
                "coordinationId": "coord-1", "status": "SUCCEEDED", "deployment": deployment,
            ])
        let (_, reports) = try await pipeline.send("GET", pipeline.apiURL + "/reports")
        #expect(
            reports == [
                [
                    "coordinationId": "coord-1", "status": "SUCCEEDED", "apiCommit": "3f9c2ab", "infraCommit": "81d0e44", "deployment": deployment,
                    "triggers": ["pending/api-3f9c2ab.json", "pending/infrastructure-81d0e44.json"],
                ]
            ])
        #expect(try await pipeline.record("coord-1")?["status"] == "SUCCEEDED")
        #expect(try pipeline.outbox == ["Deployment coord-1 succeeded"])
        await pipeline.stop()
    }
}
