import JSON

/// JSONPath payload templates (asl-reference §2.1 step 2): Parameters, ResultSelector, ItemSelector,
/// ItemReader/ResultWriter Parameters, BatchInput and Assign.
extension Validator {
    /// Checks every `.$` value in a template and the keys left after stripping `.$`; warns (NO_DOLLAR) about
    /// plain values that look like paths. Diagnostics are located at the object holding the key.
    mutating func checkPayload(_ value: JSON, at location: String) {
        switch value {
        case .object(let object):
            var bareKeys: Set<String> = []
            for (key, child) in object {
                let dynamic = key.hasSuffix(".$")
                let bare = dynamic ? String(key.dropLast(2)) : key
                if !bareKeys.insert(bare).inserted { error(Message.duplicateKey(bare), at: location) }
                if dynamic {
                    if !Self.isValidDynamicValue(child) { error(Message.payloadValue(key), at: location) }
                } else if let text = child.stringValue, Self.looksDynamic(text) {
                    warning(Code.noDollar, Message.noDollar(key), at: location)
                } else {
                    checkPayload(child, at: "\(location)/\(key)")
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() { checkPayload(item, at: Self.indexed(location, index)) }
        default:
            break
        }
    }

    /// A Pass state's `Result` is used as written: a `.$` key whose value looks like a path or an intrinsic call
    /// is warned about (PASS_RESULT_IS_STATIC).
    mutating func checkStaticResult(_ value: JSON, at location: String) {
        switch value {
        case .object(let object):
            for (key, child) in object {
                if key.hasSuffix(".$"), let text = child.stringValue, Self.looksDynamic(text) {
                    warning(Code.passResultIsStatic, Message.passResultIsStatic, at: location)
                }
                checkStaticResult(child, at: "\(location)/\(key)")
            }
        case .array(let items):
            for (index, item) in items.enumerated() { checkStaticResult(item, at: Self.indexed(location, index)) }
        default:
            break
        }
    }
}
