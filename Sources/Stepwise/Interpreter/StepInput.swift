import JSON
import StatesLanguage

/// What the interpreter feeds itself: everything that can happen to an execution from outside.
/// A log of these with their times is enough to rebuild the interpreter's state (replay).
package enum StepInput: Sendable {
    case start
    case taskSucceeded(task: Int, output: JSON)
    case taskFailed(task: Int, error: StatesError)
    case taskHeartbeat(task: Int)
    /// A `.waitForTaskToken` or `.sync` task made its call and now waits (TaskSubmitted with the call's response).
    case taskSubmitted(task: Int, output: JSON)
    /// An activity worker took the task (ActivityStarted with its name).
    case activityStarted(task: Int, worker: String)
    /// A Distributed Map's ItemReader or ResultWriter request finished (items read, or the writer's response).
    case mapIOCompleted(request: Int, output: JSON)
    case mapIOFailed(request: Int, error: StatesError)
    case timerFired(timer: Int)
    case stop(error: String?, cause: String?)
    /// RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution carries on from the states that did not succeed.
    case redrive
    /// UpdateMapRun: new settings for a running Map Run (nil: unchanged).
    case updateMapRun(mapRunArn: String, maxConcurrency: Int?, toleratedFailureCount: Int?, toleratedFailurePercentage: Double?)
    /// A step whose evaluation StopExecution or the execution's time-out interrupted: the step with every JSONata
    /// evaluation stopped at once (it goes no further than the first one). The stop, or the time-out's timer, is
    /// the next step.
    indirect case interrupted(StepInput)
}
