import Foundation
import JSON
import StatesLanguage

extension Interpreter {
    /// Appends a history event and returns its id. Once only the terminal event would still fit under the
    /// 25,000-event limit, nothing more is recorded and the step ends with the execution failing (see `handle`).
    @discardableResult
    mutating func record(_ type: EventType, _ details: HistoryEvent.Details, previous: Int) -> Int {
        let terminal = status != .running
        guard terminal || eventCount < Self.maxHistoryEvents - 1 else {
            overHistoryLimit = true
            return eventCount
        }
        eventCount += 1
        newEvents.append(HistoryEvent(id: eventCount, previousEventId: previous, timestamp: now, type: type, details: details))
        return eventCount
    }

    /// Records an event that points back to `previous` without moving the frame's causal chain: AWS's
    /// Map/ParallelStateSucceeded, MapIterationSucceeded/Failed and EvaluationFailed are recorded this way
    /// (asl-reference §7.3; observed in AWS histories: the next event points where the chain was).
    @discardableResult
    mutating func record(_ frameId: Int, _ type: EventType, _ details: HistoryEvent.Details, beside previous: Int) -> Int {
        if frames[frameId].detached { return frames[frameId].lastEventId }
        return record(type, details, previous: previous)
    }

    /// Records an event in a frame's causal chain (previousEventId = the frame's last event).
    @discardableResult
    mutating func record(_ frameId: Int, _ type: EventType, _ details: HistoryEvent.Details) -> Int {
        if frames[frameId].detached { return recordDetached(frameId, type, details) }
        let id = record(type, details, previous: frames[frameId].lastEventId)
        frames[frameId].lastEventId = id
        return id
    }

    mutating func schedule(_ purpose: TimerPurpose, after seconds: Double) -> Int {
        let id = nextTimerId
        nextTimerId += 1
        timers[id] = purpose
        let deadline = now.addingTimeInterval(seconds)
        timerDeadlines[id] = deadline
        actions.append(.schedule(timer: id, deadline: deadline))
        return id
    }

    mutating func cancelTimer(_ id: Int) {
        guard timers.removeValue(forKey: id) != nil else { return }
        timerDeadlines[id] = nil
        actions.append(.cancelTimer(id))
    }
}

/// ISO-8601 timestamps as AWS writes them in the context object: UTC, milliseconds, `Z`.
package enum ISOTimestamp {
    package static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        let msOfDay = millis - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let ms = msOfDay % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(ms, 3))Z"
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Howard Hinnant's days-to-civil algorithm.
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
