import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("Local Lambda control plane", .timeLimit(.minutes(3)))
struct LambdaTests {
    /// A resources file whose two entries are real commands that say which code ran: `deploy-api` (the function)
    /// and `deploy-api-v2` (the code `updateFunctionCode` points `$LATEST` at).
    static func project() throws -> (resources: String, data: String, folder: URL) {
        let folder = try TestSupport.temporaryDirectory()
        let resources: JSON = [
            "resources": [
                "deploy-api": ["command": ["/bin/sh", "-c", #"cat >/dev/null; echo '{"code": "v1"}'"#]],
                "deploy-api-v2": ["command": ["/bin/sh", "-c", #"cat >/dev/null; echo '{"code": "v2"}'"#]],
            ]
        ]
        let file = folder.appendingPathComponent("resources.json")
        try resources.serialized().write(to: file, atomically: true, encoding: .utf8)
        return (file.path, folder.appendingPathComponent("data").path, folder)
    }

    static func task(_ name: String, _ resource: String, _ arguments: JSON, next: String?, catching: Bool = false) -> (String, JSON) {
        var state: JSONObject = ["Type": "Task", "Resource": .string(resource), "Arguments": arguments]
        state["Output"] = "{% $states.result %}"
        state["Assign"] = .object([name: "{% $states.result %}"])
        if catching {
            state["Catch"] = [
                ["ErrorEquals": ["States.ALL"], "Assign": .object([name: "{% $states.errorOutput %}"]), "Next": .string(next ?? "Done")]
            ]
        }
        if let next { state["Next"] = .string(next) } else { state["Next"] = "Done" }
        return (name, .object(state))
    }

    static func invoke(_ name: String, _ function: String, next: String?, catching: Bool = false) -> (String, JSON) {
        task(name, "arn:aws:states:::lambda:invoke", ["FunctionName": .string(function), "Payload": ["n": 1]], next: next, catching: catching)
    }

    static func sdk(_ action: String) -> String { "arn:aws:states:::aws-sdk:lambda:\(action)" }

    /// Publishes two versions, moves the alias forward and back, invokes through it, and collects the errors.
    static let definition: JSON = {
        let steps: [(String, JSON)] = [
            task("v1", sdk("publishVersion"), ["FunctionName": "deploy-api", "Description": "first"], next: "again"),
            task("again", sdk("publishVersion"), ["FunctionName": "deploy-api"], next: "alias"),
            task("alias", sdk("createAlias"), ["FunctionName": "deploy-api", "Name": "live", "FunctionVersion": "1"], next: "code"),
            task("code", sdk("updateFunctionCode"), ["FunctionName": "deploy-api", "S3Bucket": "code", "S3Key": "deploy-api-v2"], next: "latest"),
            invoke("latest", "deploy-api", next: "stillV1"),
            invoke("stillV1", "deploy-api:live", next: "v2"),
            task("v2", sdk("publishVersion"), ["FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:deploy-api"], next: "forward"),
            task("forward", sdk("updateAlias"), ["FunctionName": "deploy-api", "Name": "live", "FunctionVersion": "2"], next: "onV2"),
            invoke("onV2", "deploy-api:live", next: "back"),
            task("back", sdk("updateAlias"), ["FunctionName": "deploy-api", "Name": "live", "FunctionVersion": "1"], next: "onV1"),
            invoke("onV1", "arn:aws:lambda:us-east-1:123456789012:function:deploy-api:live", next: "byNumber"),
            invoke("byNumber", "deploy-api:2", next: "getAlias"),
            task("getAlias", sdk("getAlias"), ["FunctionName": "deploy-api", "Name": "live"], next: "versions"),
            task("versions", sdk("listVersionsByFunction"), ["FunctionName": "deploy-api"], next: "aliases"),
            task("aliases", sdk("listAliases"), ["FunctionName": "deploy-api"], next: "function"),
            task("function", sdk("getFunction"), ["FunctionName": "deploy-api:live"], next: "duplicate"),
            task(
                "duplicate", sdk("createAlias"), ["FunctionName": "deploy-api", "Name": "live", "FunctionVersion": "2"], next: "noVersion",
                catching: true),
            invoke("noVersion", "deploy-api:9", next: "noAlias", catching: true),
            task("noAlias", sdk("getAlias"), ["FunctionName": "deploy-api", "Name": "canary"], next: "noFunction", catching: true),
            task("noFunction", sdk("publishVersion"), ["FunctionName": "missing"], next: "badCode", catching: true),
            task("badCode", sdk("updateFunctionCode"), ["FunctionName": "deploy-api", "ImageUri": "nowhere"], next: nil, catching: true),
        ]
        var states = JSONObject(steps.map { ($0.0, $0.1) })
        let names = steps.map(\.0)
        states["Done"] = ["Type": "Pass", "Output": .object(JSONObject(names.map { ($0, JSON.string("{% $\($0) %}")) })), "End": true]
        return ["QueryLanguage": "JSONata", "StartAt": "v1", "States": .object(states)]
    }()

    @Test func aliasesMoveBackAndForthAndInvokeRunsTheirVersion() async throws {
        let (resources, data, folder) = try Self.project()
        let workflow = folder.appendingPathComponent("deploy.asl.json")
        try Self.definition.serialized().write(to: workflow, atomically: true, encoding: .utf8)
        let result = await TestSupport.cli("run", workflow.path, "--resources", resources, "--data-dir", data, "--virtual-time")
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSON(parsing: result.stdout)
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:deploy-api"

        #expect(output["v1"]?["Version"] == "1")
        #expect(output["v1"]?["FunctionArn"] == .string("\(arn):1"))
        #expect(output["v1"]?["Description"] == "first")
        #expect(output["v1"]?["CodeSha256"] == .string(LambdaService.sha256("deploy-api")))
        #expect(output["again"]?["Version"] == "1")  // nothing changed since: Lambda answers the same version
        #expect(output["alias"]?["AliasArn"] == .string("\(arn):live"))
        #expect(output["code"]?["Version"] == "$LATEST")
        #expect(output["code"]?["CodeSha256"] == .string(LambdaService.sha256("deploy-api-v2")))
        #expect(output["latest"]?["Payload"] == ["code": "v2"])
        #expect(output["latest"]?["ExecutedVersion"] == "$LATEST")
        #expect(output["stillV1"]?["Payload"] == ["code": "v1"])
        #expect(output["stillV1"]?["ExecutedVersion"] == "1")
        #expect(output["v2"]?["Version"] == "2")
        #expect(output["forward"]?["FunctionVersion"] == "2")
        #expect(output["onV2"]?["Payload"] == ["code": "v2"])
        #expect(output["onV2"]?["ExecutedVersion"] == "2")
        #expect(output["onV1"]?["Payload"] == ["code": "v1"])
        #expect(output["onV1"]?["ExecutedVersion"] == "1")
        #expect(output["byNumber"]?["Payload"] == ["code": "v2"])
        #expect(output["getAlias"]?["FunctionVersion"] == "1")
        #expect(output["getAlias"]?["Name"] == "live")
        #expect(output["versions"]?["Versions"]?.arrayValue?.map { $0["Version"] } == ["$LATEST", "1", "2"])
        #expect(output["versions"]?["Versions"]?[0]?["FunctionArn"] == .string("\(arn):$LATEST"))
        #expect(output["aliases"]?["Aliases"]?.arrayValue?.map { $0["Name"] } == ["live"])
        #expect(output["function"]?["Configuration"]?["Version"] == "1")
        #expect(output["function"]?["Code"]?["Location"] == "deploy-api")

        #expect(output["duplicate"]?["Error"] == "Lambda.ResourceConflictException")
        #expect(output["duplicate"]?["Cause"] == .string("Alias already exists: \(arn):live"))
        #expect(output["noVersion"]?["Error"] == "Lambda.ResourceNotFoundException")
        #expect(output["noVersion"]?["Cause"] == .string("Function not found: \(arn):9"))
        #expect(output["noAlias"]?["Error"] == "Lambda.ResourceNotFoundException")
        #expect(output["noAlias"]?["Cause"] == .string("Cannot find alias arn: \(arn):canary"))
        #expect(output["noFunction"]?["Error"] == "Lambda.ResourceNotFoundException")
        #expect(output["noFunction"]?["Cause"] == "Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing")
        #expect(output["badCode"]?["Error"] == "Lambda.InvalidParameterValueException")

        // Another process reads the same versions and aliases: the alias still runs version 1.
        let service = LambdaService(catalog: ResourceCatalog(dataDirectory: DataDirectory(path: data)))
        #expect(try service.code(function: "deploy-api", arn: arn, qualifier: "live") == LambdaCode(version: "1", key: nil))
        #expect(try service.code(function: "deploy-api", arn: arn, qualifier: "2") == LambdaCode(version: "2", key: "deploy-api-v2"))
        #expect(try service.code(function: "deploy-api", arn: arn, qualifier: nil) == LambdaCode(version: "$LATEST", key: "deploy-api-v2"))
        #expect(try service.code(function: "other", arn: arn, qualifier: "live") == nil)
        let listing = await TestSupport.cli("data", "--data-dir", data)
        #expect(listing.stdout.contains("  lambda:function  deploy-api"))
    }

    @Test func requestsAreCheckedAsLambdaChecksThem() throws {
        let service = LambdaService(catalog: ResourceCatalog(dataDirectory: DataDirectory(path: try TestSupport.temporaryDirectory().path)))
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:f"
        _ = try service.call("publishVersion", input: ["FunctionName": "f"])
        #expect(
            thrownError { try service.call("createAlias", input: ["FunctionName": "f", "Name": "12", "FunctionVersion": "1"]) }
                == "Lambda.InvalidParameterValueException: 1 validation error detected: Value '12' at 'name' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)")
        #expect(
            thrownError { try service.call("createAlias", input: ["FunctionName": "f", "Name": "live", "FunctionVersion": "4"]) }
                == "Lambda.ResourceNotFoundException: Function not found: \(arn):4")
        #expect(
            thrownError {
                try service.call(
                    "createAlias",
                    input: ["FunctionName": "f", "Name": "live", "FunctionVersion": "1", "RoutingConfig": ["AdditionalVersionWeights": ["1": 1.5]]])
            } == "Lambda.InvalidParameterValueException: Invalid weight for version 1: a weight is between 0.0 and 1.0")
        #expect(
            thrownError { try service.call("updateAlias", input: ["FunctionName": "f", "Name": "live", "FunctionVersion": "1"]) }
                == "Lambda.ResourceNotFoundException: Cannot find alias arn: \(arn):live")
        #expect(
            thrownError { try service.call("publishVersion", input: ["FunctionName": "f", "CodeSha256": "abc"]) }
                == "Lambda.InvalidParameterValueException: CodeSHA256 (abc) is different from current CodeSHA256 in $LATEST (\(LambdaService.sha256("f"))). "
                + "Please try again with the correct CodeSHA256 value.")
        #expect(
            thrownError { try service.call("updateFunctionCode", input: ["FunctionName": "f", "ZipFile": "UEsDBA=="]) }
                == "Lambda.InvalidParameterValueException: Locally, code is named, not uploaded: give ImageUri or S3Key, the resources-file entry that runs it."
        )
        let alias = try service.call("createAlias", input: ["FunctionName": "f", "Name": "live", "FunctionVersion": "$LATEST"])
        #expect(
            thrownError { try service.call("updateAlias", input: ["FunctionName": "f", "Name": "live", "RevisionId": "stale"]) }
                == "Lambda.PreconditionFailedException: The Revision Id provided does not match the latest Revision Id. "
                + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id")
        let moved = try service.call(
            "updateAlias", input: ["FunctionName": "f", "Name": "live", "FunctionVersion": "1", "RevisionId": alias["RevisionId"] ?? .null])
        #expect(moved["FunctionVersion"] == "1")
        #expect(try service.call("deleteAlias", input: ["FunctionName": "f", "Name": "live"]) == [:])
        #expect(try service.call("deleteAlias", input: ["FunctionName": "f", "Name": "live"]) == [:])
        #expect(try service.call("listAliases", input: ["FunctionName": "f"]) == ["Aliases": []])
        #expect(
            thrownError { try service.call("getFunction", input: ["FunctionName": "a:b:c:d"]) }?.hasPrefix(
                "Lambda.InvalidParameterValueException: 1 validation error") == true)
    }
}
