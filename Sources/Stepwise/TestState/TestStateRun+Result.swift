import JSON
import StatesLanguage

/// How a TestState run reports its end (recorded AWS answers): the status, the next state, the error, and the
/// inspection data of the stages the state has.
extension TestStateRun {
    /// The outcome of the state's processing as TestState answers it; a failure first meets Retry and Catch.
    mutating func conclude(_ outcome: Outcome) -> TestStateResult {
        switch outcome {
        case .next(let index, let output):
            return result(.succeeded, output: output, next: interpreter.frames[frameId].machine.states[index].name)
        case .end(let output): return result(.succeeded, output: output)
        case .failed(let error): return handle(error)
        case .frameFailed(let error): return result(.failed, error: error)
        case .blocked: return result(.failed, error: StatesError(StatesError.Name.runtime, "The state did not end"))
        }
    }

    /// Retry, then Catch (asl-reference §5.2): a retrier with attempts left makes the state RETRIABLE, with the
    /// backoff it would wait; once it has none (`retrierRetryCount` ≥ MaxAttempts) or none matches, the first
    /// matching catcher makes it CAUGHT_ERROR with the catcher's output and `Next`. States.Runtime is never handled.
    mutating func handle(_ error: StatesError) -> TestStateResult {
        guard error.name != StatesError.Name.runtime else { return result(.failed, error: error) }
        var details = InspectionData.ErrorDetails()
        if let index = Interpreter.retrierIndex(state, error) {
            details.retryIndex = index
            let retrier = state.retriers[index]
            let attempts = request.configuration.retrierRetryCount ?? 0
            if attempts < retrier.maxAttempts {
                details.retryBackoffIntervalSeconds = Int(Interpreter.backoff(retrier, attempt: attempts + 1).rounded())
                return result(.retriable, error: error, details: details)
            }
        }
        guard let index = Interpreter.catcherIndex(state, error) else { return result(.failed, error: error, details: details) }
        details.catchIndex = index
        do throws(StatesError) {
            guard case .next(let next, let output) = try interpreter.caught(frameId, state, state.catchers[index], error) else {
                return result(.failed, error: error, details: details)
            }
            let name = interpreter.frames[frameId].machine.states[next].name
            return result(.caughtError, output: output, error: error, next: name, details: details)
        } catch {
            return result(.failed, error: error, details: details)
        }
    }

    func result(
        _ status: TestStateStatus, output: JSON? = nil, error: StatesError? = nil, next: String? = nil,
        details: InspectionData.ErrorDetails? = nil
    ) -> TestStateResult {
        TestStateResult(
            status: status, output: output, error: error.flatMap { $0.name.isEmpty ? nil : $0.name },
            cause: error.flatMap { $0.cause.isEmpty ? nil : Self.unlocated($0.cause) }, nextState: next,
            inspectionData: request.inspectionLevel == .info ? nil : inspection(details))
    }

    /// A cause without the interpreter's "An error occurred while executing the state 'S' (entered at the event id
    /// #n). " prefix: a test has no history for it to point into.
    static func unlocated(_ cause: String) -> String {
        let marker = "(entered at the event id #"
        guard cause.hasPrefix("An error occurred while executing the state '"), let range = cause.range(of: marker),
            let end = cause[range.upperBound...].range(of: "). ")
        else { return cause }
        return String(cause[end.upperBound...])
    }

    /// The stages of this state type and query language that the run reached, as AWS reports them (recorded:
    /// a JSONPath Pass with `Result` shows no InputPath or Parameters stage; JSONata states show their input,
    /// Arguments and result only).
    func inspection(_ details: InspectionData.ErrorDetails?) -> InspectionData {
        let stages = interpreter.inspector ?? Inspection()
        var data = reported
        data.input = request.input
        if state.isJSONata {
            if state.type == .task || state.type == .parallel {
                data.afterArguments = state.io.arguments == nil ? request.input : stages.afterArguments
            }
            if state.type == .task { data.result = stages.result }
        } else {
            switch state.kind {
            case .pass(let fixed):
                if fixed == nil { (data.afterInputPath, data.afterParameters) = (stages.afterInputPath, stages.afterParameters) }
                data.result = stages.result
                (data.afterResultSelector, data.afterResultPath) = (stages.afterResultSelector, stages.afterResultPath)
            case .task, .parallel:
                (data.afterInputPath, data.afterParameters) = (stages.afterInputPath, stages.afterParameters)
                if state.type == .task { data.result = stages.result }
                (data.afterResultSelector, data.afterResultPath) = (stages.afterResultSelector, stages.afterResultPath)
            case .map:
                (data.afterInputPath, data.afterItemsPath) = (stages.afterInputPath, stages.afterItemsPath)
                (data.afterItemSelector, data.afterItemBatcher) = (stages.afterItemSelector, stages.afterItemBatcher)
                (data.afterResultSelector, data.afterResultPath) = (stages.afterResultSelector, stages.afterResultPath)
            case .fail: data.afterInputPath = request.input  // a Fail state has no InputPath; AWS reports its input
            case .choice, .succeed, .wait: data.afterInputPath = stages.afterInputPath
            }
        }
        data.variables = variables(after: stages.assigned)
        if let details, details != InspectionData.ErrorDetails() { data.errorDetails = details }
        return data
    }

    /// The variables given, with the state's assignments applied in order; nil when there are none.
    func variables(after assigned: [(String, JSON)]?) -> JSON? {
        var variables = request.variables?.objectValue ?? JSONObject()
        for (name, value) in assigned ?? [] { variables[name] = value }
        return variables.isEmpty ? nil : .object(variables)
    }
}
