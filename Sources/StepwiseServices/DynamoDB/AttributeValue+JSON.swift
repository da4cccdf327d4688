import Foundation
import JSON

extension AttributeValue {
    /// Reads the AttributeValue shape (`{"S": "x"}`, `{"N": "1.5"}`, `{"M": {…}}`, …), validating as DynamoDB does.
    init(json: JSON) throws {
        guard let object = json.objectValue, !object.isEmpty else {
            throw DynamoError.validation(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
        }
        guard object.count == 1, let type = object.keys.first, let value = object[type] else {
            throw DynamoError.validation(
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
        }
        self = try Self.decode(type: type, value: value)
    }

    private static func decode(type: String, value: JSON) throws -> AttributeValue {
        switch type {
        case "S": return .string(try text(value))
        case "N": return .number(try number(value))
        case "B": return .binary(try bytes(value))
        case "BOOL":
            guard let bool = value.boolValue else { throw DynamoError.validation("BOOL must be a boolean") }
            return .bool(bool)
        case "NULL":
            guard value.boolValue == true else {
                throw DynamoError.invalidParameter("Null attribute value types must have the value of true")
            }
            return .null
        case "M": return .map(try AttributeMap(json: value))
        case "L": return .list(try (value.arrayValue ?? []).map(AttributeValue.init(json:)))
        case "SS": return .stringSet(try set(value, "string", text))
        case "NS": return .numberSet(try set(value, "number", number))
        case "BS": return .binarySet(try set(value, "binary", bytes))
        default:
            throw DynamoError.validation(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
        }
    }

    private static func text(_ value: JSON) throws -> String {
        guard let text = value.stringValue else { throw DynamoError.validation("S must be a string") }
        return text
    }

    /// A number from its string (or, leniently, a JSON number), checked against DynamoDB's range.
    static func number(_ value: JSON) throws -> DynamoNumber {
        let text = value.stringValue ?? value.numberValue.map { JSON.number($0).serialized() }
        guard let text, let number = DynamoNumber(text.trimmingCharacters(in: .whitespaces)) else {
            throw DynamoError.numberFormat
        }
        try number.checkStorable()
        return number
    }

    private static func bytes(_ value: JSON) throws -> [UInt8] {
        guard let text = value.stringValue, let data = Data(base64Encoded: text) else {
            throw DynamoError.validation("Invalid Base64 value for a binary attribute")
        }
        return [UInt8](data)
    }

    /// A non-empty, duplicate-free set of elements read by `element`.
    private static func set<T: Hashable>(_ value: JSON, _ kind: String, _ element: (JSON) throws -> T) throws -> [T] {
        let elements = try (value.arrayValue ?? []).map(element)
        guard !elements.isEmpty else { throw DynamoError.invalidParameter("An \(kind) set  may not be empty") }
        guard Set(elements).count == elements.count else {
            let shown = (value.arrayValue ?? []).map { $0.stringValue ?? $0.serialized() }.joined(separator: ", ")
            throw DynamoError.invalidParameter("Input collection [\(shown)] contains duplicates.")
        }
        return elements
    }

    /// The AttributeValue shape of this value.
    var json: JSON {
        switch self {
        case .string(let value): ["S": .string(value)]
        case .number(let value): ["N": .string(value.description)]
        case .binary(let value): ["B": .string(Data(value).base64EncodedString())]
        case .bool(let value): ["BOOL": .bool(value)]
        case .null: ["NULL": true]
        case .map(let value): ["M": value.json]
        case .list(let value): ["L": .array(value.map(\.json))]
        case .stringSet(let value): ["SS": .array(value.map(JSON.string))]
        case .numberSet(let value): ["NS": .array(value.map { .string($0.description) })]
        case .binarySet(let value): ["BS": .array(value.map { .string(Data($0).base64EncodedString()) })]
        }
    }
}

extension AttributeMap {
    /// Reads a map of attribute names to AttributeValues (an `Item`, a `Key`, an `M`).
    init(json: JSON) throws {
        guard let object = json.objectValue else { throw DynamoError.validation("Expected a map of attribute values") }
        self.init()
        for (key, value) in object { self[key] = try AttributeValue(json: value) }
    }

    /// The map as JSON, attribute names to AttributeValue shapes.
    var json: JSON {
        .object(JSONObject(uniqueKeys: keys, values: keys.map { self[$0]!.json }))
    }
}

extension DynamoNumber {
    /// Throws DynamoDB's ValidationException unless the number fits DynamoDB's precision and range.
    func checkStorable() throws {
        guard !isStorable else { return }
        if precision > 38 {
            throw DynamoError.validation("Attempting to store more than 38 significant digits in a Number")
        }
        if description.hasPrefix("0.") || description.hasPrefix("-0.") {
            throw DynamoError.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range")
        }
        throw DynamoError.validation("Number overflow. Attempting to store a number with magnitude larger than supported range")
    }
}
