extension UpdateExpression {
    /// What ADD leaves: a number added to (or starting from 0), or members added to a set.
    static func added(_ existing: AttributeValue?, _ operand: AttributeValue) throws -> AttributeValue {
        switch (existing, operand) {
        case (nil, .number), (nil, .stringSet), (nil, .numberSet), (nil, .binarySet): return operand
        case (.number(let a)?, .number(let b)):
            let sum = a + b
            try sum.checkStorable()
            return .number(sum)
        case (.stringSet(let a)?, .stringSet(let b)): return .stringSet(union(a, b))
        case (.numberSet(let a)?, .numberSet(let b)): return .numberSet(union(a, b))
        case (.binarySet(let a)?, .binarySet(let b)): return .binarySet(union(a, b))
        case (_, .number), (_, .stringSet), (_, .numberSet), (_, .binarySet): throw incorrectType
        default: throw operandType("ADD", operand)
        }
    }

    /// What DELETE leaves of a set: nil when no member remains (the attribute is then removed).
    static func deleted(_ existing: AttributeValue?, _ operand: AttributeValue) throws -> AttributeValue? {
        switch (existing, operand) {
        case (nil, .stringSet), (nil, .numberSet), (nil, .binarySet): return nil
        case (.stringSet(let a)?, .stringSet(let b)): return nonEmpty(a.filter { !b.contains($0) }, AttributeValue.stringSet)
        case (.numberSet(let a)?, .numberSet(let b)): return nonEmpty(a.filter { !b.contains($0) }, AttributeValue.numberSet)
        case (.binarySet(let a)?, .binarySet(let b)): return nonEmpty(a.filter { !b.contains($0) }, AttributeValue.binarySet)
        case (_, .stringSet), (_, .numberSet), (_, .binarySet): throw incorrectType
        default: throw operandType("DELETE", operand)
        }
    }

    private static func union<T: Hashable>(_ a: [T], _ b: [T]) -> [T] {
        var seen = Set(a)
        return a + b.filter { seen.insert($0).inserted }
    }

    private static func nonEmpty<T>(_ members: [T], _ make: ([T]) -> AttributeValue) -> AttributeValue? {
        members.isEmpty ? nil : make(members)
    }

    private static func operandType(_ clause: String, _ operand: AttributeValue) -> any Error {
        let names = ["S": "STRING", "N": "NUMBER", "B": "BINARY", "BOOL": "BOOLEAN", "NULL": "NULL", "M": "MAP", "L": "LIST"]
        return DynamoError.validation(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                + "operator: \(clause), operand type: \(names[operand.typeName] ?? operand.typeName)")
    }
}
