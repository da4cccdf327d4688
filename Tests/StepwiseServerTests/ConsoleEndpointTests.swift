import Foundation
import JSON
import StepFunctions
import Testing

@Suite("Console: the JSON endpoints the pages poll", .timeLimit(.minutes(1)))
struct ConsoleEndpointTests {
    @Test("State machines are listed with their executions counted by status")
    func stateMachines() async throws {
        try await withService(workflows: ["a": Definitions.pass, "b": Definitions.slow]) { service in
            for name in ["one", "two"] {
                _ = try await service.client.finished(try await service.client.start(Definitions.machineArn("a"), name: name))
            }
            _ = try await service.client.start(Definitions.machineArn("b"), name: "waiting")
            let page = try await service.client.consoleOK("state-machines")
            let machines = try #require(page["stateMachines"]?.arrayValue)
            #expect(machines.map { $0["name"] } == ["a", "b"])
            #expect(machines.map { $0["type"] } == ["STANDARD", "STANDARD"])
            #expect(
                machines.map { $0["counts"] } == [
                    ["RUNNING": 0, "SUCCEEDED": 2, "FAILED": 0, "TIMED_OUT": 0, "ABORTED": 0, "PENDING_REDRIVE": 0],
                    ["RUNNING": 1, "SUCCEEDED": 0, "FAILED": 0, "TIMED_OUT": 0, "ABORTED": 0, "PENDING_REDRIVE": 0],
                ])
            #expect(page["nextToken"] == .null)
            let names = try await service.client.consoleOK("state-machines", ["counts": "false", "maxResults": "1"])
            #expect(
                names["stateMachines"]?.arrayValue?.map { $0.objectValue?.keys ?? [] } == [["name", "arn", "type", "creationDate", "updateDate"]])
            #expect(names["nextToken"]?.stringValue != nil)
        }
    }

    @Test("A state machine answers its definition pretty-printed, its diagnostics with their lines, and its graph")
    func stateMachine() async throws {
        let definition = #"{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x":"$.a"},"End":true}}}"#
        try await withService(workflows: ["w": definition]) { service in
            let machine = try await service.client.consoleOK("state-machine", ["arn": Definitions.machineArn("w")])
            #expect(machine["name"] == "w")
            #expect(
                machine["definition"]
                    == [
                        "{", #"  "StartAt": "P","#, #"  "States": {"#, #"    "P": {"#, #"      "Type": "Pass","#, #"      "Parameters": {"#,
                        #"        "x": "$.a""#, "      },", #"      "End": true"#, "    }", "  }", "}",
                    ])
            #expect(
                machine["diagnostics"]?.arrayValue?.map { [$0["severity"], $0["code"], $0["location"], $0["line"]] } == [
                    ["WARNING", "NO_DOLLAR", "/States/P/Parameters", 6]
                ])
            #expect(machine["graph"]?.stringValue?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stepwise-graph\"") == true)
            #expect(machine["graph"]?.stringValue?.contains(#"data-state="P""#) == true)
            let summary = try await service.client.consoleOK("state-machine", ["arn": Definitions.machineArn("w"), "summary": "true"])
            #expect(summary.objectValue?.keys == ["name", "arn", "type", "creationDate", "updateDate", "counts"])
        }
    }

    @Test("A state machine answers its versions (newest first) and its aliases with their routing")
    func versionsAndAliases() async throws {
        try await withService(workflows: ["v": Definitions.pass]) { service in
            let client = service.client
            let arn = Definitions.machineArn("v")
            let none = try await client.consoleOK("state-machine", ["arn": arn])
            #expect(none["versions"] == [])
            #expect(none["aliases"] == [])
            _ = try await client.ok("PublishStateMachineVersion", ["stateMachineArn": .string(arn), "description": "first"])
            _ = try await client.ok(
                "UpdateStateMachine", ["stateMachineArn": .string(arn), "definition": .string(Definitions.echo), "publish": true])
            _ = try await client.ok(
                "CreateStateMachineAlias",
                [
                    "name": "live", "description": "<b>canary</b>",
                    "routingConfiguration": [
                        ["stateMachineVersionArn": .string(arn + ":1"), "weight": 90], ["stateMachineVersionArn": .string(arn + ":2"), "weight": 10],
                    ],
                ])
            let machine = try await client.consoleOK("state-machine", ["arn": arn])
            #expect(
                machine["versions"]?.arrayValue?.map { [$0["arn"], $0["version"], $0["description"]] } == [
                    [.string(arn + ":2"), 2, .null], [.string(arn + ":1"), 1, "first"],
                ])
            #expect(
                machine["aliases"]?.arrayValue?.map { [$0["name"], $0["description"], $0["routing"]] } == [
                    ["live", "<b>canary</b>", [["version": 1, "weight": 90], ["version": 2, "weight": 10]]]
                ])
        }
    }

    @Test("Executions of every state machine are listed newest first, filtered and paged with a cursor")
    func executions() async throws {
        try await withService(workflows: ["a": Definitions.pass, "b": Definitions.fail]) { service in
            for name in ["e1", "e2", "x3", "e4"] {
                _ = try await service.client.finished(try await service.client.start(Definitions.machineArn("a"), name: name))
            }
            _ = try await service.client.finished(try await service.client.start(Definitions.machineArn("b"), name: "e5"))
            let all = try await service.client.consoleOK("executions")
            #expect(all["executions"]?.arrayValue?.map { $0["name"] } == ["e5", "e4", "x3", "e2", "e1"])
            #expect(all["executions"]?.arrayValue?.first?["stateMachineName"] == "b")
            #expect(all["executions"]?.arrayValue?.first?["status"] == "FAILED")
            var names: [[JSON]] = []
            var token: String?
            repeat {
                var parameters: KeyValuePairs<String, String> = ["maxResults": "2"]
                if let token { parameters = ["maxResults": "2", "nextToken": token] }
                let page = try await service.client.consoleOK("executions", parameters)
                names.append(page["executions"]?.arrayValue?.map { $0["name"] ?? .null } ?? [])
                token = page["nextToken"]?.stringValue
            } while token != nil
            #expect(names == [["e5", "e4"], ["x3", "e2"], ["e1"]])
            let failed = try await service.client.consoleOK("executions", ["status": "FAILED"])
            #expect(failed["executions"]?.arrayValue?.map { $0["name"] } == ["e5"])
            let ofA = try await service.client.consoleOK("executions", ["stateMachineArn": Definitions.machineArn("a"), "name": "e"])
            #expect(ofA["executions"]?.arrayValue?.map { $0["name"] } == ["e4", "e2", "e1"])
            let prefixed = try await service.client.consoleOK("executions", ["name": "x"])
            #expect(prefixed["executions"]?.arrayValue?.map { $0["name"] } == ["x3"])
        }
    }

    @Test("An execution's graph colours each state by what happened to it; its events name their states")
    func caughtExecution() async throws {
        try await withService(workflows: ["c": ConsoleFixtures.caught]) { service in
            let arn = try await service.client.start(Definitions.machineArn("c"), name: "run", input: #"{"n":1}"#)
            _ = try await service.client.finished(arn)
            let execution = try await service.client.consoleOK("execution", ["arn": arn])
            #expect(execution["status"] == "FAILED")
            #expect(execution["error"] == "Gave.Up")
            #expect(execution["cause"] == "caught, then failed")
            #expect(execution["input"] == #"{"n":1}"#)
            #expect(execution["mapRuns"] == [])
            let graph = try await service.client.consoleOK("execution/graph", ["arn": arn])
            #expect(graph["eventCount"] == execution["eventCount"])
            #expect(
                graph["graph"]?.stateStatuses == [
                    "Try": "caught", "Boom": "failed", "Recover": "succeeded", "Give up": "failed", "Done": "not-reached",
                ])
            let events = try await service.client.consoleOK("execution/events", ["arn": arn])
            let rows = try #require(events["events"]?.arrayValue)
            #expect(rows.map { $0["id"]?.intValue } == Array(1...rows.count).map(Optional.some))
            #expect(
                rows.map { "\($0["type"]?.stringValue ?? ""):\($0["state"]?.stringValue ?? "-")" } == [
                    "ExecutionStarted:-", "ParallelStateEntered:Try", "ParallelStateStarted:Try", "FailStateEntered:Boom",
                    "ParallelStateFailed:Try", "ParallelStateExited:Try", "PassStateEntered:Recover", "PassStateExited:Recover",
                    "FailStateEntered:Give up",
                    "ExecutionFailed:-",
                ])
            let page = try await service.client.consoleOK("execution/events", ["arn": arn, "afterId": "3", "limit": "2"])
            #expect(page["events"]?.arrayValue?.map { $0["id"] } == [4, 5])
            let recover = try await service.client.consoleOK("execution/state", ["arn": arn, "name": "Recover"])
            #expect(recover["visits"] == 1)
            #expect(recover["entered"]?["details"]?["input"]?.stringValue?.hasPrefix(#"{"n":1,"error":{"Error":"Oops""#) == true)
            #expect(recover["exited"]?["details"]?["output"]?.stringValue?.hasSuffix(#""recovered":{"tried":true}}"#) == true)
            #expect(recover["failure"] == .null)
            let boom = try await service.client.consoleOK("execution/state", ["arn": arn, "name": "Boom"])
            #expect(boom["failure"] == .null)
            let parallel = try await service.client.consoleOK("execution/state", ["arn": arn, "name": "Try"])
            #expect(parallel["failure"]?["type"] == "ParallelStateFailed")
            #expect(parallel["failure"]?["details"] == .null)
        }
    }

    @Test("Markup in names, errors and causes is escaped in the graph and stays plain data in JSON")
    func hostileNames() async throws {
        try await withService(workflows: ["h": ConsoleFixtures.hostile]) { service in
            let arn = try await service.client.start(Definitions.machineArn("h"), name: "run")
            _ = try await service.client.finished(arn)
            let graph = try #require(try await service.client.consoleOK("execution/graph", ["arn": arn])["graph"]?.stringValue)
            #expect(!graph.contains("<img"))
            #expect(!graph.contains("<script"))
            #expect(graph.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(graph.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
            let execution = try await service.client.consoleOK("execution", ["arn": arn])
            #expect(execution["error"] == "<b>Bold</b>")
            #expect(execution["cause"] == #""quoted" & <i>cause</i>"#)
            let state = try await service.client.consoleOK("execution/state", ["arn": arn, "name": "<img src=x onerror=alert(1)>"])
            #expect(state["visits"] == 1)
        }
    }

    @Test("Map Runs are listed with their item counts")
    func mapRuns() async throws {
        let definition = #"""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """#
        try await withService(workflows: ["m": definition]) { service in
            let arn = try await service.client.start(Definitions.machineArn("m"), name: "run", input: "[1,2,3]")
            _ = try await service.client.finished(arn)
            let runs = try #require(try await service.client.consoleOK("execution", ["arn": arn])["mapRuns"]?.arrayValue)
            #expect(runs.count == 1)
            #expect(runs.first?["status"] == "SUCCEEDED")
            #expect(runs.first?["itemCounts"]?["total"] == 3)
            #expect(runs.first?["itemCounts"]?["succeeded"] == 3)
        }
    }

    @Test("Jobs of the REST API are listed, newest first, by status")
    func jobs() async throws {
        try await withService(workflows: ["slow": Definitions.slow]) { service in
            #expect(try await service.client.send("POST", "/slow/jobs?name=job-1").status == 201)
            #expect(try await service.client.send("POST", "/slow/jobs?name=job-2").status == 201)
            let jobs = try await service.client.consoleOK("jobs")
            #expect(jobs["jobs"]?.arrayValue?.map { $0["id"] } == ["job-2", "job-1"])
            #expect(jobs["jobs"]?.arrayValue?.map { $0["status"] } == ["RUNNING", "RUNNING"])
            #expect(jobs["jobs"]?.arrayValue?.first?["executionArn"] == .string(Definitions.executionArn("slow", "job-2")))
            #expect(try await service.client.consoleOK("jobs", ["status": "QUEUED"])["jobs"] == [])
        }
    }

    @Test(
        "Bad parameters are 400s and missing things 404s, with the service's error names",
        arguments: [
            ("execution", ["x": "y"], 400, "MissingParameter", "The query parameter 'arn' is required"),
            ("execution", ["arn": "nope"], 400, "InvalidArn", "Invalid Arn: 'Invalid ARN prefix: nope'"),
            (
                "execution", ["arn": Definitions.executionArn("a", "none")], 404, "ExecutionDoesNotExist",
                "Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:a:none'"
            ),
            (
                "executions", ["status": "DONE"], 400, "InvalidParameter",
                "'status' must be one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE"
            ),
            ("executions", ["maxResults": "5000"], 400, "InvalidParameter", "'maxResults' must be a whole number from 0 to 1000"),
            ("executions", ["nextToken": "garbage"], 400, "InvalidToken", "Invalid Token: 'Invalid token'"),
            (
                "state-machine", ["arn": Definitions.machineArn("none")], 404, "StateMachineDoesNotExist",
                "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:none'"
            ),
            (
                "execution/events", ["arn": Definitions.executionArn("a", "x"), "limit": "0"], 400, "InvalidParameter",
                "'limit' must be a whole number from 1 to 1000"
            ),
            ("jobs", ["status": "DONE"], 400, "InvalidParameter", "'status' must be one of PENDING, QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED"),
        ] as [(String, [String: String], Int, String, String)])
    func errors(endpoint: String, parameters: [String: String], status: Int, name: String, message: String) async throws {
        try await withService { service in
            let query = ConsoleFixtures.query(parameters.map { ($0.key, $0.value) })
            let answer = try await service.client.send("GET", "/console/api/\(endpoint)?\(query)")
            #expect(answer.status == status)
            #expect(answer.body == ["error": .string(name), "message": .string(message)])
        }
    }
}
