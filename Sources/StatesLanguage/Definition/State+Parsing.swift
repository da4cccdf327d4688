import JSON

extension State {
    /// Compiles one validated state. `scope` maps the names of its `States` object to indexes.
    static func parse(name: String, json: JSON, location: String, scope: [String: Int], defaultLanguage: QueryLanguage) throws(DefinitionError)
        -> State
    {
        var reader = FieldReader(json, location: location)
        guard let type = StateType(rawValue: reader.optionalString("Type") ?? "") else {
            throw .schema("The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]", at: location)
        }
        let language = QueryLanguage(rawValue: reader.optionalString("QueryLanguage") ?? "") ?? defaultLanguage
        let state = State(
            name: name, type: type, queryLanguage: language,
            next: try target(reader.optionalString("Next"), scope: scope, location: location + "/Next"),
            io: inputOutput(&reader, language: language), assign: assignment(&reader, "Assign", language: language),
            retriers: retriers(reader["Retry"]),
            catchers: try catchers(reader["Catch"], scope: scope, location: location + "/Catch", language: language),
            kind: try kind(type, &reader, scope: scope, language: language, defaultLanguage: defaultLanguage),
            usesContext: mentionsContext(json))
        if let error = reader.errors.first { throw DefinitionError(diagnostics: [error]) }
        return state
    }

    /// Scans the state's strings for `$$` and `$states`; nested branch states are included (a harmless over-approximation).
    static func mentionsContext(_ json: JSON) -> Bool {
        switch json {
        case .string(let text): return text.contains("$$") || text.contains("$states")
        case .array(let elements): return elements.contains(where: mentionsContext)
        case .object(let object): return object.values.contains(where: mentionsContext)
        default: return false
        }
    }

    static func target(_ name: String?, scope: [String: Int], location: String) throws(DefinitionError) -> Int? {
        guard let name else { return nil }
        guard let index = scope[name] else {
            throw DefinitionError(diagnostics: [
                Diagnostic(code: "MISSING_TRANSITION_TARGET", message: "Missing 'Next' target: \(name)", location: location)
            ])
        }
        return index
    }

    static func inputOutput(_ reader: inout FieldReader, language: QueryLanguage) -> InputOutput {
        if language == .jsonata {
            return InputOutput(arguments: reader.jsonata("Arguments"), output: reader.jsonata("Output"))
        }
        return InputOutput(
            inputPath: pathOrNull(&reader, "InputPath"), parameters: reader.template("Parameters"),
            resultSelector: reader.template("ResultSelector"), resultPath: pathOrNull(&reader, "ResultPath"),
            outputPath: pathOrNull(&reader, "OutputPath"))
    }

    static func pathOrNull(_ reader: inout FieldReader, _ name: String) -> DataPath {
        do { return try DataPath(reader[name]) } catch {
            reader.errors.append(Diagnostic(code: "SCHEMA_VALIDATION_FAILED", message: "\(error)", location: "\(reader.location)/\(name)"))
            return .whole
        }
    }

    static func assignment(_ reader: inout FieldReader, _ name: String, language: QueryLanguage) -> Assignment? {
        guard reader[name] != nil else { return nil }
        if language == .jsonata { return reader.jsonata(name).map(Assignment.jsonata) }
        return reader.template(name).map(Assignment.jsonPath)
    }

    static func dynamicInt(_ reader: inout FieldReader, _ name: String, language: QueryLanguage) -> DynamicInt? {
        if let value = reader[name] {
            if case .string = value { return reader.jsonata(name).map(DynamicInt.jsonata) }
            return reader.optionalInt(name).map(DynamicInt.literal)
        }
        return reader.path(name + "Path").map(DynamicInt.path)
    }

    static func dynamicString(_ reader: inout FieldReader, _ name: String, language: QueryLanguage) -> DynamicString? {
        if let text = reader.optionalString(name) {
            if language == .jsonata, JSONataTemplate.isExpression(text) { return reader.jsonata(name).map(DynamicString.jsonata) }
            return .literal(text)
        }
        guard let text = reader.optionalString(name + "Path") else { return nil }
        if IntrinsicFunction.looksLikeCall(text), let call = try? IntrinsicFunction(text) { return .intrinsic(call) }
        return reader.path(name + "Path").map(DynamicString.path)
    }

    static func retriers(_ json: JSON?) -> [Retrier] {
        (json?.arrayValue ?? []).map { item in
            var reader = FieldReader(item, location: "")
            return Retrier(
                errorEquals: reader.stringArray("ErrorEquals"), intervalSeconds: reader.optionalDouble("IntervalSeconds") ?? 1,
                maxAttempts: reader.optionalInt("MaxAttempts") ?? 3, backoffRate: reader.optionalDouble("BackoffRate") ?? 2,
                maxDelaySeconds: reader.optionalDouble("MaxDelaySeconds"), fullJitter: reader.optionalString("JitterStrategy") == "FULL")
        }
    }

    static func catchers(_ json: JSON?, scope: [String: Int], location: String, language: QueryLanguage) throws(DefinitionError) -> [Catcher] {
        var catchers: [Catcher] = []
        for (position, item) in (json?.arrayValue ?? []).enumerated() {
            var reader = FieldReader(item, location: "\(location)/\(position)")
            guard let next = try target(reader.optionalString("Next"), scope: scope, location: "\(location)/\(position)/Next") else {
                throw .schema("The field 'Next' is required but was missing", at: "\(location)/\(position)")
            }
            catchers.append(
                Catcher(
                    errorEquals: reader.stringArray("ErrorEquals"), next: next, resultPath: pathOrNull(&reader, "ResultPath"),
                    assign: assignment(&reader, "Assign", language: language), output: language == .jsonata ? reader.jsonata("Output") : nil))
            if let error = reader.errors.first { throw DefinitionError(diagnostics: [error]) }
        }
        return catchers
    }
}
