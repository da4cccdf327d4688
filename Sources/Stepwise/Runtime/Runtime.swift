import Foundation
import JSON
import JSONata
import StatesLanguage
import Synchronization

/// Which clock executions run on.
public enum ClockKind: Sendable {
    /// Wall-clock time: a Wait of an hour takes an hour.
    case real
    /// Virtual time: Waits, backoffs and timeouts complete at once while timestamps advance as in a real run.
    case virtual
}

/// The entry point of the library: registers task handlers and starts executions, in memory.
///
/// Three names for what runs executions, and no others: `Runtime` (this, in memory), `DurableRuntime` (a runtime
/// whose executions are recorded in SQLite step by step and resume after a crash) and `ExecutionDriver` (what
/// drives one execution).
///
/// `clock` is the clock executions run on unless their start names another; an execution keeps its clock for
/// good (``ExecutionInfo/clock``), so one runtime resumes virtual and real executions alike.
///
/// ```swift
/// let runtime = Runtime(clock: .virtual)
/// runtime.register("arn:aws:lambda:*:*:function:validate") { input, context in input }
/// let machine = try StateMachine(text: definition, name: "migration")
/// let execution = try await runtime.start(machine, input: ["jobId": "42"], name: "job-42")
/// let result = await execution.result
/// ```
public final class Runtime: Sendable {
    package let clock: ClockKind
    package let region: String
    package let account: String
    private let registry = Mutex(HandlerRegistry())
    private let resolvers = Mutex(ResolverChain())
    private let mapIO = Mutex<(any DistributedMapIO)?>(nil)
    private let versions = Mutex<(any LambdaVersions)?>(nil)

    /// Sets the Lambda control plane `lambda:invoke` consults for versions and aliases (the local services').
    package func setLambdaVersions(_ versions: any LambdaVersions) {
        self.versions.withLock { $0 = versions }
    }

    /// The Lambda control plane, when one is set.
    package var lambdaVersions: (any LambdaVersions)? { versions.withLock { $0 } }

    /// Sets what reads Distributed Map items and writes their results (the local S3 of `StepwiseServices`).
    package func setDistributedMapIO(_ io: any DistributedMapIO) {
        mapIO.withLock { $0 = io }
    }

    public init(clock: ClockKind = .real, region: String = "us-east-1", account: String = "123456789012") {
        self.clock = clock
        self.region = region
        self.account = account
    }

    /// Registers a handler for a resource ARN, or for every resource matching a `*` pattern.
    public func register(_ resource: String, _ handler: @escaping TaskHandler) {
        registry.withLock { $0.register(resource, handler) }
    }

    /// Adds a way to run Tasks (mocks, a resources file, local services), asked in `tier` order; registered
    /// handlers are the `.handlers` tier.
    public func add(_ resolver: any TaskResolver, tier: ResolverTier) {
        resolvers.withLock { $0.add(resolver, tier: tier) }
    }

    /// The handler that would run `task`: the first resolver's answer, tier by tier (integrations that wrap another
    /// call, such as `.waitForTaskToken`, use it to find the handler of the underlying resource).
    package func handler(for task: TaskReference) -> TaskHandler? { currentResolvers().handler(for: task) }

    /// Sets how a Task that nothing can run is explained (after "Nothing can run the Task resource 'R' of state
    /// 'S': "), at the start of an execution and when such a task is dispatched: the ways the host offers to
    /// provide a resource. The default names a mock config file, a resources file and `runtime.register`.
    public func setMissingResourceAdvice(_ advice: @escaping @Sendable (TaskReference) -> String) {
        resolvers.withLock { $0.advice = advice }
    }

    /// Every resolver, the registered handlers included, in the order they are asked.
    func currentResolvers() -> ResolverChain {
        var chain = resolvers.withLock { $0 }
        chain.add(registry.withLock { $0 }, tier: .handlers)
        return chain
    }

    /// Starts an execution. Throws for an invalid name or when a Task's resource has no handler.
    public func start(
        _ machine: StateMachine, input: JSON = .object(JSONObject()), name: String? = nil, clock: ClockKind? = nil
    ) async throws(StartError) -> Execution {
        await start(machine, info: try prepare(machine, input: input, name: name, clock: clock))
    }

    /// Starts an execution that records every step in `journal`.
    package func start(
        _ machine: StateMachine, input: JSON = .object(JSONObject()), name: String? = nil, clock: ClockKind? = nil,
        journal: any ExecutionJournal
    ) async throws(StartError) -> Execution {
        await start(machine, info: try prepare(machine, input: input, name: name, clock: clock), journal: journal)
    }

    /// Checks what StartExecution checks (the name, a handler for every Task resource, the input size) and fixes
    /// the execution's facts: ARN, start time, seed, clock (this runtime's unless `clock` names one). A durable
    /// caller records them before starting.
    package func prepare(
        _ machine: StateMachine, input: JSON, name: String?, roleArn: String? = nil, stateMachineArn: String? = nil, clock: ClockKind? = nil
    ) throws(StartError) -> ExecutionInfo {
        let name = name ?? UUID().uuidString.lowercased()
        guard ExecutionName.isValid(name) else { throw StartError(code: "InvalidName", message: "Invalid Name: '\(name)'") }
        let arn = "arn:aws:states:\(region):\(account):execution:\(machine.name):\(name)"
        let chain = currentResolvers()
        let missing = machine.tasks.map { $0.scoped(to: arn) }.filter { chain.handler(for: $0) == nil }
        guard missing.isEmpty else {
            throw StartError(code: "MissingHandler", message: missing.map(chain.missingMessage).joined(separator: "\n"))
        }
        if !PayloadLimit.fits(input) {
            throw StartError(code: "InvalidExecutionInput", message: "Invalid State Machine Execution Input: 'input exceeds 262144 bytes'")
        }
        return ExecutionInfo(
            name: name, arn: arn, stateMachineName: machine.name,
            stateMachineArn: stateMachineArn ?? self.stateMachineArn(machine.name),
            roleArn: roleArn ?? defaultRoleArn, input: input, startTime: Date(), region: region, seed: UInt64.random(in: 0...UInt64.max),
            clock: clock ?? self.clock)
    }

    /// Starts an execution whose facts were fixed by `prepare`, on the clock they name.
    package func start(_ machine: StateMachine, info: ExecutionInfo, journal: (any ExecutionJournal)? = nil) async -> Execution {
        let interpreter = Interpreter(definition: machine.definition, info: info)
        let driver = ExecutionDriver(interpreter: interpreter, resolvers: currentResolvers(), journal: journal, mapIO: mapIO.withLock { $0 })
        // The first step (which may evaluate the first states' expressions) runs after the caller has its
        // Execution: a StartExecution answers once the start is recorded, whatever the first state costs.
        Task { await driver.start() }
        return Execution(name: info.name, arn: info.arn, startDate: info.startTime, driver: driver)
    }

    /// The role executions run under when the state machine names none.
    package var defaultRoleArn: String { "arn:aws:iam::\(account):role/stepwise-execution" }

    /// Rebuilds an execution from its logged steps (replaying them through a fresh interpreter with the same seed)
    /// and carries it on, on the clock `info` names: timers keep their original deadlines, tasks in flight are
    /// dispatched again.
    ///
    /// With `redrive`, an execution whose replay ends FAILED, TIMED_OUT or ABORTED having been redriven fewer times
    /// than `redrive.count` is redriven at `redrive.date` (RedriveExecution, or its redrive step lost in a crash).
    package func resume(
        _ machine: StateMachine, info: ExecutionInfo, steps: [LoggedStep], journal: (any ExecutionJournal)? = nil,
        redrive: (count: Int, date: Date)? = nil
    ) async -> Execution {
        var interpreter = Interpreter(definition: machine.definition, info: info)
        interpreter.evaluationPlace = .cooperative
        var history: [HistoryEvent] = []
        for step in steps {
            // As the driver steps: here with a small budget, again on the heavy threads when an evaluation needs more.
            let before = machine.definition.usesJSONata ? interpreter : nil
            _ = interpreter.handle(step.input, now: step.time)
            if interpreter.abandoned == .needsHeavy, let before {
                interpreter = await HeavyEvaluations.shared.run(owner: info.arn) {
                    var heavy = before
                    heavy.evaluationPlace = .heavy
                    _ = heavy.handle(step.input, now: step.time)
                    heavy.evaluationPlace = .cooperative
                    return heavy
                }
            }
            history.append(contentsOf: interpreter.drainEvents())
            _ = interpreter.drainMapRunChanges()  // stored with their steps already
        }
        let redriveDate = redrive.flatMap { interpreter.isRedrivable && interpreter.redriveCount < $0.count ? $0.date : nil }
        let driver = ExecutionDriver(
            interpreter: interpreter, resolvers: currentResolvers(), journal: journal, history: history,
            sequence: steps.count, now: redriveDate.map { max($0, steps.last?.time ?? $0) } ?? steps.last?.time, mapIO: mapIO.withLock { $0 })
        // A crash between recording the execution and its first step leaves nothing to replay: start it now.
        if steps.isEmpty {
            await driver.start()
        } else if let redriveDate {
            await driver.redrive(at: max(redriveDate, steps.last?.time ?? redriveDate))
        } else {
            await driver.resume()
        }
        return Execution(name: info.name, arn: info.arn, startDate: info.startTime, driver: driver)
    }

    package func stateMachineArn(_ name: String) -> String { "arn:aws:states:\(region):\(account):stateMachine:\(name)" }

}

/// Why an execution could not start: AWS's error code (InvalidName, …) and a message.
public struct StartError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var description: String { "\(code): \(message)" }
}

/// AWS's naming rules for executions, state machines and activities (asl-reference §9).
package enum ExecutionName {
    package static func isValid(_ name: String) -> Bool {
        guard (1...80).contains(name.count) else { return false }
        let forbidden: Set<Character> = [
            " ", "<", ">", "{", "}", "[", "]", "?", "*", "\"", "#", "%", "\\", "^", "~", "$", "&", ",", ";", ":", "/", "|", "`",
        ]
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value <= 0x1F || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { return false }
            if scalar.properties.isWhitespace || forbidden.contains(Character(scalar)) { return false }
        }
        return true
    }
}
