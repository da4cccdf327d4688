import Foundation
import Stepwise
import StepwiseStore

extension Engine {
    /// How a synchronous Express execution ended (StartSyncExecution's answer).
    public struct SyncRun: Sendable {
        public var info: ExecutionInfo
        public var result: ExecutionResult
    }

    /// Runs an execution of an EXPRESS state machine to its end, in memory only (Express executions have no
    /// stored history); its ARN is `…:express:<machine>:<name>:<uuid>` as on AWS.
    ///
    /// - Throws: StateMachineTypeNotSupported for a STANDARD machine, and StartExecution's errors.
    public func startSyncExecution(stateMachineArn: String, name: String?, input: String?) async throws -> SyncRun {
        let record = try await stateMachine(arn: stateMachineArn)
        guard record.type == .express else { throw APIError.typeNotSupported }
        let value = try Self.parseInput(input)
        if let name, !ExecutionName.isValid(name) { throw APIError.invalidName(name) }
        let machine = try self.machine(for: record)
        do {
            let prepared = try runtime.prepare(machine, input: value, name: name, roleArn: record.roleArn, stateMachineArn: record.arn)
            let info = ExecutionInfo(
                name: prepared.name,
                arn: "arn:aws:states:\(region):\(account):express:\(record.name):\(prepared.name):\(UUID().uuidString.lowercased())",
                stateMachineName: record.name, stateMachineArn: record.arn, roleArn: record.roleArn, input: value,
                startTime: prepared.startTime, region: region, seed: prepared.seed)
            let execution = await runtime.start(machine, info: info)
            return SyncRun(info: info, result: await execution.result)
        } catch {
            throw APIError.service(error.code, error.message)
        }
    }
}
