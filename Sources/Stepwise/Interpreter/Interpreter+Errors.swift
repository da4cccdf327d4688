import Foundation
import JSON
import StatesLanguage

extension Interpreter {
    /// A state's failure meets its Retry and Catch (asl-reference §5.2): the first retrier whose ErrorEquals
    /// matches decides about retrying; when it is exhausted (or none matches) the first matching catcher
    /// handles it; otherwise the scope fails.
    mutating func handleError(_ frameId: Int, _ error: StatesError) -> Outcome {
        guard abandoned == nil else { return .blocked }
        let state = frames[frameId].state
        guard error.name != StatesError.Name.runtime else { return .frameFailed(located(frameId, error)) }
        if let index = Self.retrierIndex(state, error) {
            let retrier = state.retriers[index]
            let attempts = frames[frameId].retryCounts[index]
            if attempts < retrier.maxAttempts {
                frames[frameId].failedEvent = nil
                frames[frameId].retryCounts[index] += 1
                frames[frameId].retryCount += 1
                let timer = schedule(.retry(frame: frameId), after: retryDelay(retrier, attempt: attempts + 1))
                frames[frameId].phase = .retrying(timer: timer)
                frames[frameId].retry = (index, error.name)
                return .blocked
            }
        }
        if let failed = frames[frameId].failedEvent {
            frames[frameId].failedEvent = nil
            record(frameId, failed, .none)
        }
        guard let index = Self.catcherIndex(state, error) else { return .frameFailed(error) }
        do throws(StatesError) {
            return try caught(frameId, state, state.catchers[index], error)
        } catch {
            return .frameFailed(error)
        }
    }

    /// The retrier that decides about retrying `error`: the first whose ErrorEquals matches (asl-reference §5.2).
    package static func retrierIndex(_ state: State, _ error: StatesError) -> Int? {
        state.retriers.firstIndex { matches($0.errorEquals, error.name) }
    }

    /// The catcher that handles `error` once no retrier runs the state again: the first whose ErrorEquals matches.
    package static func catcherIndex(_ state: State, _ error: StatesError) -> Int? {
        state.catchers.firstIndex { matches($0.errorEquals, error.name) }
    }

    /// AWS's form of an interpreter error: "An error occurred while executing the state 'S' (entered at the event id #n). …"
    func located(_ frameId: Int, _ error: StatesError) -> StatesError {
        guard frames[frameId].alive, !error.cause.hasPrefix("An error occurred while executing the state") else { return error }
        let prefix =
            "An error occurred while executing the state '\(frames[frameId].state.name)' (entered at the event id #\(frames[frameId].enteredEventId)). "
        return StatesError(error.name, prefix + error.cause)
    }

    /// Whether an ErrorEquals list matches an error name: exactly, by `States.ALL` (everything but States.Runtime),
    /// or by `States.TaskFailed` (everything but timeouts), and `States.Timeout` also matches heartbeat expiry.
    static func matches(_ errorEquals: [String], _ name: String) -> Bool {
        for candidate in errorEquals {
            if candidate == name { return true }
            switch candidate {
            case StatesError.Name.all: return name != StatesError.Name.runtime
            case StatesError.Name.taskFailed:
                if name != StatesError.Name.timeout && name != StatesError.Name.heartbeatTimeout && name != StatesError.Name.runtime { return true }
            case StatesError.Name.timeout where name == StatesError.Name.heartbeatTimeout: return true
            default: continue
            }
        }
        return false
    }

    /// IntervalSeconds × BackoffRate^(attempt−1), capped at MaxDelaySeconds, uniformly jittered under FULL.
    mutating func retryDelay(_ retrier: Retrier, attempt: Int) -> Double {
        let delay = Self.backoff(retrier, attempt: attempt)
        return retrier.fullJitter ? Double.random(in: 0...delay, using: &random) : delay
    }

    /// The delay before retry `attempt` (1 for the first) before any jitter: IntervalSeconds × BackoffRate^(attempt−1),
    /// capped at MaxDelaySeconds.
    package static func backoff(_ retrier: Retrier, attempt: Int) -> Double {
        let delay = retrier.intervalSeconds * pow(retrier.backoffRate, Double(attempt - 1))
        return retrier.maxDelaySeconds.map { min(delay, $0) } ?? delay
    }

    /// The catcher's output: the error output placed with its ResultPath (JSONPath) or its Output (JSONata).
    mutating func caught(_ frameId: Int, _ state: State, _ catcher: Catcher, _ error: StatesError) throws(StatesError) -> Outcome {
        let raw = frames[frameId].rawInput
        let errorOutput: JSON = ["Error": .string(error.name), "Cause": .string(error.cause)]
        let output: JSON
        let assigned: [(String, JSON)]?
        if state.isJSONata {
            let bindings = bindings(frameId, input: raw, errorOutput: errorOutput)
            assigned = try evaluateAssign(catcher.assign, frameId, input: errorOutput, bindings: bindings)
            output = try catcher.output.map { template throws(StatesError) in try evaluate(template, frameId, bindings) } ?? errorOutput
        } else {
            assigned = try evaluateAssign(catcher.assign, frameId, input: errorOutput, bindings: [:])
            output = try applyResultPath(catcher.resultPath, rawInput: raw, result: errorOutput)
        }
        return try exit(frameId, state, output: output, assigned: assigned, next: catcher.next)
    }

    /// The timer of the execution's time-out, while it is armed.
    package var executionTimeoutTimer: Int? {
        timers.first { if case .executionTimeout = $0.value { true } else { false } }?.key
    }

    mutating func timerFired(_ timerId: Int) {
        guard let purpose = timers.removeValue(forKey: timerId) else { return }
        timerDeadlines[timerId] = nil
        switch purpose {
        case .wait(let frameId): proceed(frameId, waitFinished(frameId))
        case .retry(let frameId):
            frames[frameId].phase = .idle
            frames[frameId].retry = nil
            forgetFanOut(frameId)  // a retried Parallel or Map runs every child again
            proceed(frameId, execute(frameId, retry: true))
        case .taskTimeout(_, let task):
            taskFailed(task, StatesError(StatesError.Name.timeout, "Task timed out."), timedOut: true)
        case .heartbeat(_, let task):
            taskFailed(task, StatesError(StatesError.Name.heartbeatTimeout, "Task heartbeat timed out."), timedOut: true)
        case .executionTimeout:
            finish(
                .timedOut, type: .executionTimedOut,
                details: .failure(
                    error: StatesError.Name.timeout, cause: "The execution timed out."), previous: eventCount)
        }
    }

    /// Result processing for Task, Parallel and Map: ResultSelector, ResultPath, OutputPath and Assign (JSONPath),
    /// or Output and Assign with `$states.result` (JSONata).
    mutating func completeWork(_ frameId: Int, _ state: State, result: JSON) -> Outcome {
        let raw = frames[frameId].rawInput
        do throws(StatesError) {
            try checkSize(result, state.name)
            inspector?.result = result
            if state.isJSONata {
                let bindings = bindings(frameId, input: raw, result: result)
                let assigned = try evaluateAssign(state.assign, frameId, input: result, bindings: bindings)
                let output = try state.io.output.map { template throws(StatesError) in try evaluate(template, frameId, bindings) } ?? result
                return try exit(frameId, state, output: output, assigned: assigned, next: state.next)
            }
            let assigned = try evaluateAssign(state.assign, frameId, input: result, bindings: [:])
            let selected = try state.io.resultSelector?.evaluate(roots(frameId, input: result)) ?? result
            inspector?.afterResultSelector = selected
            let placed = try applyResultPath(state.io.resultPath, rawInput: raw, result: selected)
            inspector?.afterResultPath = placed
            let output = try applyOutputPath(state.io.outputPath, placed, frameId)
            return try exit(frameId, state, output: output, assigned: assigned, next: state.next)
        } catch {
            return .failed(error)
        }
    }
}
