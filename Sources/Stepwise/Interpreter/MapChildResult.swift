import Foundation
import JSON

/// One child of a Distributed Map, as the ResultWriter reports it.
package struct MapChildResult: Sendable {
    package let index: Int
    package let input: JSON
    package let output: JSON?
    package let error: String?
    package let cause: String?
    /// The child execution: its name, ARN and state machine (`<machine ARN>/<label>`), when it ran.
    package let name: String
    package let executionArn: String
    package let stateMachineArn: String
    package let startDate: Date
    package let stopDate: Date

    package var succeeded: Bool { output != nil }

    package init(
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
