import JSON

/// Path-valued fields (asl-reference §3.2): Paths, Reference Paths, ResultPath, and `*Path` fields that also
/// take an intrinsic function call.
extension Validator {
    enum PathKind {
        /// Any JSONPath rooted at `$`, `$$` or a variable: InputPath, OutputPath, ItemsPath, Choice `Variable`.
        case path
        /// A path that selects a single node: timing/count `*Path` fields, Choice `…Path` operands.
        case reference
        /// A Reference Path into the state input only (no `$$`, no variables).
        case resultPath
        /// A Reference Path or an intrinsic function call: ErrorPath, CausePath.
        case referenceOrIntrinsic
    }

    /// Checks a path field; `null` is allowed where `nullable` (InputPath, OutputPath, ResultPath).
    mutating func checkPath(_ value: JSON?, field: String, at location: String, kind: PathKind, nullable: Bool = false) {
        guard let value else { return }
        if value.isNull && nullable { return }
        guard let text = value.stringValue else { return error(Message.expectedType("STRING"), at: location) }
        guard !Self.isValid(text, as: kind) else { return }
        switch kind {
        case .path: error(Message.path(field), at: location)
        case .reference, .resultPath: error(Message.referencePath(field), at: location)
        case .referenceOrIntrinsic: error(Message.referencePathOrIntrinsic(field), at: location)
        }
    }

    static func isValid(_ text: String, as kind: PathKind) -> Bool {
        switch kind {
        case .path:
            return (try? JSONPath(text)) != nil
        case .reference:
            return (try? JSONPath(text))?.isReferencePath ?? false
        case .resultPath:
            guard let path = try? JSONPath(text), path.isReferencePath else { return false }
            return path.root == .input
        case .referenceOrIntrinsic:
            if IntrinsicFunction.looksLikeCall(text) { return (try? IntrinsicFunction(text)) != nil }
            return isValid(text, as: .reference)
        }
    }

    /// A `.$` value: a Path (on input, context or a variable) or an intrinsic function call.
    static func isValidDynamicValue(_ value: JSON) -> Bool {
        guard let text = value.stringValue else { return false }
        if IntrinsicFunction.looksLikeCall(text) { return (try? IntrinsicFunction(text)) != nil }
        return (try? JSONPath(text)) != nil
    }

    /// Whether a plain string looks like it was meant as a path or an intrinsic (for NO_DOLLAR / NO_PATH).
    static func looksDynamic(_ text: String) -> Bool {
        text == "$" || text.hasPrefix("$.") || text.hasPrefix("$$.") || text.hasPrefix("$[")
            || (IntrinsicFunction.looksLikeCall(text) && text.hasSuffix(")"))
    }
}
