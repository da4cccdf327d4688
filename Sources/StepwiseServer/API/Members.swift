import JSON
import StepFunctions

/// The members of an AWS JSON request, read with their shape's type and constraints (botocore's
/// `stepfunctions/2016-11-23/service-2.json`).
///
/// A member of the wrong JSON type is a SerializationException (the service cannot even decode it); a value
/// outside its constraints, or a missing required member, is a ValidationException in coral's words.
struct Members {
    let object: JSONObject
    /// Where the object sits in the request, for messages: `""` for the body, `mock.errorOutput.` for a nested
    /// structure, `tags.1.member.` for the first element of a list of structures (coral's numbering).
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// A present, non-null member.
    private func value(_ name: String) -> JSON? {
        guard let value = object[name], !value.isNull else { return nil }
        return value
    }

    /// An optional string member of `min...max` characters.
    func string(_ name: String, min: Int = 0, max: Int = .max) throws(StepFunctionsError) -> String? {
        guard let value = value(name) else { return nil }
        guard let text = value.stringValue else { throw Self.wrongType(path + name, expected: "string", value) }
        if text.count < min {
            throw StepFunctionsError.validation(
                "Value '\(text)' at '\(path)\(name)' failed to satisfy constraint: Member must have length greater than or equal to \(min)")
        }
        if text.count > max {
            throw StepFunctionsError.validation(
                "Value '\(text)' at '\(path)\(name)' failed to satisfy constraint: Member must have length less than or equal to \(max)")
        }
        return text
    }

    /// A required string member.
    func required(_ name: String, min: Int = 1, max: Int = .max) throws(StepFunctionsError) -> String {
        guard let text = try string(name, min: min, max: max) else { throw Self.missing(path + name) }
        return text
    }

    /// An optional string member that must be one of `values`.
    func choice(_ name: String, _ values: [String]) throws(StepFunctionsError) -> String? {
        guard let text = try string(name) else { return nil }
        guard values.contains(text) else {
            throw StepFunctionsError.validation(
                "Value '\(text)' at '\(path)\(name)' failed to satisfy constraint: Member must satisfy enum value set: [\(values.joined(separator: ", "))]"
            )
        }
        return text
    }

    /// An optional integer member within `range`.
    func int(_ name: String, _ range: ClosedRange<Int>) throws(StepFunctionsError) -> Int? {
        guard let value = value(name) else { return nil }
        guard let number = value.numberValue, let int = number.intValue, number.isInteger else {
            throw Self.wrongType(path + name, expected: "integer", value)
        }
        try Self.check(path + name, int, "\(int)", range)
        return int
    }

    /// An optional number member within `range` (a `float` shape).
    func double(_ name: String, _ range: ClosedRange<Double>) throws(StepFunctionsError) -> Double? {
        guard let value = value(name) else { return nil }
        guard let number = value.doubleValue, value.numberValue != nil else { throw Self.wrongType(path + name, expected: "number", value) }
        try Self.check(path + name, number, value.serialized(), range)
        return number
    }

    /// A value outside its shape's `range`, in coral's words.
    static func check<T: Comparable>(_ name: String, _ value: T, _ text: String, _ range: ClosedRange<T>) throws(StepFunctionsError) {
        if value < range.lowerBound {
            throw StepFunctionsError.validation(
                "Value '\(text)' at '\(name)' failed to satisfy constraint: Member must have value greater than or equal to \(range.lowerBound)")
        }
        if value > range.upperBound {
            throw StepFunctionsError.validation(
                "Value '\(text)' at '\(name)' failed to satisfy constraint: Member must have value less than or equal to \(range.upperBound)")
        }
    }

    /// An optional boolean member.
    func bool(_ name: String) throws(StepFunctionsError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard let bool = value.boolValue else { throw Self.wrongType(path + name, expected: "boolean", value) }
        return bool
    }

    /// An optional list of strings.
    func strings(_ name: String) throws(StepFunctionsError) -> [String]? {
        guard let value = value(name) else { return nil }
        guard let array = value.arrayValue else { throw Self.wrongType(path + name, expected: "list", value) }
        return try array.map { element throws(StepFunctionsError) in
            guard let text = element.stringValue else { throw Self.wrongType("\(path)\(name).member", expected: "string", element) }
            return text
        }
    }

    /// An optional structure; errors name its members `name.member`, as coral does.
    func structure(_ name: String) throws(StepFunctionsError) -> Members? {
        guard let value = value(name) else { return nil }
        guard let object = value.objectValue else { throw Self.wrongType(path + name, expected: "structure", value) }
        return Members(object, path: path + name + ".")
    }

    /// An optional list of structures.
    func structures(_ name: String) throws(StepFunctionsError) -> [Members]? {
        guard let value = value(name) else { return nil }
        guard let array = value.arrayValue else { throw Self.wrongType(path + name, expected: "list", value) }
        return try array.enumerated().map { index, element throws(StepFunctionsError) in
            guard let object = element.objectValue else { throw Self.wrongType("\(path)\(name).member", expected: "structure", element) }
            return Members(object, path: "\(path)\(name).\(index + 1).member.")
        }
    }

    static func missing(_ name: String) -> StepFunctionsError {
        StepFunctionsError.validation("Value null at '\(name)' failed to satisfy constraint: Member must not be null")
    }

    static func wrongType(_ name: String, expected: String, _ value: JSON) -> StepFunctionsError {
        StepFunctionsError.serialization("Unexpected \(value.typeName) for member '\(name)': expected \(expected)")
    }
}
