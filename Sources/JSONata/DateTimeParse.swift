import Foundation
import StepwiseRegex

/// `$toMillis`: ISO 8601 timestamps, or timestamps read with an XPath picture (jsonata-js `parseDateTime`).
///
/// The patterns are JavaScript regexes, as in jsonata-js, matched under the evaluation's deadline: a picture
/// of many number markers makes a pattern that backtracks polynomially on a long run of digits.
enum DateTimeParse {
    static let isoPattern = try? ECMARegex(#"^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$"#)
    static let isoFields = try? ECMARegex(
        #"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d:?\d\d)?$"#)

    static func toMillis(_ timestamp: String, picture: String?, _ evaluator: Evaluator) throws(JSONataError) -> Double? {
        if let picture { return try parse(timestamp, picture, evaluator) }
        guard try groups(isoPattern, timestamp, evaluator) != nil else { throw JSONataError.make("D3110", value: .string(timestamp)) }
        return try parseISO(timestamp, evaluator)
    }

    /// The groups of the first match (group 0 first; nil for one that took no part), or nil.
    static func groups(_ regex: ECMARegex?, _ text: String, _ evaluator: Evaluator) throws(JSONataError) -> [String?]? {
        let units = Array(text.utf16)
        guard let regex, let m = try evaluator.firstMatch(regex, in: units) else { return nil }
        return (0..<m.count).map { group in m[group].map { String(decoding: units[$0], as: UTF16.self) } }
    }

    /// `Date.parse` for the ISO forms the pattern admits (UTC unless an offset is given).
    static func parseISO(_ text: String, _ evaluator: Evaluator) throws(JSONataError) -> Double? {
        guard let groups = try groups(isoFields, text, evaluator) else { return nil }
        func field(_ i: Int) -> String? { groups[i] }
        let year = Double(field(1)!)!
        let month = Double(field(2) ?? "1")!
        let day = Double(field(3) ?? "1")!
        let hour = Double(field(4) ?? "0")!
        let minute = Double(field(5) ?? "0")!
        let second = Double(field(6) ?? "0")!
        let fraction = field(7).map { Double("0." + $0)! * 1000 }?.rounded(.down) ?? 0
        guard year < 1e7, month >= 1, month <= 12, day >= 1, day <= 31, hour <= 24, minute < 60, second < 60 else { return nil }
        var millis = CivilTime.utc(year, month - 1, day, hour, minute, second, fraction)
        if let zone = field(8), zone != "Z" {
            let sign: Double = zone.hasPrefix("-") ? -1 : 1
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            let h = Double(digits.prefix(2)) ?? 0
            let mm = Double(digits.suffix(2)) ?? 0
            millis -= sign * (h * 60 + mm) * 60_000
        }
        return millis
    }

    struct Matcher {
        var regex: String
        var component: Character?
        var parse: ((String) throws(JSONataError) -> Double?)?
    }

    static func parse(_ timestamp: String, _ picture: String, _ evaluator: Evaluator) throws(JSONataError) -> Double? {
        let parts = try DateTimeFormat.analyse(picture)
        var matchers: [Matcher] = []
        for part in parts { matchers.append(try matcher(part)) }
        let pattern = "^" + matchers.map { "(" + $0.regex + ")" }.joined() + "$"
        guard let groups = try groups(try? ECMARegex(pattern, flags: .ignoreCase), timestamp, evaluator) else { return nil }
        var components: [Character: Double] = [:]
        for (i, matcher) in matchers.enumerated() {
            guard let parse = matcher.parse, let component = matcher.component, let text = groups[i + 1] else { continue }
            if let value = try parse(text) { components[component] = value }
        }
        if components.isEmpty { return nil }
        return try assemble(&components, now: evaluator.timestamp)
    }

    private static func matcher(_ part: DateTimeFormat.Part) throws(JSONataError) -> Matcher {
        switch part {
        case .literal(let text):
            return Matcher(regex: ECMARegex.escaped(text))
        case .marker(let marker):
            if marker.component == "Z" || marker.component == "z" { return zoneMatcher(marker) }
            if let format = marker.integerFormat {
                let width = marker.component == "Y" && marker.yearDigits > 0 ? marker.yearDigits : nil
                return Matcher(regex: try format.regex(width: width), component: marker.component) { text throws(JSONataError) in
                    try format.parse(text)
                }
            }
            var lookup: [String: Double] = [:]
            switch marker.component {
            case "M", "x":
                for (i, name) in DateTimeFormat.months.enumerated() {
                    lookup[(marker.widthMax.map { String(name.prefix($0)) } ?? name).lowercased()] = Double(i + 1)
                }
            case "F":
                for (i, name) in DateTimeFormat.days.enumerated() where i > 0 {
                    lookup[(marker.widthMax.map { String(name.prefix($0)) } ?? name).lowercased()] = Double(i)
                }
            case "P":
                lookup = ["am": 0, "pm": 1]
            default:
                throw JSONataError.make("D3133", value: .string(String(marker.component)))
            }
            return Matcher(regex: "[a-zA-Z]+", component: marker.component) { text in lookup[text.lowercased()] }
        }
    }

    private static func zoneMatcher(_ marker: DateTimeFormat.Marker) -> Matcher {
        let separator = marker.integerFormat?.regular == true ? marker.integerFormat?.separators.first?.character : nil
        var regex = marker.component == "z" ? "GMT" : ""
        regex += "[-+][0-9]+"
        if let separator { regex += ECMARegex.escaped(separator) + "[0-9]+" }
        return Matcher(regex: regex, component: marker.component) { text in
            var value = text
            if marker.component == "z" { value = String(value.dropFirst(3)) }
            var hours = 0.0
            var minutes = 0.0
            if let separator, let at = value.range(of: separator) {
                hours = IntegerPicture.parseIntPrefix(String(value[..<at.lowerBound])) ?? 0
                minutes = IntegerPicture.parseIntPrefix(String(value[at.upperBound...])) ?? 0
            } else if value.count - 1 <= 2 {
                hours = IntegerPicture.parseIntPrefix(value) ?? 0
            } else {
                hours = IntegerPicture.parseIntPrefix(String(value.prefix(3))) ?? 0
                minutes = IntegerPicture.parseIntPrefix(String(value.dropFirst(3))) ?? 0
            }
            return hours * 60 + minutes
        }
    }

    private static func assemble(_ components: inout [Character: Double], now: Double) throws(JSONataError) -> Double? {
        func mask(_ letters: String) -> Int { letters.reduce(0) { ($0 << 1) + (components[$1] != nil ? 1 : 0) } }
        func isType(_ type: Int, _ mask: Int) -> Bool { (~type & mask) == 0 && (type & mask) != 0 }
        let dateMask = mask("YXMxWwdD")
        let dateA = isType(161, dateMask)
        let dateB = !dateA && isType(130, dateMask)
        let dateC = isType(84, dateMask)
        let dateD = !dateC && isType(72, dateMask)
        let timeMask = mask("PHhmsf")
        let timeA = isType(23, timeMask)
        let timeB = !timeA && isType(47, timeMask)
        let dateComps = dateB ? "YD" : dateC ? "XxwF" : dateD ? "XWF" : "YMD"
        let timeComps = timeB ? "Phmsf" : "Hmsf"
        let current = CivilTime(millis: now)
        var startSpecified = false
        var endSpecified = false
        for part in dateComps + timeComps {
            if components[part] == nil {
                if startSpecified {
                    components[part] = "MDd".contains(part) ? 1 : 0
                    endSpecified = true
                } else {
                    components[part] = part == "P" ? (current.hour >= 12 ? 1 : 0) : current.fragment(part)
                }
            } else {
                startSpecified = true
                if endSpecified { throw JSONataError.make("D3136") }
            }
        }
        var month = (components["M"] ?? 0) > 0 ? components["M"]! - 1 : 0
        var day = components["D"] ?? 1
        if dateB {
            let derived = CivilTime(millis: CivilTime.utc(components["Y"]!, 0) + ((components["d"] ?? 1) - 1) * CivilTime.millisInADay)
            month = Double(derived.month - 1)
            day = Double(derived.day)
        }
        if dateC || dateD { throw JSONataError.make("D3136") }
        var hour = components["H"] ?? 0
        if timeB {
            hour = components["h"] == 12 ? 0 : (components["h"] ?? 0)
            if components["P"] == 1 { hour += 12 }
        }
        guard components.values.allSatisfy({ $0.isFinite && abs($0) < 1e12 }) else { return nil }
        var millis = CivilTime.utc(components["Y"] ?? 1970, month, day, hour, components["m"] ?? 0, components["s"] ?? 0, components["f"] ?? 0)
        if let zone = components["Z"] ?? components["z"], zone != 0 { millis -= zone * 60_000 }
        return millis
    }
}

extension Builtins {
    static let dateTimeFunctions: [NativeFunction] = [
        NativeFunction("toMillis", "<s-s?:n>") { context, args throws(JSONataError) in
            guard let timestamp = args.string(0) else { return nil }
            return try DateTimeParse.toMillis(timestamp, picture: args.string(1), context.evaluator).map(Value.number)
        },
        NativeFunction("fromMillis", "<n-s?s?:s>") { _, args throws(JSONataError) in
            guard let millis = args.number(0) else { return nil }
            return try DateTimeFormat.format(millis: millis, picture: args.string(1), timezone: args.string(2)).map(Value.string)
        },
    ]
}
