import Foundation
import JSON

/// The fixed facts of one execution: names, ARNs, input, start time and the clock it runs on. They feed
/// `$$.Execution` and `$$.StateMachine` (asl-reference §6); the clock travels with them, so a resumed execution
/// runs on the clock it started with, whatever its runtime's default.
package struct ExecutionInfo: Sendable {
    package let name: String
    package let arn: String
    package let stateMachineName: String
    package let stateMachineArn: String
    package let roleArn: String
    package let input: JSON
    package let startTime: Date
    package let region: String
    /// Seeds every random choice of the execution (retry jitter, States.UUID, …) so a replay repeats them.
    package let seed: UInt64
    package let clock: ClockKind

    package init(
        name: String, arn: String, stateMachineName: String, stateMachineArn: String, roleArn: String, input: JSON, startTime: Date,
        region: String = "us-east-1", seed: UInt64 = 0, clock: ClockKind
    ) {
        self.seed = seed
        self.clock = clock
        self.name = name
        self.arn = arn
        self.stateMachineName = stateMachineName
        self.stateMachineArn = stateMachineArn
        self.roleArn = roleArn
        self.input = input
        self.startTime = startTime
        self.region = region
    }
}
