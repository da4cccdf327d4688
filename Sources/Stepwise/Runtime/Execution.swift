import Foundation
import JSON

/// A running or finished execution: its live history, its result, and a way to stop it.
public final class Execution: Sendable {
    public let name: String
    public let arn: String
    package let startDate: Date
    let driver: ExecutionDriver

    init(name: String, arn: String, startDate: Date, driver: ExecutionDriver) {
        self.name = name
        self.arn = arn
        self.startDate = startDate
        self.driver = driver
    }

    /// Every history event from the first, then live ones until the execution ends.
    public var events: AsyncStream<HistoryEvent> {
        let (stream, continuation) = AsyncStream<HistoryEvent>.makeStream()
        let driver = driver
        Task { await driver.subscribe(continuation) }
        return stream
    }

    /// The outcome; waits for the end of the execution.
    public var result: ExecutionResult {
        get async { await driver.waitForResult() }
    }

    /// The history recorded so far.
    public var history: [HistoryEvent] {
        get async { await driver.history }
    }

    /// Stops the execution (StopExecution): running tasks are cancelled and ExecutionAborted is recorded.
    public func stop(error: String? = nil, cause: String? = nil) async {
        await driver.stop(error: error, cause: cause)
    }

    /// The Map Runs of the execution's Distributed Maps so far, oldest first, as DescribeMapRun shows them.
    public var mapRuns: [MapRunRecord] {
        get async { await driver.mapRuns }
    }

    /// The states waiting out a Retry backoff right now, soonest first (for progress displays).
    package var retries: [RetryInProgress] {
        get async { await driver.retries }
    }

    /// Changes a running Map Run's MaxConcurrency or tolerated failures (UpdateMapRun; nil leaves a setting as it
    /// is). The change is a step input like any other, so it is journaled and replayed after a crash.
    public func updateMapRun(
        arn: String, maxConcurrency: Int? = nil, toleratedFailureCount: Int? = nil, toleratedFailurePercentage: Double? = nil
    ) async {
        await driver.submit(
            .updateMapRun(
                mapRunArn: arn, maxConcurrency: maxConcurrency, toleratedFailureCount: toleratedFailureCount,
                toleratedFailurePercentage: toleratedFailurePercentage))
    }
}
