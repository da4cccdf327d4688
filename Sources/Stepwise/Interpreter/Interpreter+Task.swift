import Foundation
import JSON
import StatesLanguage

extension Interpreter {
    /// Task (asl-reference §1.3): prepares the parameters, records the scheduling events and asks the driver to run it.
    mutating func executeTask(_ frameId: Int, _ state: State, _ task: TaskState) throws(StatesError) -> Outcome {
        let raw = frames[frameId].rawInput
        let taskId = nextTaskId
        nextTaskId += 1
        let token = task.resource.hasSuffix(".waitForTaskToken") ? "\(info.arn)#\(taskId)" : nil
        let context = contextObject(frameId, taskToken: token)
        let parameters = try effectiveInput(frameId, state, raw, context: context)
        try checkSize(parameters, state.name)
        let timeout = try resolveSeconds(task.timeoutSeconds, frameId, raw, field: "TimeoutSeconds")
        let heartbeat = try resolveSeconds(task.heartbeatSeconds, frameId, raw, field: "HeartbeatSeconds")
        recordScheduled(frameId, task.resource, parameters, timeout: timeout, heartbeat: heartbeat)
        var timers: [Int] = []
        if let timeout { timers.append(schedule(.taskTimeout(frame: frameId, task: taskId), after: Double(timeout))) }
        if let heartbeat { timers.append(schedule(.heartbeat(frame: frameId, task: taskId), after: Double(heartbeat))) }
        tasks[taskId] = frameId
        frames[frameId].phase = .task(id: taskId, timers: timers, heartbeat: heartbeat)
        let dispatch = TaskDispatch(
            id: taskId, resource: task.resource, input: parameters, context: context, stateName: state.name,
            timeoutSeconds: timeout, heartbeatSeconds: heartbeat, credentials: task.credentials)
        inFlight[taskId] = dispatch
        actions.append(.dispatch(dispatch))
        return .blocked
    }

    /// TimeoutSeconds / HeartbeatSeconds from a literal, a `…Path` or JSONata; must be a positive integer.
    mutating func resolveSeconds(_ field: DynamicInt?, _ frameId: Int, _ raw: JSON, field name: String) throws(StatesError) -> Int? {
        switch field {
        case nil: return nil
        case .literal(let seconds): return seconds
        case .path(let path):
            let roots = roots(frameId, input: raw)
            guard let value = path.value(in: roots) else {
                // Recorded on AWS: a path that matches nothing is worded as for InputPath.
                throw .runtime("Invalid path '\(path.text)' : \(path.missDescription(in: roots))")
            }
            guard let seconds = value.intValue, seconds > 0 else {
                throw .runtime("The \(name)Path parameter does not reference a valid positive integer: \(path.text)")
            }
            return seconds
        case .jsonata(let template):
            let value = try evaluate(template, frameId, bindings(frameId, input: raw))
            guard let seconds = value.intValue, seconds > 0, seconds <= 99_999_999 else { throw unexpectedType(frameId, template, field: name) }
            return seconds
        }
    }

    mutating func recordScheduled(_ frameId: Int, _ resource: String, _ parameters: JSON, timeout: Int?, heartbeat: Int?) {
        switch ResourceName(resource) {
        case .lambdaFunction:
            record(frameId, .lambdaFunctionScheduled, .lambdaScheduled(resource: resource, input: parameters, timeout: timeout))
            record(frameId, .lambdaFunctionStarted, .none)
        case .activity:
            record(frameId, .activityScheduled, .activityScheduled(resource: resource, input: parameters, timeout: timeout, heartbeat: heartbeat))
        case .service(let type, let action):
            record(
                frameId, .taskScheduled,
                .taskScheduled(
                    resourceType: type, resource: action, region: info.region, parameters: parameters, timeout: timeout, heartbeat: heartbeat))
            record(frameId, .taskStarted, .task(resourceType: type, resource: action))
        }
    }

    /// Ends the task's timers and forgets it; returns the frame and the state, or nil for an unknown task.
    mutating func closeTask(_ taskId: Int) -> (Int, State, TaskState)? {
        inFlight[taskId] = nil
        guard let frameId = tasks.removeValue(forKey: taskId), frames[frameId].alive else { return nil }
        if case .task(_, let timers, _) = frames[frameId].phase { for timer in timers { cancelTimer(timer) } }
        frames[frameId].phase = .idle
        let state = frames[frameId].state
        guard case .task(let task) = state.kind else { return nil }
        return (frameId, state, task)
    }

    mutating func taskSucceeded(_ taskId: Int, _ result: JSON) {
        guard let (frameId, state, task) = closeTask(taskId) else { return }
        switch ResourceName(task.resource) {
        case .lambdaFunction: record(frameId, .lambdaFunctionSucceeded, .output(result))
        case .activity: record(frameId, .activitySucceeded, .output(result))
        case .service(let type, let action): record(frameId, .taskSucceeded, .taskOutput(resourceType: type, resource: action, output: result))
        }
        proceed(frameId, completeWork(frameId, state, result: result))
    }

    mutating func taskFailed(_ taskId: Int, _ error: StatesError, timedOut: Bool = false) {
        guard let (frameId, _, task) = closeTask(taskId) else { return }
        if timedOut { actions.append(.timeOutTask(taskId)) }
        switch ResourceName(task.resource) {
        case .lambdaFunction:
            record(frameId, timedOut ? .lambdaFunctionTimedOut : .lambdaFunctionFailed, .failure(error: error.name, cause: error.cause))
        case .activity:
            record(frameId, timedOut ? .activityTimedOut : .activityFailed, .failure(error: error.name, cause: error.cause))
        case .service(let type, let action):
            record(
                frameId, timedOut ? .taskTimedOut : .taskFailed,
                .taskFailure(resourceType: type, resource: action, error: error.name, cause: error.cause))
        }
        proceed(frameId, .failed(error))
    }

    /// The task's call was made; it now waits for a callback or a job (asl-reference §1.3 integration patterns).
    mutating func taskSubmitted(_ taskId: Int, _ output: JSON) {
        guard let frameId = tasks[taskId], case .task(let task) = frames[frameId].state.kind,
            case .service(let type, let action) = ResourceName(task.resource)
        else { return }
        record(frameId, .taskSubmitted, .taskOutput(resourceType: type, resource: action, output: output))
    }

    /// An activity worker polled the task.
    mutating func activityStarted(_ taskId: Int, _ worker: String) {
        guard let frameId = tasks[taskId] else { return }
        record(frameId, .activityStarted, .activityStarted(workerName: worker))
    }

    /// A heartbeat restarts the HeartbeatSeconds clock.
    mutating func heartbeat(_ taskId: Int) {
        guard let frameId = tasks[taskId], case .task(let id, var timers, let seconds?) = frames[frameId].phase else { return }
        for (position, timer) in timers.enumerated() {
            guard case .heartbeat? = self.timers[timer] else { continue }
            cancelTimer(timer)
            timers[position] = schedule(.heartbeat(frame: frameId, task: id), after: Double(seconds))
        }
        frames[frameId].phase = .task(id: id, timers: timers, heartbeat: seconds)
    }
}
