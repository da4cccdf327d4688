import Synchronization

/// A request to stop an evaluation in progress (StopExecution, an execution's time-out): the evaluator checks it
/// wherever it checks its deadline — every few hundred steps of evaluation, of a sort, of `$distinct`, of string
/// building, and in the regex engine's step loop — and fails with ``JSONataError/interruptedCode``.
package final class EvaluationInterrupt: Sendable {
    private let flag = Atomic<Bool>(false)

    package init() {}

    /// One requested from the start: every evaluation given it stops at its first check (the replay of an
    /// interrupted step, `StepInput.interrupted`).
    package static let requested: EvaluationInterrupt = {
        let interrupt = EvaluationInterrupt()
        interrupt.request()
        return interrupt
    }()

    package func request() { flag.store(true, ordering: .relaxed) }

    package var isRequested: Bool { flag.load(ordering: .relaxed) }
}
