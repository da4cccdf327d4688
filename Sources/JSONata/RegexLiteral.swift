import StepwiseRegex

/// A regular expression literal `/pattern/flags`, compiled once by `ECMARegex`, which reads and matches it as
/// JavaScript does (jsonata-js hands the literal to the `RegExp` of Node).
struct RegexLiteral: Sendable {
    let pattern: String
    let flags: String
    let regex: ECMARegex

    init(pattern: String, flags: String, position: Int) throws(JSONataError) {
        self.pattern = pattern
        self.flags = flags
        var options: RegexFlags = []
        if flags.contains("i") { options.insert(.ignoreCase) }
        if flags.contains("m") { options.insert(.multiline) }
        do {
            regex = try ECMARegex(pattern, flags: options)
        } catch {
            throw JSONataError.make("S0302", position: position, extra: ["message": "Invalid regular expression: /\(pattern)/"])
        }
    }

    /// The first match at or after UTF-16 offset `from`, within the evaluation's time limit.
    func firstMatch(in units: [UInt16], from: Int, _ evaluator: Evaluator) throws(JSONataError) -> RegexMatch? {
        try evaluator.firstMatch(regex, in: units, from: from).map { RegexMatch($0, in: units) }
    }

    /// Every match, as JavaScript's global `exec` loop finds them: an empty match that is not at the end fails with D1004.
    func allMatches(in text: String, limit: Int? = nil, _ evaluator: Evaluator) throws(JSONataError) -> [RegexMatch] {
        var results: [RegexMatch] = []
        let units = Array(text.utf16)
        guard var current = try firstMatch(in: units, from: 0, evaluator) else { return [] }
        while true {
            if let limit, results.count >= limit { break }
            results.append(current)
            if current.end >= units.count { break }
            try evaluator.guardTime()
            guard let next = try firstMatch(in: units, from: current.end, evaluator) else { break }
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

    init(match: String, start: Int, end: Int, groups: [String]) {
        self.match = match
        self.start = start
        self.end = end
        self.groups = groups
    }

    /// A match of `ECMARegex`; a group that took no part is "" (jsonata-js passes JavaScript's undefined on).
    init(_ captures: RegexCaptures, in units: [UInt16]) {
        let range = captures.range
        self.init(
            match: String(decoding: units[range], as: UTF16.self), start: range.lowerBound, end: range.upperBound,
            groups: (1..<captures.count).map { group in captures[group].map { String(decoding: units[$0], as: UTF16.self) } ?? "" })
    }

    func matchObject() -> JObject {
        let object = JObject()
        object["match"] = .string(match)
        object["start"] = .number(Double(start))
        object["end"] = .number(Double(end))
        object["groups"] = .array(JArray(groups.map(Value.string)))
        return object
    }
}
