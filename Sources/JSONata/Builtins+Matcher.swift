/// The patterns of `$match`, `$contains`, `$split` and `$replace`: a regex, or any function that behaves as one.
///
/// jsonata-js's matcher protocol: the function is called with the string and answers `{match, start, end, groups,
/// next}` (or nothing: no match); `next()` answers the following match the same way. An answer that has neither a
/// numeric `start`, an array `groups` nor a function `next` is T1010 (jsonata-js tests `end` wrongly, so `end`
/// alone does not make an answer valid there either).
extension Builtins {
    static func matches(_ context: CallContext, _ matcher: JFunction, in s: String, limit: Int? = nil) throws(JSONataError) -> [RegexMatch] {
        if case .regex(let re) = matcher.kind { return try re.allMatches(in: s, limit: limit, context.evaluator) }
        var results: [RegexMatch] = []
        var answer = try context.evaluator.apply(.function(matcher), [.string(s)], nil, context.environment)
        if let limit, limit <= 0 { return [] }
        while let current = answer, isMatch(current) {
            guard case .object(let object) = current, isMatcherAnswer(object) else { throw JSONataError.make("T1010") }
            let text = object["match"]?.stringValue ?? ""
            let start = object["start"].flatMap(\.numberValue).map { Int($0) } ?? 0
            let end = object["end"].flatMap(\.numberValue).map { Int($0) } ?? start + text.utf16.count
            let groups = object["groups"].flatMap(\.arrayValue)?.items.map { $0.stringValue ?? "" } ?? []
            results.append(RegexMatch(match: text, start: start, end: Swift.max(start, end), groups: groups))
            if let limit, results.count >= limit { break }
            guard case .function(let next)? = object["next"] else { break }
            answer = try context.evaluator.apply(.function(next), [], nil, context.environment)
        }
        return results
    }

    /// JavaScript truthiness: undefined, null, false, 0 and "" mean no (more) matches.
    private static func isMatch(_ value: Value) -> Bool {
        switch value {
        case .null, .bool(false), .string(""): false
        case .number(let n): n != 0 && !n.isNaN
        default: true
        }
    }

    private static func isMatcherAnswer(_ object: JObject) -> Bool {
        if case .number? = object["start"] { return true }
        if case .array? = object["groups"] { return true }
        if case .function? = object["next"] { return true }
        return false
    }
}
