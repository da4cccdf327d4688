import Foundation
import JSON
import Stepwise
import StepwiseStore

/// Express executions: run in memory, never stored (StartSyncExecution, and StartExecution of an EXPRESS machine).
extension StepFunctionsService {
    /// Runs an execution of an EXPRESS state machine to its end, in memory only (Express executions have no
    /// stored history); its ARN is `…:express:<machine>:<name>:<uuid>` as on AWS.
    ///
    /// - Throws: StateMachineTypeNotSupported for a STANDARD machine, and StartExecution's errors.
    package func startSyncExecution(_ input: StartExecutionInput) async throws -> StartSyncExecutionOutput {
        let record = try await startTarget(input.stateMachineArn).machine
        guard record.type == .express else { throw StepFunctionsError.typeNotSupported }
        let (info, execution) = try await startExpress(record, name: input.name, input: try Self.parseInput(input.input))
        let result = await execution.result
        return StartSyncExecutionOutput(info: info, result: result, stopDate: result.stopDate ?? Date())
    }

    /// Starts an execution of an EXPRESS state machine in memory, with AWS's `…:express:<machine>:<name>:<uuid>`
    /// ARN: nothing is stored, the same name may start again at once, and the describe and history actions refuse
    /// its ARN (InvalidArn), as on AWS. It runs on in the background; a restart does not resume it (AWS runs
    /// Express executions at most once).
    func startExpress(_ record: StateMachineRecord, name: String?, input value: JSON) async throws -> (ExecutionInfo, Execution) {
        if let name, !ExecutionName.isValid(name) { throw StepFunctionsError.invalidName(name) }
        let machine = try self.machine(for: record)
        do {
            let prepared = try runtime.prepare(machine, input: value, name: name, roleArn: record.roleArn, stateMachineArn: record.arn)
            let info = ExecutionInfo(
                name: prepared.name,
                arn: "arn:aws:states:\(region):\(account):express:\(record.name):\(prepared.name):\(UUID().uuidString.lowercased())",
                stateMachineName: record.name, stateMachineArn: record.arn, roleArn: record.roleArn, input: value,
                startTime: prepared.startTime, region: region, seed: prepared.seed, clock: prepared.clock)
            return (info, await runtime.start(machine, info: info))
        } catch {
            throw Self.refusal(error)
        }
    }
}
