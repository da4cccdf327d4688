import Foundation
import JSON
import Stepwise
import StepwiseStore

extension JobScheduler {
    /// Starts the `onEnd` workflow with the execution's "Step Functions Execution Status Change" event, when it
    /// ended with one of the statuses it listens to — what an EventBridge rule does on AWS. A job whose
    /// execution times out or is stopped cannot record that itself (nothing runs in it any more); this can.
    func notify(_ onEnd: JobSettings.OnEnd, ended arn: String) async {
        await service.durable.sync()
        guard let record = try? await service.execution(arn: arn), onEnd.statuses.contains(record.status.rawValue) else { return }
        let event = Self.statusChangeEvent(record, region: service.region, account: service.account)
        _ = try? await service.startRecordedExecution(
            StartExecutionInput(stateMachineArn: service.stateMachineArn(onEnd.workflow), input: event.serialized()))
    }

    /// The event AWS sends to EventBridge when an execution's status changes (detail-type "Step Functions
    /// Execution Status Change"): dates in epoch milliseconds, input and output as JSON text.
    static func statusChangeEvent(_ record: ExecutionRecord, region: String, account: String) -> JSON {
        let millis = { (date: Date) in JSON.int(Int((date.timeIntervalSince1970 * 1000).rounded())) }
        let time = (record.stopDate ?? Date()).formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
        let detail: JSONObject = [
            "executionArn": .string(record.arn), "stateMachineArn": .string(record.stateMachineArn), "name": .string(record.name),
            "status": .string(record.status.rawValue), "startDate": millis(record.startDate), "stopDate": record.stopDate.map(millis) ?? .null,
            "input": .string(record.input), "output": record.output.map(JSON.string) ?? .null, "inputDetails": ["included": true],
            "outputDetails": record.output == nil ? .null : ["included": true], "error": record.error.map(JSON.string) ?? .null,
            "cause": record.cause.map(JSON.string) ?? .null,
        ]
        return [
            "version": "0", "id": .string(UUID().uuidString.lowercased()), "detail-type": "Step Functions Execution Status Change",
            "source": "aws.states", "account": .string(account), "time": .string(time), "region": .string(region),
            "resources": [.string(record.arn)], "detail": .object(detail),
        ]
    }
}
