import Foundation
import JSON
import Stepwise
import StepwiseHost

/// A finished execution as tests look at it.
package struct FinishedRun: Sendable {
    package let result: ExecutionResult
    package let history: [HistoryEvent]

    /// The event types in order.
    package var types: [String] { history.map(\.type.rawValue) }
    /// `Type` or `Type:state` for each event, for compact sequence assertions.
    package var trace: [String] { history.map { event in event.stateName.map { "\(event.type.rawValue):\($0)" } ?? event.type.rawValue } }
    /// Seconds from the start of the execution to each event of this type.
    package func offsets(of type: EventType) -> [Double] {
        let start = history[0].timestamp
        return history.filter { $0.type == type }.map { ($0.timestamp.timeIntervalSince(start) * 1000).rounded() / 1000 }
    }
}

extension TestSupport {
    /// Runs a definition (JSON text) to its end, in memory, on a host's runtime prepared by `configure`.
    package static func run(
        _ definition: String, input: JSON = [:], clock: ClockKind = .virtual, configure: (Runtime) -> Void = { _ in }
    ) async throws -> FinishedRun {
        let runtime = try await RuntimeHost(HostOptions(clock: clock)).runtime
        configure(runtime)
        let machine = try StateMachine(text: definition, name: "Test")
        let execution = try await runtime.start(machine, input: input, name: "run")
        let result = await execution.result
        return FinishedRun(result: result, history: await execution.history)
    }
}
