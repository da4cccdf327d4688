import Foundation

/// A regular expression literal `/pattern/flags`, compiled once into an ICU pattern with JavaScript's meaning
/// (see `RegexTranslator`).
///
/// `@unchecked Sendable`: `NSRegularExpression` is immutable and documented as safe to use from many threads.
struct RegexLiteral: @unchecked Sendable {
    let pattern: String
    let flags: String
    let regex: NSRegularExpression

    init(pattern: String, flags: String, position: Int) throws(JSONataError) {
        self.pattern = pattern
        self.flags = flags
        do {
            regex = try NSRegularExpression(pattern: RegexTranslator.translate(pattern, flags: flags))
        } catch {
            throw JSONataError.make("S0302", position: position, extra: ["message": "Invalid regular expression: /\(pattern)/"])
        }
    }

    /// Lookbehinds see the text before `from` and anchors ignore the search range, as JavaScript's `exec` from
    /// `lastIndex` does.
    private static let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]

    /// The first match at or after UTF-16 offset `from`.
    func firstMatch(in text: String, from: Int) -> RegexMatch? {
        let ns = text as NSString
        guard from <= ns.length,
            let m = regex.firstMatch(in: text, options: Self.options, range: NSRange(location: from, length: ns.length - from))
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
