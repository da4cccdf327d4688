import JSON

/// Shape checks for single values: types, ranges, enumerations, mutually exclusive fields.
extension Validator {
    /// A `{% … %}` string: the whole value is a JSONata expression (asl-reference §2.2).
    static func isJSONata(_ text: String) -> Bool {
        text.count >= 4 && text.hasPrefix("{%") && text.hasSuffix("%}")
    }

    static func isJSONata(_ value: JSON?) -> Bool { value?.stringValue.map(isJSONata) ?? false }

    /// The location of an array element as AWS writes it: `/States/P/Branches[0]`, `/States/C/Choices[1]/Next`.
    static func indexed(_ location: String, _ index: Int) -> String { "\(location)[\(index)]" }

    @discardableResult
    mutating func checkString(_ value: JSON?, at location: String) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue else {
            error(Message.expectedType("STRING"), at: location)
            return nil
        }
        return text
    }

    @discardableResult
    mutating func checkBool(_ value: JSON?, at location: String) -> Bool? {
        guard let value else { return nil }
        guard let flag = value.boolValue else {
            error(Message.expectedType("BOOLEAN"), at: location)
            return nil
        }
        return flag
    }

    /// An integer in `range`, or (where `jsonata` allows it) a JSONata string; returns the literal integer.
    @discardableResult
    mutating func checkInteger(_ value: JSON?, at location: String, in range: ClosedRange<Int>, jsonata: Bool = false) -> Int? {
        guard let value else { return nil }
        if jsonata && Self.isJSONata(value) { return nil }
        guard let number = value.numberValue, number.isInteger, let int = number.intValue else {
            error(Message.expectedType("INTEGER"), at: location)
            return nil
        }
        if int < range.lowerBound { error(Message.minimum("\(range.lowerBound)"), at: location) }
        if int > range.upperBound { error(Message.maximum("\(range.upperBound)"), at: location) }
        return int
    }

    /// A number in `range`, or (where `jsonata` allows it) a JSONata string.
    mutating func checkNumber(_ value: JSON?, at location: String, in range: ClosedRange<Double>, jsonata: Bool = false) {
        guard let value else { return }
        if jsonata && Self.isJSONata(value) { return }
        guard let number = value.doubleValue else { return error(Message.expectedType("NUMBER"), at: location) }
        if number < range.lowerBound { error(Message.minimum(Self.decimal(range.lowerBound)), at: location) }
        if number > range.upperBound { error(Message.maximum(Self.decimal(range.upperBound)), at: location) }
    }

    mutating func checkEnum(_ value: JSON?, field: String, _ allowed: [String], at location: String) {
        guard let text = checkString(value, at: location) else { return }
        if !allowed.contains(text) { error(Message.oneOf(field, allowed), at: location) }
    }

    /// An object, or a JSONata string where `jsonata` allows it; returns the object.
    @discardableResult
    mutating func checkObject(_ value: JSON?, at location: String, jsonata: Bool = false) -> JSONObject? {
        guard let value else { return nil }
        if case .object(let object) = value { return object }
        if jsonata && Self.isJSONata(value) { return nil }
        error(jsonata ? Message.expectedType("OBJECT", "STRING") : Message.expectedType("OBJECT"), at: location)
        return nil
    }

    /// Fields of `object` outside `allowed` are "not supported" at `location`.
    mutating func checkKnownFields(_ object: JSONObject, _ allowed: Set<String>, at location: String) {
        for key in object.keys where !allowed.contains(key) { error(Message.notSupported(key), at: location) }
    }

    /// At most one of `fields` may be present.
    mutating func checkExclusive(_ state: StateContext, _ fields: [String]) {
        if fields.filter({ state[$0] != nil }).count > 1 { error(Message.mutuallyExclusive(fields), at: state.location) }
    }

    private static func decimal(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
