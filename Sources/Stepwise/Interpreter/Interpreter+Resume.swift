extension Interpreter {
    /// After a replay, what a new driver must do to carry on: re-arm every pending timer at its original deadline
    /// and dispatch again every task that was in flight (at-least-once, as on AWS).
    package var resumeActions: [Action] {
        guard status == .running else { return [] }
        let timerActions = timerDeadlines.sorted { $0.key < $1.key }.map { Action.schedule(timer: $0.key, deadline: $0.value) }
        let taskActions = inFlight.sorted { $0.key < $1.key }.map { Action.dispatch($0.value) }
        let ioActions = pendingMapIO.sorted { $0.key < $1.key }.map { Action.mapIO($0.value.request) }
        return timerActions + taskActions + ioActions
    }
}
