import JSON

/// The 256 KiB limit on state and task input and output, and on variables (asl-reference §9, §5.1
/// States.DataLimitExceeded, §10 item 3: a `States.ALL` catcher catches it).
package enum PayloadLimit {
    /// 262,144 bytes of UTF-8, measured on the compact serialization.
    package static let maxBytes = 262_144

    /// Whether `value` fits, measured without serializing it.
    package static func fits(_ value: JSON) -> Bool { !value.compactSizeExceeds(maxBytes) }

    package static func fits(byteCount: Int) -> Bool { byteCount <= maxBytes }

    /// Throws States.DataLimitExceeded with AWS's cause when `value` is larger than the limit; `source` is the
    /// state name (or task) that produced it.
    package static func check(_ value: JSON, source: String) throws(StatesError) {
        guard fits(value) else { throw exceeded(source: source) }
    }

    package static func exceeded(source: String) -> StatesError {
        StatesError(
            StatesError.Name.dataLimitExceeded,
            "The state/task '\(source)' returned a result with a size exceeding the maximum number of bytes service limit.")
    }
}
