import JSON

/// Reads typed fields of one definition object, collecting a diagnostic for each field of the wrong type
/// instead of crashing. The validator has already rejected bad definitions; this is the belt to its braces.
struct FieldReader {
    let object: JSONObject
    let location: String
    var errors: [Diagnostic] = []

    init(_ json: JSON, location: String) {
        object = json.objectValue ?? JSONObject()
        self.location = location
    }

    subscript(name: String) -> JSON? { object[name] }

    mutating func optionalString(_ name: String) -> String? {
        guard let value = object[name] else { return nil }
        guard let string = value.stringValue else { return typeError(name, "string") }
        return string
    }

    mutating func optionalInt(_ name: String) -> Int? {
        guard let value = object[name] else { return nil }
        guard let int = value.intValue else { return typeError(name, "integer") }
        return int
    }

    mutating func optionalDouble(_ name: String) -> Double? {
        guard let value = object[name] else { return nil }
        guard let double = value.doubleValue else { return typeError(name, "number") }
        return double
    }

    mutating func optionalBool(_ name: String) -> Bool? {
        guard let value = object[name] else { return nil }
        guard let bool = value.boolValue else { return typeError(name, "boolean") }
        return bool
    }

    mutating func stringArray(_ name: String) -> [String] {
        guard let array = object[name]?.arrayValue else { return [] }
        return array.compactMap(\.stringValue)
    }

    mutating func path(_ name: String) -> JSONPath? {
        guard let text = optionalString(name) else { return nil }
        do { return try JSONPath(text) } catch {
            errors.append(Diagnostic(code: "SCHEMA_VALIDATION_FAILED", message: "\(error)", location: "\(location)/\(name)"))
            return nil
        }
    }

    mutating func template(_ name: String) -> PayloadTemplate? {
        guard let value = object[name] else { return nil }
        do { return try PayloadTemplate(value) } catch {
            errors.append(
                Diagnostic(
                    code: "SCHEMA_VALIDATION_FAILED",
                    message: "The value for the field '\(error.key)' must be a valid JSONPath or a valid intrinsic function call",
                    location: "\(location)/\(name)"))
            return nil
        }
    }

    mutating func jsonata(_ name: String) -> JSONataTemplate? {
        guard let value = object[name] else { return nil }
        do { return try JSONataTemplate(value, field: name) } catch {
            errors.append(Diagnostic(code: "SCHEMA_VALIDATION_FAILED", message: error.message, location: "\(location)/\(name)"))
            return nil
        }
    }

    private mutating func typeError<T>(_ name: String, _ type: String) -> T? {
        errors.append(Diagnostic(code: "SCHEMA_VALIDATION_FAILED", message: "Field '\(name)' must be a \(type)", location: "\(location)/\(name)"))
        return nil
    }
}
