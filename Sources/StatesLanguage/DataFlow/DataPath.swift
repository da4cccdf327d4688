import JSON

/// A Path-valued I/O field of a JSONPath state (InputPath, ResultPath, OutputPath) with its default and its
/// `null` meaning (asl-reference §2.1).
package enum DataPath: Sendable, Hashable {
    /// The field is absent or `"$"`: the whole value passes unchanged, at no cost.
    case whole
    /// The field is JSON `null`: InputPath and OutputPath give `{}`, ResultPath discards the result.
    case null
    /// Any other path.
    case path(JSONPath)

    /// Reads the field as it appears in a definition; `nil` means absent.
    package init(_ field: JSON?) throws(PathSyntaxError) {
        switch field {
        case nil: self = .whole
        case .null?: self = .null
        case .string(let text)?: self.init(try JSONPath(text))
        case let other?: throw PathSyntaxError(path: other.serialized(), message: "a path must be a string or null")
        }
    }

    /// `$` becomes `.whole`, so that the engine's most common case skips evaluation entirely.
    package init(_ path: JSONPath) {
        self = path.isWholeInput ? .whole : .path(path)
    }
}

extension DataPath {
    /// InputPath and OutputPath (asl-reference §2.1 steps 1 and 6): select from `value`; `null` gives `{}`.
    /// `$$` and `$name` paths read the context object and variables from `roots`.
    ///
    /// A path that matches nothing is States.Runtime: "Invalid path '$.x' : No results for path: $['x']".
    package func select(from value: JSON, roots: PathRoots) throws(StatesError) -> JSON {
        switch self {
        case .whole: return value
        case .null: return .object(JSONObject())
        case .path(let path):
            var scoped = roots
            scoped.input = value
            guard let selected = path.value(in: scoped) else {
                throw .runtime("Invalid path '\(path.text)' : \(path.missDescription(in: scoped))")
            }
            return selected
        }
    }

    /// ResultPath (asl-reference §2.1 step 5): `$` gives the result, `null` the raw input, a Reference Path a
    /// copy of the raw input with the result written there (missing objects created on the way).
    ///
    /// Impossible placement is States.ResultPathMatchFailure.
    package func place(_ result: JSON, into rawInput: JSON) throws(StatesError) -> JSON {
        switch self {
        case .whole: result
        case .null: rawInput
        case .path(let path): try path.setting(result, in: rawInput)
        }
    }
}
