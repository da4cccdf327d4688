import Foundation
import JSON
import Stepwise

/// `transitions`: state entries per second through the public Runtime (virtual clock, history recorded).
enum TransitionsBenchmark {
    struct Workload {
        var name: String
        var definition: String
        var input: JSON
    }

    struct Figure {
        var name: String
        var transitions: Int
        var milliseconds: Double
        var failure: String?
        var perSecond: Double { failure == nil ? Double(transitions) / (milliseconds / 1000) : .nan }
    }

    static func workloads() -> [Workload] {
        let n = Workloads.loopIterations
        return [
            Workload(name: "loop", definition: Workloads.loop(iterations: n), input: [:]),
            Workload(name: "chain", definition: Workloads.chain(states: 1_000), input: [:]),
            Workload(name: "param-chain", definition: Workloads.parameterChain(states: 2 * n + 3), input: ["i": 0]),
            Workload(name: "jsonata-map", definition: Workloads.jsonataWaitMap(items: 1_000), input: [:]),
        ]
    }

    static func run(harness: Harness, peer: Bool) async throws {
        print(
            "transitions: Runtime(clock: .virtual), history recorded; \(harness.repetitions) executions after "
                + "\(harness.warmup) warm-up, median\n")
        var figures: [Figure] = []
        for workload in workloads() { figures.append(try await measure(workload, harness: harness)) }
        let report = peer ? try MotoPeer.run() : nil
        let peers = report?.figures ?? [:]

        var table = Table("workload", "transitions", "ms/execution", "transitions/s", "moto transitions/s", "ratio")
        for figure in figures {
            let moto = peers[figure.name]
            table.add(
                figure.name, formatCount(Double(figure.transitions)), format(figure.milliseconds, decimals: 2),
                figure.failure.map { "FAILED: \($0)" } ?? formatCount(figure.perSecond),
                moto.map { formatCount($0.perSecond) } ?? "-",
                moto.map { figure.failure == nil ? format(figure.perSecond / $0.perSecond, decimals: 0) + "×" : "n/a" } ?? "-")
        }
        print(table.render())
        if let report {
            let runs = ["loop", "chain"].compactMap { report.figures[$0] }.map { "\($0.name) \($0.transitions) transitions" }
            print(
                "\nmoto \(report.version): \(runs.joined(separator: ", ")), median of \(MotoPeer.repeats) runs each; "
                    + "param-chain is compared with moto's plain chain")
        }
    }

    /// Runs the workload `harness.repetitions` times and counts the state entries of the last execution.
    static func measure(_ workload: Workload, harness: Harness) async throws -> Figure {
        let machine = try StateMachine(text: workload.definition, name: workload.name)
        let runtime = Runtime(clock: .virtual)
        let probe = try await runtime.start(machine, input: workload.input)
        let result = await probe.result
        let entered = await probe.history.filter { $0.type.rawValue.hasSuffix("StateEntered") }.count
        guard result.status == .succeeded else {
            let why = "\(result.status.rawValue) \(result.error ?? ""): \(result.cause ?? "")"
            return Figure(name: workload.name, transitions: entered, milliseconds: .nan, failure: why)
        }
        let milliseconds = try await harness.asyncMedian { () async throws -> Int in
            let execution = try await runtime.start(machine, input: workload.input)
            return await execution.result.status == .succeeded ? 1 : 0
        }
        return Figure(name: workload.name, transitions: entered, milliseconds: milliseconds)
    }
}
