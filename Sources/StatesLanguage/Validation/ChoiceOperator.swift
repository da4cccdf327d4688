/// The JSONPath Choice comparison operators and the operand each takes (asl-reference §3.1).
enum ChoiceOperand: Sendable {
    case string, number, boolean, timestamp, path
}

enum ChoiceOperator {
    static let combinators: Set = ["And", "Or", "Not"]

    /// All 39 data-test operators.
    static let operands: [String: ChoiceOperand] = {
        var table: [String: ChoiceOperand] = ["StringMatches": .string, "BooleanEquals": .boolean, "BooleanEqualsPath": .path]
        let comparisons = ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"]
        for (family, operand) in [("String", ChoiceOperand.string), ("Numeric", .number), ("Timestamp", .timestamp)] {
            for comparison in comparisons {
                table[family + comparison] = operand
                table[family + comparison + "Path"] = .path
            }
        }
        for test in ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"] { table[test] = .boolean }
        return table
    }()
}
