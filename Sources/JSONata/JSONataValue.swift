import JSON

/// A JSON value converted once to the evaluator's representation, for evaluating several expressions against it.
///
/// `@unchecked Sendable`: evaluation treats converted values as immutable (transforms copy before they update,
/// sequence flags are only set on arrays an evaluation creates), so sharing one across threads is safe.
package struct JSONataValue: @unchecked Sendable {
    let value: Value?

    /// Converts `json` (nil = undefined).
    package init(_ json: JSON?) { value = json.map(Value.init) }
}
