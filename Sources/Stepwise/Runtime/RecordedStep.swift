import Foundation

/// One interpreter step as the driver hands it to its journal: its number in the execution's log (1 first), its
/// time, its input, the history events it produced and what it changed in Map Runs and their child executions.
package struct RecordedStep: Sendable {
    package let sequence: Int
    package let time: Date
    package let input: StepInput
    package let events: [HistoryEvent]
    package let mapRuns: MapRunChanges
}
