import Foundation
import JSON

/// The driver's way into its journal: numbers each step and records it, and holds back the tasks a step decided
/// until the journal reports that step durable (write-ahead).
///
/// A crash then re-runs at most the tasks that were in flight, never one whose completion was already
/// acknowledged by a later step. Without it, a journal that falls behind under load loses every completion it
/// had not written yet, and resume runs all those tasks again. Without a journal nothing is held.
struct WriteAheadJournal {
    let journal: (any ExecutionJournal)?
    /// The last step recorded, and the last one the journal reported durable.
    private(set) var sequence: Int
    private var durableSequence: Int
    /// Dispatches waiting until the step that decided them (`sequence`) is durable, in step order.
    private var held: [(sequence: Int, task: TaskDispatch)] = []
    /// Whether a wait for the journal is under way.
    private var syncing = false

    /// `sequence`: the steps already recorded (and durable) before this driver took over.
    init(_ journal: (any ExecutionJournal)?, sequence: Int) {
        self.journal = journal
        self.sequence = sequence
        durableSequence = sequence
    }

    /// Dispatches held back.
    var count: Int { held.count }

    /// Records one step under the next sequence number.
    mutating func record(_ execution: ExecutionInfo, time: Date, input: StepInput, events: [HistoryEvent], mapRuns: MapRunChanges) {
        guard let journal else { return }
        sequence += 1
        journal.record(execution: execution, step: RecordedStep(sequence: sequence, time: time, input: input, events: events, mapRuns: mapRuns))
    }

    /// The task if it may run now; nil when it waits for the step that decided it (the last one) to be durable.
    mutating func admit(_ task: TaskDispatch) -> TaskDispatch? {
        guard journal != nil, sequence > durableSequence else { return task }
        held.append((sequence, task))
        return nil
    }

    /// Forgets a held dispatch the interpreter cancelled.
    mutating func drop(_ id: Int) { held.removeAll { $0.task.id == id } }

    /// Forgets every held dispatch: the execution ended.
    mutating func dropAll() { held.removeAll() }

    /// Starts a wait for the steps so far to become durable, when something is held and no wait is under way:
    /// answers the journal to wait on and the step to wait for.
    mutating func beginSync() -> (journal: any ExecutionJournal, sequence: Int)? {
        guard let journal, !held.isEmpty, !syncing else { return nil }
        syncing = true
        return (journal, sequence)
    }

    /// The journal made every step up to `target` durable: answers the dispatches that may run now, in order.
    mutating func synced(upTo target: Int) -> [TaskDispatch] {
        syncing = false
        durableSequence = max(durableSequence, target)
        let ready = held.prefix { $0.sequence <= target }.map(\.task)
        held.removeFirst(ready.count)
        return ready
    }

    func finished(_ execution: ExecutionInfo, _ result: ExecutionResult) {
        journal?.finished(execution: execution, result: result)
    }
}
