import Foundation
import Stepwise

/// Where callbacks are made durable, so a task token survives a restart (issue 8, item 4).
///
/// A callback is saved before it is acknowledged; a task re-dispatched after a restart looks its token up
/// before waiting, and a callback for a task that is not (yet) waiting is accepted when its execution runs.
package protocol CallbackJournal: Sendable {
    /// Where the token's task stands when no handler waits for it in this process.
    func status(of token: String) async -> TokenStatus
    /// Makes the outcome durable. Returns false when the token already has one (a second callback).
    func save(_ token: String, _ outcome: CallbackOutcome) async throws -> Bool
    /// The saved outcome of a token, if any.
    func outcome(of token: String) async -> CallbackOutcome?
}

/// The journal of a runtime without a store: the process's waiting tasks are the only record of their tokens,
/// so a token no task waits on here is unknown, and nothing is kept for a task dispatched again.
package struct ProcessCallbackJournal: CallbackJournal {
    package init() {}

    package func status(of token: String) async -> TokenStatus { .unknown }

    /// Keeps nothing: the waiting task, if any, takes the outcome directly.
    package func save(_ token: String, _ outcome: CallbackOutcome) async throws -> Bool { true }

    package func outcome(of token: String) async -> CallbackOutcome? { nil }
}

/// Where a token's task stands, as far as the journal knows.
package enum TokenStatus: Sendable, Equatable {
    /// No such execution or task.
    case unknown
    /// Its execution runs and the task has not ended: a callback is kept until the task is dispatched again.
    case open
    /// The task or its execution ended.
    case closed
}

/// A task token: `<executionArn>#<taskId>`, the form the engine puts in `$$.Task.Token`.
package struct TaskToken: Sendable, Hashable {
    package let executionArn: String
    package let taskId: Int

    package init?(_ text: String) {
        guard let hash = text.lastIndex(of: "#"), let id = Int(text[text.index(after: hash)...]), id >= 0 else { return nil }
        executionArn = String(text[..<hash])
        taskId = id
    }

    /// The task's token: `$$.Task.Token`, or the same form built from the context when the state never reads
    /// the context object (the engine then leaves it out) or is an activity task (which has no `$$.Task.Token`).
    static func text(for context: TaskContext) -> String { context.taskToken ?? "\(context.executionArn)#\(context.taskId)" }
}
