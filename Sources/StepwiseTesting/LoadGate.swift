import Testing

/// Keeps tests that measure real time apart from tests that load the machine.
///
/// Swift Testing runs every test of the package at once. On a two-core CI machine the crash tests (which start
/// and kill `stepwise` processes) and the 100,000-row runs keep both cores busy, and a test whose assertion is
/// about real time — a heartbeat every 250 ms against a 2 s HeartbeatSeconds, a poll that must still be waiting —
/// then sees its own sleeps stretched by seconds and fails for a reason that is not the code under test.
/// `.realTime` tests run alone with respect to `.heavy` ones (heavy ones run together freely).
package struct LoadTrait: TestTrait, SuiteTrait, TestScoping {
    let exclusive: Bool

    package var isRecursive: Bool { true }

    package func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        testCase == nil ? nil : self  // one scope per test case, none around a whole suite
    }

    // `@concurrent` spells out the isolation Testing's requirement was compiled with (this package defaults
    // async functions to nonisolated(nonsending)).
    @concurrent package func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @concurrent @Sendable () async throws -> Void
    ) async throws {
        await LoadGate.shared.acquire(exclusive: exclusive)
        do {
            try await function()
        } catch {
            await LoadGate.shared.release(exclusive: exclusive)
            throw error
        }
        await LoadGate.shared.release(exclusive: exclusive)
    }
}

extension Trait where Self == LoadTrait {
    /// The test asserts on real elapsed time: it waits until no `.heavy` test runs, and none starts meanwhile.
    package static var realTime: Self { LoadTrait(exclusive: true) }
    /// The test keeps the machine busy (child processes, very large runs): `.realTime` tests wait for it.
    package static var heavy: Self { LoadTrait(exclusive: false) }
}

/// A first-come, first-served readers–writer gate: heavy tests share it, real-time tests hold it alone.
actor LoadGate {
    static let shared = LoadGate()

    private var shared = 0
    private var exclusiveHeld = false
    private var queue: [(exclusive: Bool, continuation: CheckedContinuation<Void, Never>)] = []

    func acquire(exclusive: Bool) async {
        if queue.isEmpty, canEnter(exclusive: exclusive) { return enter(exclusive: exclusive) }
        await withCheckedContinuation { queue.append((exclusive, $0)) }
    }

    func release(exclusive: Bool) {
        if exclusive { exclusiveHeld = false } else { shared -= 1 }
        while let first = queue.first, canEnter(exclusive: first.exclusive) {
            queue.removeFirst()
            enter(exclusive: first.exclusive)
            first.continuation.resume()
        }
    }

    private func canEnter(exclusive: Bool) -> Bool {
        exclusive ? !exclusiveHeld && shared == 0 : !exclusiveHeld
    }

    private func enter(exclusive: Bool) {
        if exclusive { exclusiveHeld = true } else { shared += 1 }
    }
}
