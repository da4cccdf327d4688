import Foundation
import Stepwise

extension ActivityBroker {
    /// GetActivityTask: the oldest scheduled task of the activity, waiting up to `timeout` for one; nil when none
    /// came. - Throws: ``ActivityError/workerLimitExceeded(arn:)`` past 1,000 concurrent polls.
    package func poll(arn: String, worker: String, timeout: Duration) async throws -> ActivityTask? {
        if let first = queued[arn]?.first {
            queued[arn]?.removeFirst()
            first.taken.resume(returning: worker)
            return first.task
        }
        guard pollerCount(arn) < Self.maxPollers else { throw ActivityError.workerLimitExceeded(arn: arn) }
        let id = makeId()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ActivityTask?, Never>) in
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    await self?.expire(arn, id)
                }
                pollers[arn, default: []].append(Poller(id: id, worker: worker, continuation: continuation, timer: timer))
            }
        } onCancel: {
            Task { await self.expire(arn, id) }
        }
    }

    /// Schedules a task and waits until a worker takes it; answers the worker's name. Cancellation (a stop, a
    /// time-out) takes the task off the queue.
    package func enqueue(arn: String, task: ActivityTask) async throws -> String {
        if let poller = pollers[arn]?.first {
            pollers[arn]?.removeFirst()
            poller.timer?.cancel()
            poller.continuation.resume(returning: task)
            return poller.worker
        }
        let id = makeId()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, any Error>) in
                guard !Task.isCancelled else { return continuation.resume(throwing: CancellationError()) }
                queued[arn, default: []].append(Queued(id: id, task: task, taken: continuation))
            }
        } onCancel: {
            Task { await self.withdraw(arn, id) }
        }
    }

    /// Ends a poll that found nothing in time.
    func expire(_ arn: String, _ id: Int) {
        guard let index = pollers[arn]?.firstIndex(where: { $0.id == id }), let poller = pollers[arn]?.remove(at: index) else { return }
        poller.timer?.cancel()
        poller.continuation.resume(returning: nil)
    }

    /// Takes a cancelled task off its queue.
    func withdraw(_ arn: String, _ id: Int) {
        guard let index = queued[arn]?.firstIndex(where: { $0.id == id }), let task = queued[arn]?.remove(at: index) else { return }
        task.taken.resume(throwing: CancellationError())
    }
}
