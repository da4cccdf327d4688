/// A stored item's primary key: the key attributes and their text in the `items` table's `pk` / `sk` columns.
struct ItemKey: Sendable, Hashable {
    let partition: String
    /// Empty for a table without a sort key.
    let sort: String
    let attributes: AttributeMap
}

extension TableDefinition {
    /// The key of an item being written (PutItem, BatchWriteItem's PutRequest), with DynamoDB's messages for a
    /// missing key attribute, a type mismatch or an empty key.
    func key(ofItem item: AttributeMap) throws -> ItemKey {
        for key in keys {
            guard let value = item[key.name] else { throw DynamoError.invalidParameter("Missing the key \(key.name) in the item") }
            guard value.typeName == key.type else {
                throw DynamoError.invalidParameter("Type mismatch for key \(key.name) expected: \(key.type) actual: \(value.typeName)")
            }
            try Self.checkNotEmpty(value, key.name)
        }
        return makeKey(item)
    }

    /// The key named by a request's `Key` (GetItem, UpdateItem, DeleteItem, ExclusiveStartKey, BatchGet): it must
    /// hold exactly the key attributes, with their types.
    func key(fromKey key: AttributeMap) throws -> ItemKey {
        guard key.count == keys.count, keys.allSatisfy({ key[$0.name]?.typeName == $0.type }) else {
            throw DynamoError.keyMismatch
        }
        for attribute in keys { try Self.checkNotEmpty(key[attribute.name]!, attribute.name) }
        return makeKey(key)
    }

    /// The key attributes of an item (LastEvaluatedKey, UpdateItem's new item).
    func keyAttributes(of item: AttributeMap) -> AttributeMap {
        AttributeMap(keys.compactMap { key in item[key.name].map { (key.name, $0) } })
    }

    private func makeKey(_ item: AttributeMap) -> ItemKey {
        let partition = Self.keyText(item[partitionKey.name]!)
        let sort = sortKey.map { Self.keyText(item[$0.name]!) } ?? ""
        return ItemKey(partition: partition, sort: sort, attributes: keyAttributes(of: item))
    }

    /// The text stored for a key value: the string, the normalized number or the base64 of the bytes.
    static func keyText(_ value: AttributeValue) -> String {
        if case .string(let text) = value { return text }
        return value.json.objectValue?.values.first?.stringValue ?? ""
    }

    private static func checkNotEmpty(_ value: AttributeValue, _ name: String) throws {
        switch value {
        case .string(""), .binary([]):
            throw DynamoError.validation(
                "One or more parameter values are not valid. The AttributeValue for a key attribute "
                    + "cannot contain an empty \(value.typeName == "S" ? "string" : "binary") value. Key: \(name)")
        default: return
        }
    }
}
