import JSON

/// Map states (asl-reference §1.3 "Map"): the item processor, concurrency and tolerance, items, labels.
extension Validator {
    static let maximumLabelLength = 40

    mutating func checkMap(_ state: StateContext, innerVariables: Set<String>) {
        let distributed = checkProcessor(state, innerVariables: innerVariables)
        for field in ["ItemReader", "ItemBatcher", "ResultWriter"] where state[field] != nil && !distributed {
            error(Message.distributedOnly(field), at: state.location)
        }
        checkMapLimits(state)
        checkPath(state["ItemsPath"], field: "ItemsPath", at: state.at("ItemsPath"), kind: .path)
        if let items = state["Items"], items.arrayValue == nil, !Self.isJSONata(items) {
            error(Message.expectedType("ARRAY", "STRING"), at: state.at("Items"))
        }
        if let selector = state["ItemSelector"], !state.isJSONata { checkPayload(selector, at: state.at("ItemSelector")) }
        if let label = checkString(state["Label"], at: state.at("Label")) { checkLabel(label, at: state.at("Label")) }
        if let reader = state["ItemReader"] { checkItemReader(reader, state) }
        if let batcher = state["ItemBatcher"] { checkItemBatcher(batcher, state) }
        if let writer = state["ResultWriter"] { checkResultWriter(writer, state) }
    }

    /// Exactly one of ItemProcessor / Iterator; returns whether the Map runs in DISTRIBUTED mode.
    private mutating func checkProcessor(_ state: StateContext, innerVariables: Set<String>) -> Bool {
        let present = ["ItemProcessor", "Iterator"].filter { state[$0] != nil }
        if present.isEmpty { error(Message.required(["ItemProcessor"]), at: state.location) }
        if present.count > 1 { error(Message.mutuallyExclusive(present), at: state.location) }
        var distributed = false
        for field in present {
            let location = state.at(field)
            checkSubMachine(state[field]!, at: location, allowing: ["ProcessorConfig"], outerVariables: innerVariables)
            guard let config = state[field]!["ProcessorConfig"] else { continue }
            distributed = checkProcessorConfig(config, at: "\(location)/ProcessorConfig") || distributed
        }
        return distributed
    }

    private mutating func checkProcessorConfig(_ value: JSON, at location: String) -> Bool {
        guard let config = checkObject(value, at: location) else { return false }
        checkKnownFields(config, ["Mode", "ExecutionType"], at: location)
        checkEnum(config["Mode"], field: "Mode", ["INLINE", "DISTRIBUTED"], at: "\(location)/Mode")
        checkEnum(config["ExecutionType"], field: "ExecutionType", ["STANDARD", "EXPRESS"], at: "\(location)/ExecutionType")
        let distributed = config["Mode"]?.stringValue == "DISTRIBUTED"
        if distributed && config["ExecutionType"] == nil { error(Message.required(["ExecutionType"]), at: location) }
        return distributed
    }

    /// MaxConcurrency ≥ 0, tolerated percentage 0–100, tolerated count ≥ 0; each not with its `…Path`.
    private mutating func checkMapLimits(_ state: StateContext) {
        let jsonata = state.isJSONata
        checkInteger(state["MaxConcurrency"], at: state.at("MaxConcurrency"), in: 0...Int.max, jsonata: jsonata)
        checkNumber(state["ToleratedFailurePercentage"], at: state.at("ToleratedFailurePercentage"), in: 0...100, jsonata: jsonata)
        checkInteger(state["ToleratedFailureCount"], at: state.at("ToleratedFailureCount"), in: 0...Int.max, jsonata: jsonata)
        for field in ["MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount"] {
            checkPath(state[field + "Path"], field: field + "Path", at: state.at(field + "Path"), kind: .reference)
            checkExclusive(state, [field, field + "Path"])
        }
    }

    /// Labels: at most 40 characters, none of the characters names forbid (asl-reference §9), unique.
    private mutating func checkLabel(_ label: String, at location: String) {
        if label.isEmpty || label.count > Self.maximumLabelLength || label.unicodeScalars.contains(where: Self.isForbiddenInName) {
            error(Message.invalidLabel(label), at: location, code: Code.invalidLabel)
        }
        if !labels.insert(label).inserted { error(Message.duplicateLabel(label), at: location, code: Code.duplicateLabel) }
    }

    static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace || "<>{}[]?*\"#%\\^~$&,;:/|`".unicodeScalars.contains(scalar) { return true }
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE...0xFFFF: return true
        default: return false
        }
    }
}
