import JSON

/// DynamoDB JSON (AttributeValue maps, `{"uid": {"S": "u1"}}`) as plain JSON (`{"uid": "u1"}`), as boto3's
/// TypeDeserializer reads it: numbers as written, binaries in base64, sets as arrays. For people reading items.
package enum DynamoJSON {
    /// An item (a map of attribute values) as a plain object.
    package static func plainItem(_ item: JSON) -> JSON {
        guard let object = item.objectValue else { return item }
        return .object(JSONObject(object.map { ($0.key, plain($0.value)) }))
    }

    /// One attribute value as a plain value; anything that is not an attribute value is left as it is.
    package static func plain(_ value: JSON) -> JSON {
        guard let object = value.objectValue, object.count == 1, let type = object.keys.first, let content = object[type] else { return value }
        switch type {
        case "S", "B", "BOOL": return content
        case "NULL": return .null
        case "N": return number(content)
        case "M": return plainItem(content)
        case "L": return .array((content.arrayValue ?? []).map(plain))
        case "SS", "BS": return content
        case "NS": return .array((content.arrayValue ?? []).map(number))
        default: return value
        }
    }

    private static func number(_ text: JSON) -> JSON {
        guard let string = text.stringValue, let number = try? JSON(parsing: string), number.numberValue != nil else { return text }
        return number
    }
}
