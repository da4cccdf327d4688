import Foundation
import JSON
import Stepwise
import StepwiseStore

extension JobScheduler {
    /// Starts the schedules of the workflows that have one (``JobSettings/Schedule``): each submits a job of its
    /// workflow every period, on the server's clock, until ``close()``.
    ///
    /// A scheduled job is named `scheduled-WORKFLOW-MILLIS`, the epoch milliseconds of the moment it was due, so
    /// the store says when the last one was due: after a restart the next run is due one period after the last
    /// one (at once when that moment has passed, but once: missed runs are not made up), and the first run of a
    /// workflow that never ran on schedule is one period after the start, as a new EventBridge rate schedule. A run is skipped (not delayed) while the workflow already
    /// has as many jobs QUEUED, PENDING or RUNNING as its `maxConcurrency` (1 without one).
    package func startSchedules(log: @escaping @Sendable (String) -> Void = { _ in }) {
        for (workflow, settings) in settings.sorted(by: { $0.key < $1.key }) {
            guard let schedule = settings.schedule else { continue }
            schedules.append(Task { await self.runSchedule(workflow, schedule, log: log) })
        }
    }

    /// The job id of the run of `workflow` due at `date`.
    static func scheduledJobId(_ workflow: String, due date: Date) -> String {
        "scheduled-\(workflow.prefix(48))-\(Int64((date.timeIntervalSince1970 * 1000).rounded()))"
    }

    /// When the last scheduled run of `workflow` was due, from the newest job named as a scheduled one.
    func lastScheduledRun(_ workflow: String) async -> Date? {
        let prefix = "scheduled-\(workflow.prefix(48))-"
        guard let page = try? await service.store.listJobs(workflow: workflow, maxResults: 100) else { return nil }
        let millis = page.items.lazy.filter { $0.id.hasPrefix(prefix) }.compactMap { Int64($0.id.dropFirst(prefix.count)) }.first
        return millis.map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    private func runSchedule(_ workflow: String, _ schedule: JobSettings.Schedule, log: @escaping @Sendable (String) -> Void) async {
        let period = schedule.everySeconds
        var due = await lastScheduledRun(workflow).map { $0.addingTimeInterval(period) } ?? Date().addingTimeInterval(period)
        if due < Date() { due = Date() }
        log("schedule of \(workflow): every \(period.formatted(.number)) s, next run \(Self.scheduledJobId(workflow, due: due))")
        while !Task.isCancelled {
            let wait = due.timeIntervalSinceNow
            if wait > 0 {
                guard (try? await Task.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))) != nil else { return }
            }
            guard !isClosed else { return }
            let allowed = settings[workflow]?.maxConcurrency ?? 1
            let active = await activeJobs(workflow)
            if active >= allowed {
                log("skipped the scheduled run of \(workflow): \(active) job(s) of it still running")
            } else {
                do {
                    let (job, created) = try await submit(workflow: workflow, id: Self.scheduledJobId(workflow, due: due), input: schedule.input)
                    if created { log("started scheduled job \(job.id) of \(workflow)") }
                } catch {
                    log("the scheduled run of \(workflow) failed to start: \(error)")
                }
            }
            let now = Date()
            repeat { due.addTimeInterval(period) } while due <= now
        }
    }

    /// The workflow's jobs that are QUEUED, PENDING or RUNNING.
    private func activeJobs(_ workflow: String) async -> Int {
        var count = 0
        for status in [JobRecord.Status.queued, .pending, .running] {
            count += (try? await service.store.listJobs(workflow: workflow, status: status, maxResults: 100).items.count) ?? 0
        }
        return count
    }
}
