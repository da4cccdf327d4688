import Foundation
import JSON

/// One entry of an execution's history, as GetExecutionHistory returns it (asl-reference §7).
///
/// Details hold JSON values, not text: serializing inputs and outputs is deferred until someone reads the
/// event as JSON, so recording stays cheap on the hot path.
public struct HistoryEvent: Sendable {
    public let id: Int
    public let previousEventId: Int
    public let timestamp: Date
    public let type: EventType
    public let details: Details

    package init(id: Int, previousEventId: Int, timestamp: Date, type: EventType, details: Details) {
        self.id = id
        self.previousEventId = previousEventId
        self.timestamp = timestamp
        self.type = type
        self.details = details
    }

    /// The event's detail object, by the shape its type uses.
    public enum Details: Sendable {
        case none
        case executionStarted(input: JSON, roleArn: String)
        case executionSucceeded(output: JSON)
        case failure(error: String?, cause: String?)
        case stateEntered(name: String, input: JSON)
        case stateExited(name: String, output: JSON, assignedVariables: [(String, JSON)]?)
        case taskScheduled(resourceType: String, resource: String, region: String, parameters: JSON, timeout: Int?, heartbeat: Int?)
        case task(resourceType: String, resource: String)
        case taskOutput(resourceType: String, resource: String, output: JSON)
        case taskFailure(resourceType: String, resource: String, error: String?, cause: String?)
        case lambdaScheduled(resource: String, input: JSON, timeout: Int?)
        case activityScheduled(resource: String, input: JSON, timeout: Int?, heartbeat: Int?)
        case output(JSON)
        case mapStarted(length: Int)
        case mapRun(arn: String)
        case activityStarted(workerName: String)
        case mapIteration(name: String, index: Int)
        case evaluationFailed(error: String, cause: String, location: String?, state: String)
        /// ExecutionRedriven: how many times the execution has been redriven, this redrive included.
        case executionRedriven(redriveCount: Int)
        /// MapRunRedriven: the Map Run and how many times it has been redriven, this redrive included.
        case mapRunRedriven(arn: String, redriveCount: Int)
    }

    /// The state name the event belongs to, when it has one.
    public var stateName: String? {
        switch details {
        case .stateEntered(let name, _), .stateExited(let name, _, _), .mapIteration(let name, _): name
        case .evaluationFailed(_, _, _, let state): state
        default: nil
        }
    }
}
