import Foundation
import JSON
import StepFunctions

/// The AWS Step Functions API over the AWS JSON 1.0 protocol (asl-reference §8): `POST /` with
/// `X-Amz-Target: AWSStepFunctions.<Action>` and a JSON body of the action's members.
///
/// Who may call is decided before this (`serve --auth`, docs/http-api.md "Access control"). Actions are
/// dispatched through ``actions``; each decodes its members into the action's input, calls the
/// `StepFunctionsService` and encodes its output: the rules are the service's, this is only the wire.
package struct StepFunctionsAPI: Sendable {
    /// One action: reads the request members, answers the response members.
    typealias Action = @Sendable (StepFunctionsService, Members) async throws -> JSON

    let service: StepFunctionsService

    package init(service: StepFunctionsService) { self.service = service }

    /// Every action Stepwise serves, by name.
    static let actions: [String: Action] = [
        "CreateStateMachine": createStateMachine, "UpdateStateMachine": updateStateMachine,
        "DescribeStateMachine": describeStateMachine, "DescribeStateMachineForExecution": describeStateMachineForExecution,
        "ListStateMachines": listStateMachines, "DeleteStateMachine": deleteStateMachine,
        "ValidateStateMachineDefinition": validateStateMachineDefinition,
        "StartExecution": startExecution, "StartSyncExecution": startSyncExecution, "StopExecution": stopExecution,
        "RedriveExecution": redriveExecution,
        "DescribeExecution": describeExecution, "ListExecutions": listExecutions, "GetExecutionHistory": getExecutionHistory,
        "TagResource": tagResource, "UntagResource": untagResource, "ListTagsForResource": listTagsForResource,
        "SendTaskSuccess": sendTaskSuccess, "SendTaskFailure": sendTaskFailure, "SendTaskHeartbeat": sendTaskHeartbeat,
        "CreateActivity": createActivity, "DescribeActivity": describeActivity, "ListActivities": listActivities,
        "DeleteActivity": deleteActivity, "GetActivityTask": getActivityTask,
        "DescribeMapRun": describeMapRun, "ListMapRuns": listMapRuns, "UpdateMapRun": updateMapRun,
        "TestState": testState,
        "PublishStateMachineVersion": publishStateMachineVersion, "ListStateMachineVersions": listStateMachineVersions,
        "DeleteStateMachineVersion": deleteStateMachineVersion, "CreateStateMachineAlias": createStateMachineAlias,
        "DescribeStateMachineAlias": describeStateMachineAlias, "UpdateStateMachineAlias": updateStateMachineAlias,
        "DeleteStateMachineAlias": deleteStateMachineAlias, "ListStateMachineAliases": listStateMachineAliases,
    ]

    /// Answers one request; never throws (every failure becomes an AWS error response).
    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        do {
            let target = request.headers["X-Amz-Target"]
            let action = try Self.action(for: target)
            let members = try Self.members(of: request)
            // The one response written as bytes: a history page of up to 1,000 events, from their stored text.
            if target == AWSJSON.targetPrefix + "GetExecutionHistory", let body = try await Self.executionHistoryBody(service, members) {
                return HTTPResponse(headers: ["Content-Type": AWSJSON.contentType], body: body)
            }
            return .json(try await action(service, members), contentType: AWSJSON.contentType)
        } catch let error as StepFunctionsError {
            return error.httpResponse
        } catch {
            return StepFunctionsError.internalFailure.httpResponse
        }
    }

    /// The action named by the target header. Like AWS (observed: HTTP 400,
    /// `{"__type":"com.amazon.coral.service#UnknownOperationException"}`), an unknown target is a client error;
    /// we add a message saying which target.
    static func action(for target: String?) throws(StepFunctionsError) -> Action {
        guard let target, target.hasPrefix(AWSJSON.targetPrefix) else {
            throw StepFunctionsError.unknownOperation("Missing or unknown X-Amz-Target: expected AWSStepFunctions.<Action>")
        }
        let name = String(target.dropFirst(AWSJSON.targetPrefix.count))
        if let action = actions[name] { return action }
        throw StepFunctionsError.unknownOperation("Unknown operation: \(target)")
    }

    /// The body as an object of members (an empty body counts as `{}`).
    static func members(of request: HTTPRequest) throws(StepFunctionsError) -> Members {
        guard !request.body.isEmpty else { return Members(JSONObject()) }
        let json: JSON
        do { json = try JSON(parsing: request.body) } catch {
            throw StepFunctionsError.serialization("The request body is not valid JSON: \(error.message)")
        }
        guard let object = json.objectValue else {
            throw StepFunctionsError.serialization("The request body must be a JSON object, not \(json.typeName)")
        }
        return Members(object)
    }
}

extension Date {
    /// The date as AWS JSON renders timestamps: fractional epoch seconds.
    var epochJSON: JSON { .double(timeIntervalSince1970) }
}
