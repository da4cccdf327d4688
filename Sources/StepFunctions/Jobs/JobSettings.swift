import JSON

/// How the jobs API treats one workflow's jobs: its entry under `workflows` in the workflows directory's
/// `stepwise.json`.
///
/// ```json
/// {"workflows": {"migration": {
///     "maxConcurrency": 2,
///     "jobIdMember": "jobId",
///     "cancel": {"workflow": "cancel-job", "gracePeriodSeconds": 60},
///     "onEnd": {"workflow": "job-ended", "statuses": ["FAILED", "TIMED_OUT", "ABORTED"]}},
///   "health-check": {"schedule": {"everySeconds": 300, "input": {"service": "validator"}}}}}
/// ```
package struct JobSettings: Sendable, Equatable {
    /// At most this many of the workflow's jobs run at once; the others wait QUEUED.
    package var maxConcurrency: Int?
    /// The input member that names the job: the job id and this member of the input are the same value.
    package var jobIdMember: String?
    /// How `POST /jobs/{id}/cancel` asks a running job to stop, instead of stopping its execution outright.
    package var cancel: Cancel?
    /// The workflow told when a job's execution ends with one of some statuses.
    package var onEnd: OnEnd?
    /// While `stepwise serve` runs, a job of the workflow starts every period.
    package var schedule: Schedule?

    /// A cooperative cancel: the `workflow` is started with `{"jobId", "workflow", "executionArn"}` (it records
    /// the request where the job's workflow looks, e.g. a job table), then the job has `gracePeriodSeconds` to end
    /// on its own before its execution is stopped.
    package struct Cancel: Sendable, Equatable {
        package var workflow: String
        package var gracePeriodSeconds: Double
    }

    /// A stand-in for an EventBridge rule on "Step Functions Execution Status Change": the `workflow` is started
    /// with that event when a job's execution ends with one of `statuses`.
    package struct OnEnd: Sendable, Equatable {
        package var workflow: String
        package var statuses: Set<String>
    }

    /// A stand-in for an EventBridge Scheduler schedule: a job with `input` every `everySeconds` seconds of the
    /// server's clock, skipped while the workflow already runs as many jobs as `maxConcurrency` allows (one
    /// without a limit).
    package struct Schedule: Sendable, Equatable {
        package var everySeconds: Double
        package var input: JSON
    }

    package init(
        maxConcurrency: Int? = nil, jobIdMember: String? = nil, cancel: Cancel? = nil, onEnd: OnEnd? = nil, schedule: Schedule? = nil
    ) {
        self.maxConcurrency = maxConcurrency
        self.jobIdMember = jobIdMember
        self.cancel = cancel
        self.onEnd = onEnd
        self.schedule = schedule
    }

    /// The workflows these settings start (to check that they exist).
    var workflowsNamed: [String] { [cancel?.workflow, onEnd?.workflow].compactMap { $0 } }
}

extension JobSettings {
    static let endStatuses: Set<String> = ["SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"]

    /// Parses one workflow's entry; `place` (`stepwise.json: workflows.NAME`) prefixes every error.
    init(_ entry: JSON, place: String) throws(ServeError) {
        guard let object = entry.objectValue else { throw ServeError("\(place) must be an object") }
        let known: Set<String> = ["maxConcurrency", "jobIdMember", "cancel", "onEnd", "schedule"]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw ServeError("\(place): unknown setting '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        if let limit = object["maxConcurrency"] {
            guard let value = limit.intValue, value > 0 else { throw ServeError("\(place).maxConcurrency must be a positive integer") }
            maxConcurrency = value
        }
        if let member = object["jobIdMember"] {
            guard let name = member.stringValue, !name.isEmpty else { throw ServeError("\(place).jobIdMember must be a non-empty string") }
            jobIdMember = name
        }
        if let value = object["cancel"] { cancel = try Self.cancel(value, place: "\(place).cancel") }
        if let value = object["onEnd"] { onEnd = try Self.onEnd(value, place: "\(place).onEnd") }
        if let value = object["schedule"] { schedule = try Self.schedule(value, place: "\(place).schedule") }
    }

    private static func schedule(_ value: JSON, place: String) throws(ServeError) -> Schedule {
        guard let object = value.objectValue else { throw ServeError("\(place) must be an object") }
        if let unknown = object.keys.first(where: { $0 != "everySeconds" && $0 != "input" }) {
            throw ServeError("\(place): unknown setting '\(unknown)' (known: everySeconds, input)")
        }
        guard let seconds = object["everySeconds"]?.doubleValue, seconds >= 0.1, seconds <= 366 * 86400 else {
            throw ServeError("\(place).everySeconds must be a number of seconds from 0.1 to 31622400 (366 days)")
        }
        return Schedule(everySeconds: seconds, input: object["input"] ?? [:])
    }

    private static func cancel(_ value: JSON, place: String) throws(ServeError) -> Cancel {
        guard let workflow = value["workflow"]?.stringValue else { throw ServeError("\(place).workflow must be a workflow name") }
        let grace = value["gracePeriodSeconds"] ?? 60
        guard let seconds = grace.doubleValue, seconds >= 0 else { throw ServeError("\(place).gracePeriodSeconds must be a number ≥ 0") }
        return Cancel(workflow: workflow, gracePeriodSeconds: seconds)
    }

    private static func onEnd(_ value: JSON, place: String) throws(ServeError) -> OnEnd {
        guard let workflow = value["workflow"]?.stringValue else { throw ServeError("\(place).workflow must be a workflow name") }
        let statuses = (value["statuses"] ?? ["FAILED", "TIMED_OUT", "ABORTED"]).arrayValue?.compactMap(\.stringValue) ?? []
        guard !statuses.isEmpty, Set(statuses).isSubset(of: endStatuses) else {
            throw ServeError("\(place).statuses must list some of \(endStatuses.sorted().joined(separator: ", "))")
        }
        return OnEnd(workflow: workflow, statuses: Set(statuses))
    }
}
