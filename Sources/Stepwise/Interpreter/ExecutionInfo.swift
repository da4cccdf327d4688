import Foundation
import JSON

/// The fixed facts of one execution: names, ARNs, input, start time and the clock it runs on. They feed
/// `$$.Execution` and `$$.StateMachine` (asl-reference §6); the clock travels with them, so a resumed execution
/// runs on the clock it started with, whatever its runtime's default.
public struct ExecutionInfo: Sendable {
    public let name: String
    public let arn: String
    public let stateMachineName: String
    public let stateMachineArn: String
    public let roleArn: String
    public let input: JSON
    public let startTime: Date
    public let region: String
    /// Seeds every random choice of the execution (retry jitter, States.UUID, …) so a replay repeats them.
    public let seed: UInt64
    public let clock: ClockKind

    public init(
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
