import Foundation
import JSON

/// One child of a Distributed Map, as the ResultWriter reports it.
public struct MapChildResult: Sendable {
    public let index: Int
    public let input: JSON
    public let output: JSON?
    public let error: String?
    public let cause: String?
    /// The child execution: its name, ARN and state machine (`<machine ARN>/<label>`), when it ran.
    public let name: String
    public let executionArn: String
    public let stateMachineArn: String
    public let startDate: Date
    public let stopDate: Date

    public var succeeded: Bool { output != nil }

    public init(
        index: Int, input: JSON, output: JSON?, error: String?, cause: String?, name: String, executionArn: String, stateMachineArn: String,
        startDate: Date, stopDate: Date
    ) {
        self.index = index
        self.input = input
        self.output = output
        self.error = error
        self.cause = cause
        self.name = name
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.startDate = startDate
        self.stopDate = stopDate
    }
}
