import Foundation
import JSON
import JSONata
import StatesLanguage

extension Runtime {
    /// The longest a TestState run may take (AWS's limit: five minutes, then States.Timeout).
    static let testStateTimeLimit = 300.0

    /// Runs one state once, as AWS's TestState API does: with the given input, variables and context, a mocked
    /// result or error or the Task's real call (through this runtime's resolvers, as an execution would run it),
    /// and reports how it ended — `status` SUCCEEDED, FAILED, RETRIABLE or CAUGHT_ERROR, `nextState`, `output`,
    /// `error`, `cause` — with each data-flow stage at the DEBUG and TRACE levels.
    ///
    /// - Throws: ``TestStateError`` with AWS's name and message for what AWS refuses: an invalid definition, a
    ///   state missing from a machine, a mock for a state type that takes none, a Map or Parallel without one.
    public func testState(_ request: TestStateRequest) async throws(TestStateError) -> TestStateResult {
        let target = try TestStateTarget(definition: request.definition, stateName: request.stateName)
        try Self.check(request, target.state)
        let info = testStateInfo(request)
        let context =
            request.context
            ?? TestStateContext.standard(
                info, roleArn: request.roleArn, state: target.state, retryCount: request.configuration.retrierRetryCount ?? 0)
        var handler: TaskHandler?
        if case .task(let task) = target.state.kind, request.mock == nil {
            let reference = TaskReference(resource: task.resource, stateName: target.state.name, stateMachineName: info.stateMachineName)
            let chain = currentResolvers()
            handler = chain.handler(for: reference.scoped(to: info.arn))
            guard handler != nil else { throw .validation(chain.missingMessage(reference)) }
        }
        let (run, step) = await Self.offloading(TestStateRun(target, request: request, info: info, context: context)) { $0.start() }
        switch step {
        case .finished(let result): return result
        case .dispatch(let dispatch):
            guard let handler else {
                return await Self.offloading(run) { $0.taskEnded(.failure(StatesError(StatesError.Name.runtime, "Nothing runs the Task"))) }.1
            }
            let trace = TaskTrace()
            let outcome = await perform(dispatch, handler: handler, info: info, trace: trace)
            return await Self.offloading(run) { $0.taskEnded(outcome, trace: trace) }.1
        }
    }

    /// Runs `body` on the run here, on the cooperative pool with JSONata's small budget; when an evaluation needs
    /// more, runs it again from the same start on ``HeavyEvaluations`` and awaits it (the run is pure).
    static func offloading<T: Sendable>(
        _ run: TestStateRun, _ body: @escaping @Sendable (inout TestStateRun) -> T
    ) async -> (TestStateRun, T) {
        var attempt = run
        attempt.interpreter.evaluationPlace = .cooperative
        let answer = body(&attempt)
        guard attempt.interpreter.abandoned == .needsHeavy else { return (attempt, answer) }
        return await HeavyEvaluations.shared.run(owner: run.interpreter.info.arn) {
            var heavy = run
            heavy.interpreter.evaluationPlace = .heavy
            let answer = body(&heavy)
            heavy.interpreter.evaluationPlace = .cooperative
            return (heavy, answer)
        }
    }

    /// A test's execution: an Express execution ARN of a `TestState` state machine, as AWS's context shows one.
    func testStateInfo(_ request: TestStateRequest) -> ExecutionInfo {
        let name = UUID().uuidString.lowercased()
        let machine = "TestState"
        return ExecutionInfo(
            name: name, arn: "arn:aws:states:\(region):\(account):express:\(machine):\(name)", stateMachineName: machine,
            stateMachineArn: stateMachineArn(machine), roleArn: request.roleArn ?? defaultRoleArn, input: request.input, startTime: Date(),
            region: region, seed: UInt64.random(in: 0...UInt64.max), clock: clock)
    }

    /// Calls the Task's handler once, within the Task's TimeoutSeconds and TestState's five minutes (then
    /// States.Timeout); an error that is not a StatesError fails with its type name, as in executions.
    func perform(_ dispatch: TaskDispatch, handler: @escaping TaskHandler, info: ExecutionInfo, trace: TaskTrace) async -> Result<JSON, StatesError> {
        let clock = self.clock
        var context = TaskContext(
            resource: dispatch.resource, stateName: dispatch.stateName, executionName: info.name, executionArn: info.arn,
            contextObject: dispatch.context, reportHeartbeat: {},
            sleeper: { seconds in if clock == .real { try await Task.sleep(for: .seconds(seconds)) } }, report: { _ in }, taskId: dispatch.id,
            clock: clock)
        context.trace = trace
        let call = context
        let limit = min(Double(dispatch.timeoutSeconds ?? Int.max), Self.testStateTimeLimit)
        return await withTaskGroup(of: Result<JSON, StatesError>?.self) { group in
            group.addTask {
                do { return .success(try await handler(dispatch.input, call)) } catch {
                    return .failure(error as? StatesError ?? StatesError(String(describing: type(of: error)), String(describing: error)))
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(limit))
                return Task.isCancelled ? nil : .failure(StatesError(StatesError.Name.timeout, "Task timed out."))
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(StatesError(StatesError.Name.timeout, "Task timed out."))
        }
    }
}
