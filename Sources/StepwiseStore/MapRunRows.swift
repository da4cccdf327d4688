import Foundation
import Stepwise

/// What a step changed in Map Runs and their child executions, as rows ready to write: payloads and events are
/// serialized by whoever builds it (the journal, on the execution's side), not on the store's serial queue.
package struct MapRunRows: Sendable {
    /// A child execution's row in `map_run_executions`.
    package struct Child: Sendable {
        let arn, name, mapRunArn, stateMachineArn, parentArn, status, input: String
        let output, error, cause: String?
        let startDate: Double
        let stopDate: Double?
        let redriveCount: Int
        let redriveDate: Double?
    }

    package internal(set) var runs: [MapRunRecord]
    package let children: [Child]
    /// Each child's new events encoded as history segment pieces (``LogEncoder``, as its parent's), in order.
    let childLogs: [(executionArn: String, pieces: [LogEncoder.Piece])]

    package init(_ changes: MapRunChanges) {
        runs = changes.mapRuns
        children = changes.children.map { child in
            Child(
                arn: child.arn, name: child.name, mapRunArn: child.mapRunArn, stateMachineArn: child.stateMachineArn,
                parentArn: child.parentArn, status: child.status.rawValue, input: child.input.serialized(),
                output: child.output?.serialized(), error: child.error, cause: child.cause,
                startDate: child.startDate.timeIntervalSince1970, stopDate: child.stopDate?.timeIntervalSince1970,
                redriveCount: child.redriveCount, redriveDate: child.redriveDate?.timeIntervalSince1970)
        }
        var order: [String] = []
        var encoders: [String: LogEncoder] = [:]
        for change in changes.childEvents {
            if encoders[change.executionArn] == nil {
                order.append(change.executionArn)
                encoders[change.executionArn] = LogEncoder()
            }
            encoders[change.executionArn]?.event(change.event)
        }
        childLogs = order.map { arn in (arn, encoders[arn]?.finish() ?? []) }
    }

    /// Rows the write adds or changes, for the group commit's size limit.
    var rowCount: Int { runs.count + children.count + childLogs.reduce(0) { $0 + $1.pieces.count } }
}
