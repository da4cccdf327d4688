import JSON

/// Retriers and Catchers (asl-reference §1.4).
extension Validator {
    private static let retrierFields: Set = [
        "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment",
    ]
    private static let catcherFields: [String: FieldLanguage] = [
        "ErrorEquals": .both, "Next": .both, "ResultPath": .jsonPath, "Assign": .both, "Output": .jsonata, "Comment": .both,
    ]

    mutating func checkRetry(_ state: StateContext) {
        let retriers = elements(of: state["Retry"], at: state.at("Retry"))
        for (index, value) in retriers.enumerated() {
            let location = Self.indexed(state.at("Retry"), index)
            guard case .object(let retrier) = value else {
                error(Message.expectedType("OBJECT"), at: location)
                continue
            }
            checkKnownFields(retrier, Self.retrierFields, at: location)
            checkErrorEquals(retrier["ErrorEquals"], at: location, isLast: index == retriers.count - 1)
            checkInteger(retrier["IntervalSeconds"], at: "\(location)/IntervalSeconds", in: 1...Self.maximumTimeout)
            checkInteger(retrier["MaxAttempts"], at: "\(location)/MaxAttempts", in: 0...Self.maximumTimeout)
            checkNumber(retrier["BackoffRate"], at: "\(location)/BackoffRate", in: 1...Double.greatestFiniteMagnitude)
            checkInteger(retrier["MaxDelaySeconds"], at: "\(location)/MaxDelaySeconds", in: 1...31_622_401)
            checkEnum(retrier["JitterStrategy"], field: "JitterStrategy", ["FULL", "NONE"], at: "\(location)/JitterStrategy")
            checkString(retrier["Comment"], at: "\(location)/Comment")
        }
    }

    mutating func checkCatch(_ state: StateContext) {
        let catchers = elements(of: state["Catch"], at: state.at("Catch"))
        for (index, value) in catchers.enumerated() {
            let location = Self.indexed(state.at("Catch"), index)
            guard case .object(let raw) = value else {
                error(Message.expectedType("OBJECT"), at: location)
                continue
            }
            let catcher = allowedFields(of: raw, Self.catcherFields, language: state.language, at: location)
            checkErrorEquals(raw["ErrorEquals"], at: location, isLast: index == catchers.count - 1)
            if raw["Next"] == nil { error(Message.required(["Next"]), at: location) }
            checkString(catcher["Next"], at: "\(location)/Next")
            checkPath(catcher["ResultPath"], field: "ResultPath", at: "\(location)/ResultPath", kind: .resultPath, nullable: true)
            if let assign = catcher["Assign"] {
                checkAssign(assign, at: "\(location)/Assign", language: state.language, outerVariables: state.outerVariables)
            }
            checkString(catcher["Comment"], at: "\(location)/Comment")
        }
    }

    /// A non-empty array of error names; `States.ALL` alone in it, and only in the last retrier/catcher.
    private mutating func checkErrorEquals(_ value: JSON?, at owner: String, isLast: Bool) {
        let location = "\(owner)/ErrorEquals"
        guard let value else { return error(Message.required(["ErrorEquals"]), at: owner) }
        guard let names = value.arrayValue else { return error(Message.expectedType("ARRAY"), at: location) }
        if names.isEmpty { error(Message.cannotBeEmpty, at: location) }
        for (index, name) in names.enumerated() { checkString(name, at: Self.indexed(location, index)) }
        guard names.contains(where: { $0.stringValue == "States.ALL" }) else { return }
        if names.count > 1 { error(Message.statesAllAlone, at: location) }
        if !isLast { error(Message.statesAllLast, at: location) }
    }

    /// The elements of an array field; a non-array is reported and yields none.
    mutating func elements(of value: JSON?, at location: String) -> [JSON] {
        guard let value else { return [] }
        guard let array = value.arrayValue else {
            error(Message.expectedType("ARRAY"), at: location)
            return []
        }
        return array
    }
}
