import JSON
import StatesLanguage

extension Runtime {
    /// What AWS refuses before running a state (recorded texts where AWS's are known).
    static func check(_ request: TestStateRequest, _ state: State) throws(TestStateError) {
        switch (state.type, request.mock) {
        case (.map, nil), (.parallel, nil):
            throw .invalidDefinition(
                "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]")
        case (.pass, _?), (.fail, _?), (.succeed, _?), (.choice, _?), (.wait, _?):
            throw .validation("State type '\(state.type.rawValue)' is not supported when a mock is specified")
        default: break
        }
        if request.mock != nil, request.revealSecrets { throw .validation("TestState does not support RevealSecrets when a mock is specified.") }
        if case .result(let result)? = request.mock { try checkMockShape(result, state) }
        if case .task(let task) = state.kind, request.mock == nil { try checkCallable(task, request) }
        if let context = request.context {
            guard request.mock != nil else { throw .validation("A Context object can only be specified when a mock is specified.") }
            try TestStateContext.validate(context, for: state)
        }
        if let variables = request.variables, variables.objectValue == nil {
            throw .validation("Variables must be a JSON object of variable names and values.")
        }
    }

    /// A Map's mocked result is its result array (an object with a ResultWriter); a Parallel's has one item per branch.
    static func checkMockShape(_ result: JSON, _ state: State) throws(TestStateError) {
        switch state.kind {
        case .map(let map):
            if map.resultWriter != nil, result.objectValue == nil { throw .validation("Mocked result must be a JSON object.") }
            if map.resultWriter == nil, result.arrayValue == nil { throw .validation("Mocked result must be an array.") }
        case .parallel(let branches):
            guard let items = result.arrayValue else { throw .validation("Mocked result must be an array.") }
            guard items.count == branches.count else {
                throw .validation("Mocked result must contain the same number of items as number of Parallel branches.")
            }
        default: break
        }
    }

    /// A Task without a mock runs for real: AWS wants a role for it, and mocks Activity, `.sync` and
    /// `.waitForTaskToken` tasks only (they wait on something a test cannot provide).
    static func checkCallable(_ task: TaskState, _ request: TestStateRequest) throws(TestStateError) {
        guard request.roleArn != nil else { throw .validation("RoleArn must be specified when testing a Task state") }
        let pattern: String? =
            if case .activity = ResourceName(task.resource) {
                "Activity tasks"
            } else if task.resource.hasSuffix(".waitForTaskToken") {
                "the .waitForTaskToken integration pattern"
            } else if task.resource.hasSuffix(".sync") || task.resource.hasSuffix(".sync:2") {
                "the .sync integration pattern"
            } else {
                nil
            }
        if let pattern { throw .validation("TestState supports \(pattern) only when a mock is specified.") }
    }
}
