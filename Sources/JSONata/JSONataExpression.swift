import Foundation
import JSON

/// A compiled JSONata 2.0.6 expression. Compile once, evaluate many times: evaluation never re-parses.
public struct JSONataExpression: Sendable {
    public let source: String
    let ast: Node
    /// Functions the host added (or replaced), by name without the `$`.
    public var functions: [String: JSONataFunction]
    /// Built-ins hidden from expressions (AWS removes `eval`).
    public var removedFunctions: Set<String>
    /// Guards against runaway expressions.
    public var limits: JSONataLimits

    /// Compiles an expression; syntax errors carry JSONata's code (S0xxx) and position.
    public init(_ source: String) throws(JSONataError) {
        try self.init(source, functions: [:], removing: [])
    }

    /// Compiles an expression with extra host functions and without some built-ins.
    public init(
        _ source: String, functions: [String: JSONataFunction], removing removed: Set<String> = [], limits: JSONataLimits = JSONataLimits()
    ) throws(JSONataError) {
        self.source = source
        self.ast = try Parser.parse(source)
        self.functions = functions
        self.removedFunctions = removed
        self.limits = limits
    }

    /// Evaluates against `input` (nil = no input) with `$name` bindings; nil means the result is undefined.
    public func evaluate(_ input: JSON?, bindings: [String: JSON] = [:]) throws(JSONataError) -> JSON? {
        try evaluate(JSONataValue(input), bindings: bindings.mapValues { JSONataValue($0) })
    }

    /// Evaluates against values converted ahead of time (see `JSONataValue`): cheaper when one document feeds
    /// several expressions, as the states of a workflow do.
    ///
    /// `now` fixes what `$now()` and `$millis()` return (a workflow engine passes its clock's time, so replays and
    /// virtual time agree); `rejectingFunctions` makes a function-valued result an error with code
    /// `JSONataError.unsupportedResultCode` instead of `""`. `place` says which thread this is (see
    /// ``EvaluationPlace``); `interrupt` stops the evaluation with ``JSONataError/interruptedCode`` when requested.
    package func evaluate(
        _ input: JSONataValue, bindings: [String: JSONataValue], now: Date? = nil, rejectingFunctions: Bool = false,
        place: EvaluationPlace = .blocking, interrupt: EvaluationInterrupt? = nil
    ) throws(JSONataError) -> JSON? {
        if let interrupt, interrupt.isRequested { throw Evaluator.interrupted() }
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = limits.timeout.map { start + UInt64(max(0, $0) * 1e9) }
        let timestamp = ((now ?? Date()).timeIntervalSince1970 * 1000).rounded(.down)
        let prepared = bindings.mapValues(\.value)
        let probe: Int?
        var budget: UInt64? = nil
        switch place {
        case .blocking: probe = Self.probeDepth
        case .inline(let nanoseconds):
            probe = Self.probeDepth
            budget = start &+ nanoseconds
        case .heavy: probe = nil
        }
        do {
            return try run(
                input.value, prepared, timestamp: timestamp, deadline: deadline, probe: probe, budget: budget, rejectingFunctions: rejectingFunctions,
                interrupt: interrupt)
        } catch  where error.code == Evaluator.needsLargeStack.code {
            guard case .blocking = place else { throw JSONataError(code: JSONataError.needsHeavyCode, message: "The evaluation needs a large stack") }
            return try runOnLargeStack(
                input.value, prepared, timestamp: timestamp, deadline: deadline, rejectingFunctions: rejectingFunctions, interrupt: interrupt)
        }
    }

    /// How deep evaluation goes on the caller's stack before moving to a thread with a large one.
    static let probeDepth = 32

    func run(
        _ input: Value?, _ bindings: [String: Value?], timestamp: Double, deadline: UInt64?, probe: Int?, budget: UInt64? = nil,
        rejectingFunctions: Bool = false, interrupt: EvaluationInterrupt? = nil, tracker: FrameTracker? = nil
    ) throws(JSONataError) -> JSON? {
        let evaluator = Evaluator(
            timestamp: timestamp, maxDepth: limits.maxDepth, deadline: deadline, probeDepth: probe, maxValueBytes: limits.maxValueBytes,
            interrupt: interrupt, budget: budget)
        evaluator.tracker = tracker
        defer { evaluator.releaseFrames() }
        let root = Environment(library: Library(host: functions, removed: removedFunctions))
        let frame = Environment(parent: root)
        tracker?.add(frame)
        for (name, value) in bindings { frame.bind(name, value) }
        var context = input
        frame.bind("$", context)
        if case .array(let a)? = context {
            let wrapper = JArray.sequence([.array(a)])
            wrapper.outerWrapper = true
            context = .array(wrapper)
        }
        let result = try evaluator.evaluate(ast, context, frame)
        if rejectingFunctions, case .function? = result {
            throw JSONataError(code: JSONataError.unsupportedResultCode, message: "The expression evaluated to a function")
        }
        return try result.map { value throws(JSONataError) in try value.toJSON() }
    }

    private func runOnLargeStack(
        _ input: Value?, _ bindings: [String: Value?], timestamp: Double, deadline: UInt64?, rejectingFunctions: Bool,
        interrupt: EvaluationInterrupt?
    ) throws(JSONataError) -> JSON? {
        let box = ResultBox()
        let values = ValueBox(input: input, bindings: bindings)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            do throws(JSONataError) {
                box.result = .success(
                    try run(
                        values.input, values.bindings, timestamp: timestamp, deadline: deadline, probe: nil, rejectingFunctions: rejectingFunctions,
                        interrupt: interrupt))
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        thread.stackSize = limits.stackSize
        thread.start()
        done.wait()
        return try box.result!.get()
    }
}

/// Hands a result from the large-stack thread back to the caller.
///
/// `@unchecked Sendable`: written once by the worker thread before it signals the semaphore, read by the
/// caller only after waiting on it, so the accesses never overlap.
private final class ResultBox: @unchecked Sendable {
    var result: Result<JSON?, JSONataError>?
}

/// Carries converted values to the large-stack thread.
///
/// `@unchecked Sendable`: evaluation never mutates converted input values (transforms work on clones, sequence
/// flags live only on arrays created during evaluation), and the caller waits while the worker runs.
private struct ValueBox: @unchecked Sendable {
    let input: Value?
    let bindings: [String: Value?]
}
