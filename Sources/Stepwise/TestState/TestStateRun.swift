import Foundation
import JSON
import StatesLanguage

/// One TestState run over the interpreter: the tested state is entered in a frame of its own scope and run with
/// the interpreter's own stages (InputPath → Parameters/Arguments → work → ResultSelector → ResultPath/Output →
/// Assign, Retry and Catch), recording each stage in an ``Inspection``. It stops where the state ends — it never
/// goes on to the next state — and never waits: a Wait state reports its output at once.
///
/// Pure and synchronous like the interpreter: the caller performs the one effect it may ask for, a Task's call
/// (``Step/dispatch(_:)``), and hands back its outcome.
struct TestStateRun: Sendable {
    var interpreter: Interpreter
    let frameId: Int
    let state: State
    let request: TestStateRequest
    private var taskId: Int?
    /// What the stages do not record: a Map's settings as the state resolved them, an HTTP Task's exchange.
    private(set) var reported = InspectionData()
    /// A Map's item count, for its tolerated failure percentage.
    private var itemCount = 0

    enum Step: Sendable {
        case finished(TestStateResult)
        case dispatch(TaskDispatch)
    }

    init(_ target: TestStateTarget, request: TestStateRequest, info: ExecutionInfo, context: JSON) {
        self.request = request
        state = target.state
        var interpreter = Interpreter(definition: target.definition, info: info)
        interpreter.inspector = Inspection()
        interpreter.contextOverride = context
        var variables = Variables()
        for (name, value) in request.variables?.objectValue ?? JSONObject() { variables.assign(name, value) }
        frameId = interpreter.newFrame(target.machine, parent: nil, slot: 0, variables: variables)
        interpreter.enter(frameId, target.index, request.input)
        self.interpreter = interpreter
    }

    /// Runs the state until it ends or needs its Task's call.
    mutating func start() -> Step {
        switch state.kind {
        case .parallel, .map:
            return .finished(conclude(mockedFanOut()))
        case .task:
            let outcome = interpreter.execute(frameId, retry: false)
            guard case .blocked = outcome, let dispatch = interpreter.inFlight.values.first else { return .finished(conclude(outcome)) }
            taskId = dispatch.id
            switch request.mock {
            case .result(let result)?: return .finished(taskEnded(.success(result)))
            case .error(let error, let cause)?: return .finished(taskEnded(.failure(StatesError(error, cause ?? ""))))
            case nil: return .dispatch(dispatch)
            }
        case .wait:
            var outcome = interpreter.execute(frameId, retry: false)
            if case .blocked = outcome { outcome = interpreter.waitFinished(frameId) }
            return .finished(conclude(outcome))
        default:
            return .finished(conclude(interpreter.execute(frameId, retry: false)))
        }
    }

    /// The Task's call ended: its result goes through ResultSelector, ResultPath, OutputPath (or Output) and Assign;
    /// its error meets Retry and Catch.
    mutating func taskEnded(_ outcome: Result<JSON, StatesError>, trace: TaskTrace? = nil) -> TestStateResult {
        if let trace, request.inspectionLevel == .trace {
            reported.request = trace.request
            reported.response = trace.response
        }
        guard let taskId, let (frameId, state, _) = interpreter.closeTask(taskId) else {
            return conclude(.frameFailed(StatesError(StatesError.Name.runtime, "The task of the state is not running")))
        }
        switch outcome {
        case .success(let result): return conclude(interpreter.completeWork(frameId, state, result: result))
        case .failure(let error): return conclude(.failed(error))
        }
    }

    /// A Map or Parallel state with a mocked outcome: its input is prepared as the state prepares it (InputPath,
    /// Parameters/Arguments, ItemsPath or Items, ItemSelector, ItemBatcher, MaxConcurrency, tolerances), then the
    /// mock stands in for its children.
    mutating func mockedFanOut() -> Outcome {
        do throws(StatesError) {
            let raw = interpreter.frames[frameId].rawInput
            switch state.kind {
            case .map(let map): try prepareMap(map, raw)
            default: _ = try interpreter.effectiveInput(frameId, state, raw)
            }
            switch request.mock {
            case .error(let error, let cause)?: return .failed(StatesError(error, cause ?? ""))
            case .result(let result)?:
                if exceedsTolerance() {
                    return .failed(
                        StatesError(StatesError.Name.exceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded"))
                }
                return interpreter.completeWork(frameId, state, result: result)
            case nil: return .frameFailed(StatesError(StatesError.Name.runtime, "A Map or Parallel state needs a mock"))
            }
        } catch {
            return .failed(error)
        }
    }

    mutating func prepareMap(_ map: MapState, _ raw: JSON) throws(StatesError) {
        let effective = state.isJSONata ? raw : try interpreter.applyInputPath(state.io.inputPath, interpreter.roots(frameId, input: raw))
        let items: [JSON]
        if map.itemReader != nil {
            items = try interpreter.readerItems(frameId, map, try readerData(map))
        } else {
            items = try interpreter.mapItems(frameId, state, map, effective)
        }
        if !state.isJSONata {
            interpreter.inspector?.afterInputPath = effective
            interpreter.inspector?.afterItemsPath = .array(items)
        }
        _ = try interpreter.mapInputs(frameId, map, effective, items: items)
        reported.maxConcurrency = try interpreter.maxConcurrency(frameId, map, effective)
        reported.toleratedFailureCount = try interpreter.toleratedCount(frameId, map, effective)
        reported.toleratedFailurePercentage = try interpreter.toleratedPercentage(frameId, map, effective)
        itemCount = items.count
    }

    /// `mapItemReaderData`: what the ItemReader read, as JSON (an array, or an object for ItemsPath to select from)
    /// or JSON Lines.
    func readerData(_ map: MapState) throws(StatesError) -> JSON {
        guard let text = request.configuration.mapItemReaderData else {
            throw StatesError(StatesError.Name.itemReaderFailed, "TestState reads no items: give stateConfiguration.mapItemReaderData")
        }
        if map.itemReader?.readerConfig["InputType"]?.stringValue == "JSONL" {
            var lines: [JSON] = []
            for line in text.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
                guard let value = try? JSON(parsing: String(line)) else {
                    throw StatesError(StatesError.Name.itemReaderFailed, "mapItemReaderData is not JSON Lines")
                }
                lines.append(value)
            }
            return .array(lines)
        }
        guard let value = try? JSON(parsing: text) else { throw StatesError(StatesError.Name.itemReaderFailed, "mapItemReaderData is not JSON") }
        return value
    }

    /// Whether `mapIterationFailureCount` exceeds a tolerance the Map sets (none set: never, as AWS answers).
    func exceedsTolerance() -> Bool {
        let failures = request.configuration.mapIterationFailureCount ?? 0
        if let count = reported.toleratedFailureCount, failures > count { return true }
        if let percentage = reported.toleratedFailurePercentage { return Double(failures) * 100 > percentage * Double(max(itemCount, 1)) }
        return false
    }
}
