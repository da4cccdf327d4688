import Foundation
import JSON
import Stepwise

/// Runs activity Tasks (`arn:aws:states:<region>:<account>:activity:<name>`): queues the task for a worker,
/// records ActivityStarted when one takes it (GetActivityTask), and waits for its SendTask* callback.
///
/// The task's token is `<executionArn>#<taskId>`, like a `.waitForTaskToken` token, so it survives a restart:
/// after one the task is queued again (at least once, as on AWS) unless its callback already came. A worker that
/// took the task before the restart may still answer it: its callback completes the task even while the task
/// waits in the queue again (which then takes it off).
struct ActivityResolver: TaskResolver {
    let catalog: ActivityCatalog
    let broker: ActivityBroker
    let registry: TokenRegistry

    func handler(for task: TaskReference) -> TaskHandler? {
        guard ResourceName(task.resource) == .activity else { return nil }
        let catalog = catalog
        let broker = broker
        let registry = registry
        let arn = task.resource
        return { input, context in
            guard await catalog.exists(arn) else { throw StatesError.runtime("The activity \(arn) does not exist.") }
            let token = TaskToken.text(for: context)
            let heartbeat: @Sendable () async -> Void = { await context.heartbeat() }
            if await registry.open(token, heartbeat: heartbeat) != nil {
                return try await registry.wait(token) { context.timedOut }.result()
            }
            return try await withThrowingTaskGroup(of: JSON?.self) { group in
                group.addTask {
                    let worker = try await broker.enqueue(arn: arn, task: ActivityTask(token: token, input: input))
                    await context.activityStarted(worker: worker)
                    return nil
                }
                group.addTask { try await registry.wait(token) { context.timedOut }.result() }
                // The first non-nil answer is the callback's; a worker taking the task only records ActivityStarted.
                while let answer = try await group.next() {
                    guard let result = answer else { continue }
                    group.cancelAll()
                    return result
                }
                throw CancellationError()
            }
        }
    }
}
