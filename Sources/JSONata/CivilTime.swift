import Foundation

/// A UTC calendar date and time computed from epoch milliseconds (proleptic Gregorian, like JavaScript's `Date`).
struct CivilTime {
    var year: Int
    var month: Int  // 1...12
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var millisecond: Int
    let millis: Double

    static let millisInADay = 86_400_000.0

    init(millis: Double) {
        self.millis = millis
        let days = (millis / Self.millisInADay).rounded(.down)
        var rest = Int(millis - days * Self.millisInADay)
        (year, month, day) = Self.civil(fromDays: Int(days))
        hour = rest / 3_600_000
        rest %= 3_600_000
        minute = rest / 60_000
        rest %= 60_000
        second = rest / 1000
        millisecond = rest % 1000
    }

    /// Howard Hinnant's `civil_from_days`.
    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// `Date.UTC(year, monthIndex, day, …)` with JavaScript's overflow of months and days.
    static func utc(
        _ year: Double, _ monthIndex: Double, _ day: Double = 1, _ hour: Double = 0, _ minute: Double = 0, _ second: Double = 0, _ ms: Double = 0
    ) -> Double {
        let ym = year + (monthIndex / 12).rounded(.down)
        let mn = monthIndex.truncatingRemainder(dividingBy: 12)
        let month = mn < 0 ? mn + 12 : mn
        let y = Functions.clampedInt(Swift.max(Swift.min(ym, 1e7), -1e7)) - (month < 2 ? 1 : 0)
        let m = Functions.clampedInt(month) + 1
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = Double(era * 146_097 + doe - 719_468) + day - 1
        return days * millisInADay + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms
    }

    /// Day of the week, 0 = Sunday (JavaScript `getUTCDay`).
    var weekday: Int {
        let days = Int((millis / Self.millisInADay).rounded(.down))
        return ((days % 7) + 11) % 7
    }

    static func startOfFirstWeek(_ year: Int, _ monthIndex: Int) -> Double {
        let first = utc(Double(year), Double(monthIndex))
        var day = CivilTime(millis: first).weekday
        if day == 0 { day = 7 }
        return day > 4 ? first + Double(8 - day) * millisInADay : first - Double(day - 1) * millisInADay
    }

    /// The value of a picture component (`Y`, `M`, `D`, `d`, `F`, `W`, `w`, `X`, `x`, `H`, `h`, `m`, `s`, `f`).
    func fragment(_ component: Character) -> Double {
        switch component {
        case "Y": return Double(year)
        case "M": return Double(month)
        case "D": return Double(day)
        case "d":
            let today = Self.utc(Double(year), Double(month - 1), Double(day))
            return (today - Self.utc(Double(year), 0)) / Self.millisInADay + 1
        case "F": return Double(weekday == 0 ? 7 : weekday)
        case "W": return weekOfYear()
        case "w": return weekOfMonth()
        case "X":
            let start = Self.startOfFirstWeek(year, 0)
            let end = Self.startOfFirstWeek(year + 1, 0)
            return Double(millis < start ? year - 1 : (millis >= end ? year + 1 : year))
        case "x":
            let start = Self.startOfFirstWeek(year, month - 1)
            let next = month == 12 ? (year + 1, 0) : (year, month)
            let end = Self.startOfFirstWeek(next.0, next.1)
            if millis < start { return Double(month == 1 ? 12 : month - 1) }
            if millis >= end { return Double(next.1 + 1) }
            return Double(month)
        case "H": return Double(hour)
        case "h":
            let h = hour % 12
            return Double(h == 0 ? 12 : h)
        case "m": return Double(minute)
        case "s": return Double(second)
        case "f": return Double(millisecond)
        default: return 0
        }
    }

    private func weekOfYear() -> Double {
        let start = Self.startOfFirstWeek(year, 0)
        let today = Self.utc(Double(year), Double(month - 1), Double(day))
        var week = (today - start) / (Self.millisInADay * 7) + 1
        if week > 52 {
            if today >= Self.startOfFirstWeek(year + 1, 0) { week = 1 }
        } else if week < 1 {
            week = (today - Self.startOfFirstWeek(year - 1, 0)) / (Self.millisInADay * 7) + 1
        }
        return week.rounded(.down)
    }

    private func weekOfMonth() -> Double {
        let start = Self.startOfFirstWeek(year, month - 1)
        let today = Self.utc(Double(year), Double(month - 1), Double(day))
        var week = (today - start) / (Self.millisInADay * 7) + 1
        if week > 4 {
            let next = month == 12 ? (year + 1, 0) : (year, month)
            if today >= Self.startOfFirstWeek(next.0, next.1) { week = 1 }
        } else if week < 1 {
            let previous = month == 1 ? (year - 1, 11) : (year, month - 2)
            week = (today - Self.startOfFirstWeek(previous.0, previous.1)) / (Self.millisInADay * 7) + 1
        }
        return week.rounded(.down)
    }
}
