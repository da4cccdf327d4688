/// An instant written as an RFC 3339 timestamp, as Choice rules and Wait states compare them
/// (asl-reference §3.1, §10 item 15): `2016-03-14T01:59:00Z`, `2016-03-14T01:59:00.123+01:00`.
///
/// The date and time must be complete, with an upper-case `T`, seconds, an optional fraction of 1 to 9
/// digits, and `Z` or a `±hh:mm` offset. Values are compared as instants, so offsets and trailing zeros in
/// the fraction do not matter.
package struct Timestamp: Sendable, Hashable, Comparable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    package let seconds: Int64
    /// The fraction of the second, 0 ..< 1,000,000,000.
    package let nanoseconds: Int32

    package init(seconds: Int64, nanoseconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Milliseconds since the epoch, the fraction below a millisecond dropped (toward the past).
    package var epochMilliseconds: Int64 { seconds * 1000 + Int64(nanoseconds / 1_000_000) }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// Parses an RFC 3339 timestamp; nil when the text is not one or names an impossible date or time.
    package static func parse(_ text: String) -> Timestamp? {
        var scanner = TimestampScanner(bytes: Array(text.utf8))
        return scanner.scan()
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year  // count years from March so Feb 29 ends the year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads `YYYY-MM-DDThh:mm:ss[.f…](Z|±hh:mm)` byte by byte.
private struct TimestampScanner {
    let bytes: [UInt8]
    var position = 0

    mutating func scan() -> Timestamp? {
        guard let year = digits(4), take("-"), let month = digits(2), take("-"), let day = digits(2), take("T"),
            let hour = digits(2), take(":"), let minute = digits(2), take(":"), let second = digits(2)
        else { return nil }
        guard (1...12).contains(month), (1...Timestamp.daysInMonth(year: year, month: month)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var nanoseconds = 0
        if take(".") {
            let start = position
            while position < bytes.count, position - start < 9, let digit = digit(at: position) {
                nanoseconds = nanoseconds * 10 + digit
                position += 1
            }
            guard position > start, digit(at: position) == nil else { return nil }
            for _ in (position - start)..<9 { nanoseconds *= 10 }
        }
        guard let offset = offsetSeconds(), position == bytes.count else { return nil }
        let days = Timestamp.days(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return Timestamp(seconds: seconds, nanoseconds: Int32(nanoseconds))
    }

    /// `Z` → 0, `±hh:mm` → signed seconds east of UTC (at most 18 hours, as Java's ZoneOffset allows).
    mutating func offsetSeconds() -> Int? {
        if take("Z") { return 0 }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let hours = digits(2), take(":"), let minutes = digits(2), minutes < 60, hours * 60 + minutes <= 18 * 60
        else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    mutating func digits(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let digit = digit(at: position) else { return nil }
            value = value * 10 + digit
            position += 1
        }
        return value
    }

    func digit(at index: Int) -> Int? {
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
        return Int(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }
}
