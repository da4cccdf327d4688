import Stepwise
import StepwiseStore

/// What `run --db` and `resume` say about an execution the store stopped recording (a full disk): where its
/// stored history ends and how to carry it on, instead of an outcome that is not in the database.
enum Unrecorded {
    /// The message for `execution` if its recording stopped, else nil. Tries the store's queued writes once
    /// more first, so the event count given is what the database really ends with.
    static func message(_ execution: Execution, _ durable: DurableRuntime, database: String) async -> String? {
        await durable.sync()
        guard let failure = durable.recordingFailure(arn: execution.arn) else { return nil }
        _ = try? await durable.store.flush()
        let events = (try? await durable.store.execution(arn: execution.arn))?.eventCount
        let position =
            switch events {
            case nil: "its last recorded step"
            case 0?: "before its first event"
            case let count?: "event \(count) of its history"
            }
        return "could not record execution \(execution.name) in \(database) (\(failure.kind.rawValue): \(failure.message)). "
            + "It is left RUNNING at its last recorded step (\(position)); once the database can be written again "
            + "(free some disk space), `stepwise resume --db \(database)` carries it on from there."
    }
}
