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
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = limits.timeout.map { start + UInt64(max(0, $0) * 1e9) }
        let timestamp = (Date().timeIntervalSince1970 * 1000).rounded(.down)
        do {
            return try run(input, bindings, timestamp: timestamp, deadline: deadline, probe: Self.probeDepth)
        } catch where error.code == Evaluator.needsLargeStack.code {
            return try runOnLargeStack(input, bindings, timestamp: timestamp, deadline: deadline)
        }
    }

    /// How deep evaluation goes on the caller's stack before moving to a thread with a large one.
    static let probeDepth = 32

    func run(_ input: JSON?, _ bindings: [String: JSON], timestamp: Double, deadline: UInt64?, probe: Int?) throws(JSONataError) -> JSON? {
        let evaluator = Evaluator(timestamp: timestamp, maxDepth: limits.maxDepth, deadline: deadline, probeDepth: probe)
        let root = Environment(library: Library(host: functions, removed: removedFunctions))
        let frame = Environment(parent: root)
        for (name, value) in bindings { frame.bind(name, Value(value)) }
        var context = input.map(Value.init)
        frame.bind("$", context)
        if case .array(let a)? = context {
            let wrapper = JArray.sequence([.array(a)])
            wrapper.outerWrapper = true
            context = .array(wrapper)
        }
        let result = try evaluator.evaluate(ast, context, frame)
        return try result.map { value throws(JSONataError) in try value.toJSON() }
    }

    private func runOnLargeStack(_ input: JSON?, _ bindings: [String: JSON], timestamp: Double, deadline: UInt64?) throws(JSONataError) -> JSON? {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            do throws(JSONataError) {
                box.result = .success(try run(input, bindings, timestamp: timestamp, deadline: deadline, probe: nil))
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

/// Limits that turn runaway evaluation into an error (U1001) instead of a crash or a hang.
public struct JSONataLimits: Sendable, Hashable {
    /// Maximum nesting of evaluation (recursion without tail calls counts here).
    public var maxDepth: Int
    /// Wall-clock budget in seconds; nil for none.
    public var timeout: Double?
    /// Stack reserved for deep evaluations, in bytes.
    public var stackSize: Int

    public init(maxDepth: Int = 10_000, timeout: Double? = 5, stackSize: Int = 512 << 20) {
        self.maxDepth = maxDepth
        self.timeout = timeout
        self.stackSize = stackSize
    }
}

/// A function the host adds to the library, e.g. AWS's `$partition`, `$uuid`, `$hash`.
public struct JSONataFunction: Sendable {
    public typealias Body = @Sendable ([JSON?]) throws(JSONataError) -> JSON?
    let signature: Signature?
    let arity: Int
    let body: Body

    /// - Parameters:
    ///   - signature: a JSONata signature such as `<n-n:n>`, checked before `body` runs (T0410 and friends); nil for none.
    ///   - body: receives the validated arguments (nil = undefined) and returns the result (nil = undefined).
    public init(signature: String?, _ body: @escaping Body) throws(JSONataError) {
        self.signature = try signature.map { text throws(JSONataError) in try Signature(text) }
        self.arity = self.signature?.params.count ?? 1
        self.body = body
    }
}

/// A JSONata error: its code (`S0201`, `T2001`, `D3001`, …), message and character position.
public struct JSONataError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var position: Int?
    var details = ErrorDetails()

    public init(code: String, message: String, position: Int? = nil) {
        self.code = code
        self.message = message
        self.position = position
    }

    public var description: String { "\(code): \(message)" }
}
