import JSON

/// States.StringToJson and States.JsonMerge (asl-reference §4, §10 item 13).
extension IntrinsicEvaluator {
    /// An empty or all-whitespace string parses to null (as observed on AWS).
    static func stringToJson(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let text = try arguments.string(0)
        if text.allSatisfy(\.isWhitespace) { return .null }
        guard let value = try? JSON(parsing: text) else { throw arguments.invalid() }
        return value
    }

    /// Shallow merge, the second object's members winning; AWS rejects deep merging (`true`).
    static func jsonMerge(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        var merged = try arguments.object(0)
        let other = try arguments.object(1)
        guard try !arguments.bool(2) else { throw arguments.invalid() }
        for (key, value) in other { merged[key] = value }
        return .object(merged)
    }
}
