import Foundation
import JSON
import Stepwise

/// The parameters of a `states:startExecution` Task: `StateMachineArn` (required), `Input` (a JSON value, or
/// JSON text), `Name`.
struct NestedRequest: Sendable {
    let stateMachineArn: String
    let input: JSON
    let name: String?

    init(_ parameters: JSON) throws(StatesError) {
        guard let arn = parameters["StateMachineArn"]?.stringValue else {
            throw StatesError(
                "States.Runtime", "The field 'StateMachineArn' is required by the resource \(NestedPattern.base) and must be a string")
        }
        stateMachineArn = arn
        name = parameters["Name"]?.stringValue
        switch parameters["Input"] {
        case nil, .null?: input = .object(JSONObject())
        case .string(let text)?:
            do { input = try JSON(parsing: text) } catch {
                throw NestedRequest.serviceError("InvalidExecutionInput", "Invalid State Machine Execution Input: '\(error.message)'")
            }
        case let value?: input = value
        }
    }

    /// A Step Functions API error as a task sees it: `StepFunctions.<Code>Exception`, with the SDK's cause.
    static func serviceError(_ code: String, _ message: String) -> StatesError {
        StatesError(
            "StepFunctions.\(code)Exception",
            "\(message) (Service: AWSStepFunctions; Status Code: 400; Error Code: \(code); Request ID: \(UUID().uuidString.lowercased()); Proxy: null)"
        )
    }

    /// The child's name when the Task gives none: derived from the parent task (`<executionArn>#<taskId>`), so
    /// the task dispatched again after a restart finds the child it started instead of starting another.
    static func defaultName(for context: TaskContext) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(context.executionArn)#\(context.taskId)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return "\(padded.prefix(8))-\(padded.dropFirst(8).prefix(4))-\(padded.suffix(4))-\(context.taskId)"
    }
}
