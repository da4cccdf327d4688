import JSON

extension State {
    static func kind(
        _ type: StateType, _ reader: inout FieldReader, scope: [String: Int], language: QueryLanguage, defaultLanguage: QueryLanguage
    ) throws(DefinitionError) -> Kind {
        switch type {
        case .pass: return .pass(result: language == .jsonPath ? reader["Result"] : nil)
        case .succeed: return .succeed
        case .task:
            return .task(
                TaskState(
                    resource: reader.optionalString("Resource") ?? "", timeoutSeconds: dynamicInt(&reader, "TimeoutSeconds", language: language),
                    heartbeatSeconds: dynamicInt(&reader, "HeartbeatSeconds", language: language), credentials: reader["Credentials"]))
        case .fail:
            return .fail(
                FailState(error: dynamicString(&reader, "Error", language: language), cause: dynamicString(&reader, "Cause", language: language)))
        case .wait: return .wait(waitState(&reader, language: language))
        case .choice: return .choice(try choiceState(&reader, scope: scope, language: language))
        case .parallel:
            var branches: [Machine] = []
            for (position, branch) in (reader["Branches"]?.arrayValue ?? []).enumerated() {
                branches.append(try Machine(parsing: branch, location: "\(reader.location)/Branches/\(position)", defaultLanguage: defaultLanguage))
            }
            return .parallel(branches: branches)
        case .map: return .map(try mapState(&reader, language: language, defaultLanguage: defaultLanguage))
        }
    }

    static func waitState(_ reader: inout FieldReader, language: QueryLanguage) -> WaitState {
        if let timestamp = reader["Timestamp"] {
            if case .string(let text) = timestamp, JSONataTemplate.isExpression(text), let template = reader.jsonata("Timestamp") {
                return .timestampExpression(template)
            }
            return .timestamp(literal: timestamp.stringValue ?? "")
        }
        if let path = reader.path("TimestampPath") { return .timestampPath(path) }
        return .seconds(dynamicInt(&reader, "Seconds", language: language) ?? .literal(0))
    }

    static func choiceState(_ reader: inout FieldReader, scope: [String: Int], language: QueryLanguage) throws(DefinitionError) -> ChoiceState {
        var branches: [ChoiceState.Branch] = []
        for (position, rule) in (reader["Choices"]?.arrayValue ?? []).enumerated() {
            let location = "\(reader.location)/Choices/\(position)"
            var ruleReader = FieldReader(rule, location: location)
            let next = try target(ruleReader.optionalString("Next"), scope: scope, location: location + "/Next") ?? 0
            let condition: ChoiceState.Branch.Condition
            if language == .jsonata {
                guard let template = ruleReader.jsonata("Condition") else {
                    throw .schema("The field 'Condition' is required but was missing", at: location)
                }
                condition = .jsonata(template)
            } else {
                do { condition = .rule(try ChoiceRule(parsing: rule)) } catch { throw .schema("\(error)", at: location) }
            }
            branches.append(
                ChoiceState.Branch(
                    condition: condition, next: next, assign: assignment(&ruleReader, "Assign", language: language),
                    output: language == .jsonata ? ruleReader.jsonata("Output") : nil))
            if let error = ruleReader.errors.first { throw DefinitionError(diagnostics: [error]) }
        }
        let defaultNext = try target(reader.optionalString("Default"), scope: scope, location: reader.location + "/Default")
        return ChoiceState(choices: branches, defaultNext: defaultNext)
    }

    static func mapState(_ reader: inout FieldReader, language: QueryLanguage, defaultLanguage: QueryLanguage) throws(DefinitionError) -> MapState {
        let processorField = reader["ItemProcessor"] != nil ? "ItemProcessor" : "Iterator"
        let processorJSON = reader[processorField] ?? .null
        let processor = try Machine(parsing: processorJSON, location: "\(reader.location)/\(processorField)", defaultLanguage: defaultLanguage)
        let config = processorJSON["ProcessorConfig"]
        let selectorField = reader["ItemSelector"] != nil ? "ItemSelector" : "Parameters"
        return MapState(
            processor: processor, mode: MapState.Mode(rawValue: config?["Mode"]?.stringValue ?? "INLINE") ?? .inline,
            executionType: config?["ExecutionType"]?.stringValue, itemsPath: language == .jsonPath ? reader.path("ItemsPath") : nil,
            items: language == .jsonata ? reader.jsonata("Items") : nil, itemSelector: assignment(&reader, selectorField, language: language),
            maxConcurrency: dynamicInt(&reader, "MaxConcurrency", language: language),
            toleratedFailureCount: dynamicInt(&reader, "ToleratedFailureCount", language: language),
            toleratedFailurePercentage: reader["ToleratedFailurePercentage"],
            toleratedFailurePercentagePath: reader.path("ToleratedFailurePercentagePath"),
            itemReader: itemReader(reader["ItemReader"], location: reader.location + "/ItemReader", language: language),
            itemBatcher: itemBatcher(reader["ItemBatcher"], location: reader.location + "/ItemBatcher", language: language),
            resultWriter: resultWriter(reader["ResultWriter"], location: reader.location + "/ResultWriter", language: language),
            label: reader.optionalString("Label"))
    }
}
