import Foundation

/// One interpreter step as the driver hands it to its journal: its number in the execution's log (1 first), its
/// time, its input, the history events it produced and what it changed in Map Runs and their child executions.
public struct RecordedStep: Sendable {
    public let sequence: Int
    public let time: Date
    public let input: StepInput
    public let events: [HistoryEvent]
    public let mapRuns: MapRunChanges
}
