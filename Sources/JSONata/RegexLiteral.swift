import Foundation

/// A regular expression literal `/pattern/flags`, compiled once with JavaScript-compatible options.
///
/// `@unchecked Sendable`: `NSRegularExpression` is immutable and documented as safe to use from many threads.
struct RegexLiteral: @unchecked Sendable {
    let pattern: String
    let flags: String
    let regex: NSRegularExpression

    init(pattern: String, flags: String, position: Int) throws(JSONataError) {
        self.pattern = pattern
        self.flags = flags
        var options: NSRegularExpression.Options = []
        if flags.contains("i") { options.insert(.caseInsensitive) }
        if flags.contains("m") { options.insert(.anchorsMatchLines) }
        do {
            regex = try NSRegularExpression(pattern: Self.translate(pattern), options: options)
        } catch {
            throw JSONataError.make("S0302", position: position, extra: ["message": "Invalid regular expression: /\(pattern)/"])
        }
    }

    /// Rewrites the few JavaScript constructs ICU reads differently (`\d`, `\w`, `\s` are ASCII in JavaScript;
    /// `[^]` matches anything; `$` ends the input only).
    static func translate(_ pattern: String) -> String {
        var out = ""
        var chars = pattern.makeIterator()
        var inClass = false
        while let c = chars.next() {
            if c == "\\" {
                guard let e = chars.next() else {
                    out.append("\\\\")
                    break
                }
                switch e {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += inClass ? "\\D" : "[^0-9]"
                case "w": out += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
                case "W": out += inClass ? "\\W" : "[^a-zA-Z0-9_]"
                default: out += "\\" + String(e)
                }
                continue
            }
            if c == "[" && !inClass { inClass = true } else if c == "]" && inClass { inClass = false }
            out.append(c)
        }
        return out.replacingOccurrences(of: "[^]", with: "[\\s\\S]")
    }

    /// The first match at or after UTF-16 offset `from`.
    func firstMatch(in text: String, from: Int) -> RegexMatch? {
        let ns = text as NSString
        guard from <= ns.length,
            let m = regex.firstMatch(in: text, options: [], range: NSRange(location: from, length: ns.length - from))
        else { return nil }
        var groups: [String] = []
        if m.numberOfRanges > 1 {
            for i in 1..<m.numberOfRanges {
                let r = m.range(at: i)
                groups.append(r.location == NSNotFound ? "" : ns.substring(with: r))
            }
        }
        return RegexMatch(match: ns.substring(with: m.range), start: m.range.location, end: m.range.location + m.range.length, groups: groups)
    }

    /// Every match, as JavaScript's global `exec` loop finds them: an empty match that is not at the end fails with D1004.
    func allMatches(in text: String, limit: Int? = nil) throws(JSONataError) -> [RegexMatch] {
        var results: [RegexMatch] = []
        let length = text.utf16.count
        guard var current = firstMatch(in: text, from: 0) else { return [] }
        while true {
            if let limit, results.count >= limit { break }
            results.append(current)
            if current.end >= length { break }
            guard let next = firstMatch(in: text, from: current.end) else { break }
            if next.match.isEmpty { throw JSONataError.make("D1004", value: .string(pattern)) }
            current = next
        }
        return results
    }
}

/// One match of a regular expression: the text, its UTF-16 bounds and the captured groups.
struct RegexMatch {
    var match: String
    var start: Int
    var end: Int
    var groups: [String]

    func matchObject() -> JObject {
        let object = JObject()
        object["match"] = .string(match)
        object["start"] = .number(Double(start))
        object["end"] = .number(Double(end))
        object["groups"] = .array(JArray(groups.map(Value.string)))
        return object
    }
}
