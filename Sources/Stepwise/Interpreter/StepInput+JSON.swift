import Foundation
import JSON
import StatesLanguage

/// Step inputs as JSON, so the durable store can log them and a restarted engine replay them.
extension StepInput {
    package var json: JSON {
        switch self {
        case .start: return ["kind": "start"]
        case .taskSucceeded(let task, let output): return ["kind": "taskSucceeded", "task": .int(task), "output": output]
        case .taskFailed(let task, let error):
            return ["kind": "taskFailed", "task": .int(task), "error": .string(error.name), "cause": .string(error.cause)]
        case .taskHeartbeat(let task): return ["kind": "taskHeartbeat", "task": .int(task)]
        case .taskSubmitted(let task, let output): return ["kind": "taskSubmitted", "task": .int(task), "output": output]
        case .activityStarted(let task, let worker): return ["kind": "activityStarted", "task": .int(task), "worker": .string(worker)]
        case .mapIOCompleted(let request, let output): return ["kind": "mapIOCompleted", "request": .int(request), "output": output]
        case .mapIOFailed(let request, let error):
            return ["kind": "mapIOFailed", "request": .int(request), "error": .string(error.name), "cause": .string(error.cause)]
        case .timerFired(let timer): return ["kind": "timerFired", "timer": .int(timer)]
        case .stop(let error, let cause):
            return ["kind": "stop", "error": error.map(JSON.string) ?? .null, "cause": cause.map(JSON.string) ?? .null]
        case .redrive: return ["kind": "redrive"]
        case .updateMapRun(let arn, let maxConcurrency, let count, let percentage):
            return [
                "kind": "updateMapRun", "mapRunArn": .string(arn), "maxConcurrency": maxConcurrency.map(JSON.int) ?? .null,
                "toleratedFailureCount": count.map(JSON.int) ?? .null, "toleratedFailurePercentage": percentage.map(JSON.double) ?? .null,
            ]
        case .interrupted(let step): return ["kind": "interrupted", "step": step.json]
        }
    }

    var isInterrupted: Bool { if case .interrupted = self { true } else { false } }

    package init?(json: JSON) {
        let task = json["task"]?.intValue ?? 0
        switch json["kind"]?.stringValue {
        case "start": self = .start
        case "taskSucceeded": self = .taskSucceeded(task: task, output: json["output"] ?? .null)
        case "taskFailed":
            self = .taskFailed(task: task, error: StatesError(json["error"]?.stringValue ?? "", json["cause"]?.stringValue ?? ""))
        case "taskHeartbeat": self = .taskHeartbeat(task: task)
        case "taskSubmitted": self = .taskSubmitted(task: task, output: json["output"] ?? .null)
        case "activityStarted": self = .activityStarted(task: task, worker: json["worker"]?.stringValue ?? "")
        case "mapIOCompleted": self = .mapIOCompleted(request: json["request"]?.intValue ?? 0, output: json["output"] ?? .null)
        case "mapIOFailed":
            self = .mapIOFailed(
                request: json["request"]?.intValue ?? 0, error: StatesError(json["error"]?.stringValue ?? "", json["cause"]?.stringValue ?? ""))
        case "timerFired": self = .timerFired(timer: json["timer"]?.intValue ?? 0)
        case "redrive": self = .redrive
        case "stop": self = .stop(error: json["error"]?.stringValue, cause: json["cause"]?.stringValue)
        case "updateMapRun":
            self = .updateMapRun(
                mapRunArn: json["mapRunArn"]?.stringValue ?? "", maxConcurrency: json["maxConcurrency"]?.intValue,
                toleratedFailureCount: json["toleratedFailureCount"]?.intValue,
                toleratedFailurePercentage: json["toleratedFailurePercentage"]?.doubleValue)
        case "interrupted":
            // One level only: the driver never interrupts an interrupted step, so a nested one is not ours.
            guard let step = json["step"].flatMap(StepInput.init(json:)), !step.isInterrupted else { return nil }
            self = .interrupted(step)
        default: return nil
        }
    }
}
