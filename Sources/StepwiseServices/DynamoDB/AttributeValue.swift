import Foundation

/// A DynamoDB attribute value: one of the ten data types of the AttributeValue shape.
///
/// Binary values hold the decoded bytes (requests and responses carry them in base64). Sets keep the order
/// they were given in, but compare as sets.
indirect enum AttributeValue: Sendable {
    case string(String)
    case number(DynamoNumber)
    case binary([UInt8])
    case bool(Bool)
    case null
    case map(AttributeMap)
    case list([AttributeValue])
    case stringSet([String])
    case numberSet([DynamoNumber])
    case binarySet([[UInt8]])

    /// The type descriptor as DynamoDB writes it: `S`, `N`, `B`, `BOOL`, `NULL`, `M`, `L`, `SS`, `NS`, `BS`.
    var typeName: String {
        switch self {
        case .string: "S"
        case .number: "N"
        case .binary: "B"
        case .bool: "BOOL"
        case .null: "NULL"
        case .map: "M"
        case .list: "L"
        case .stringSet: "SS"
        case .numberSet: "NS"
        case .binarySet: "BS"
        }
    }

    var isSet: Bool {
        switch self {
        case .stringSet, .numberSet, .binarySet: true
        default: false
        }
    }
}

extension AttributeValue: Hashable {
    static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.binary(let a), .binary(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.map(let a), .map(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.stringSet(let a), .stringSet(let b)): Set(a) == Set(b)
        case (.numberSet(let a), .numberSet(let b)): Set(a) == Set(b)
        case (.binarySet(let a), .binarySet(let b)): Set(a) == Set(b)
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(typeName)
        switch self {
        case .string(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .binary(let value): hasher.combine(value)
        case .bool(let value): hasher.combine(value)
        case .null: break
        case .map(let value): hasher.combine(value)
        case .list(let value): hasher.combine(value)
        case .stringSet(let value): hasher.combine(Set(value))
        case .numberSet(let value): hasher.combine(Set(value))
        case .binarySet(let value): hasher.combine(Set(value))
        }
    }
}
