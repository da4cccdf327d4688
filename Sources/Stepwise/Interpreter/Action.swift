import Foundation

/// What the interpreter asks its driver to do.
package enum Action: Sendable {
    case dispatch(TaskDispatch)
    case cancelTask(Int)
    /// Cancels a task whose TimeoutSeconds or HeartbeatSeconds ran out (its handler sees `TaskContext.timedOut`).
    case timeOutTask(Int)
    case schedule(timer: Int, deadline: Date)
    case cancelTimer(Int)
    case finished(status: ExecutionStatus)
    /// Read a Distributed Map's items, or write its results (I/O the interpreter cannot do itself).
    case mapIO(MapIORequest)
}
