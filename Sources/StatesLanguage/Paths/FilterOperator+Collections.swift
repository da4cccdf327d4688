import JSON

extension FilterOperator {
    /// `subsetof`, `anyof`, `noneof`: an array on the left tested against an array on the right.
    func setTest(_ left: JSON, _ right: JSON) -> Bool {
        guard case .array(let items) = left, case .array(let set) = right else { return false }
        let isMember = { (item: JSON) in set.contains { Self.looselyEqual(item, $0) } }
        switch self {
        case .subsetOf: return items.allSatisfy(isMember)
        case .anyOf: return items.contains(where: isMember)
        default: return !items.contains(where: isMember)
        }
    }

    /// `contains`: a substring of a string, or an element of an array.
    static func contains(_ left: JSON, _ right: JSON) -> Bool {
        switch (left, right) {
        case (.array(let array), _): array.contains { looselyEqual($0, right) }
        case (.string(let string), .string(let part)): string.contains(part)
        default: false
        }
    }

    /// The length `size` and `empty` test: characters of a string, elements of an array, members of an object.
    static func count(_ value: JSON) -> Int? {
        switch value {
        case .array(let array): array.count
        case .object(let object): object.count
        case .string(let string): string.count
        default: nil
        }
    }
}
