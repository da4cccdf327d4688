import Foundation
import JSON
import StatesLanguage

/// The context object of a TestState run: AWS's default one, or a given one checked as AWS checks it.
enum TestStateContext {
    /// The members a given context may have, with the type of each (recorded AWS texts: "Field 'X' is not
    /// allowed", "Execution.Id must be a string").
    static let fields: [String: [String: JSONKind]] = [
        "Execution": ["Id": .string, "Input": .any, "Name": .string, "RoleArn": .string, "StartTime": .string, "RedriveCount": .integer],
        "State": ["EnteredTime": .string, "Name": .string, "RetryCount": .integer],
        "StateMachine": ["Id": .string, "Name": .string],
        "Task": ["Token": .string],
    ]

    enum JSONKind {
        case string, integer, any
    }

    /// Refuses a context AWS refuses: unknown members, `Map`, a `Task` for a state without a task token, wrong types.
    static func validate(_ context: JSON, for state: State) throws(TestStateError) {
        guard case .object(let object) = context else { throw invalid("the Context object must be a JSON object") }
        for (name, value) in object {
            if name == "Map" { throw invalid("'Map' field is not supported when mocking a Context object") }
            guard let members = fields[name] else { throw invalid("Field '\(name)' is not allowed") }
            if name == "Task", !Self.hasTaskToken(state) {
                throw invalid(
                    "Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern")
            }
            guard case .object(let fieldValues) = value else { throw invalid("\(name) must be an object") }
            for (member, memberValue) in fieldValues {
                guard let kind = members[member] else { throw invalid("Field '\(member)' is not allowed") }
                switch kind {
                case .string where memberValue.stringValue == nil: throw invalid("\(name).\(member) must be a string")
                case .integer where memberValue.numberValue?.isInteger != true: throw invalid("\(name).\(member) must be an integer")
                default: continue
                }
            }
        }
    }

    static func invalid(_ reason: String) -> TestStateError { .validation("Invalid Context object provided: \(reason)") }

    /// Whether the state is a Task of the `.sync` or `.waitForTaskToken` pattern.
    static func hasTaskToken(_ state: State) -> Bool {
        guard case .task(let task) = state.kind else { return false }
        return task.resource.hasSuffix(".waitForTaskToken") || task.resource.contains(".sync")
    }

    /// AWS's context for a test without one (recorded): an Express-style execution ARN, the role (null when none
    /// was given), the state under the name `StateName`, and `RetryCount` for Task, Parallel and Map states.
    static func standard(_ info: ExecutionInfo, roleArn: String?, state: State, retryCount: Int) -> JSON {
        var stateObject: JSONObject = ["Name": .string(TestStateTarget.loneStateName), "EnteredTime": .string(ISOTimestamp.format(info.startTime))]
        switch state.type {
        case .task, .parallel, .map: stateObject["RetryCount"] = .int(retryCount)
        default: break
        }
        return [
            "Execution": [
                "Id": .string(info.arn), "Input": info.input, "Name": .string(info.name), "RoleArn": roleArn.map(JSON.string) ?? .null,
                "StartTime": .string(ISOTimestamp.format(info.startTime)),
            ],
            "StateMachine": ["Id": .string(info.stateMachineArn), "Name": .string(info.stateMachineName)],
            "State": .object(stateObject),
        ]
    }
}
