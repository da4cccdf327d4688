import JSON

/// States.ArrayPartition, ArrayRange, ArrayGetItem and ArrayUnique (asl-reference §4).
extension IntrinsicEvaluator {
    /// AWS's cap on the length of an array an intrinsic builds.
    static var maxArrayLength: Int { 1000 }

    /// Chunks of `size` (> 0 after truncation), the last one shorter.
    static func arrayPartition(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let array = try arguments.array(0)
        let size = try arguments.truncatedInt(1)
        guard size > 0 else { throw arguments.invalid() }
        let chunks = stride(from: 0, to: array.count, by: size).map { start in
            JSON.array(Array(array[start..<min(start + size, array.count)]))
        }
        return .array(chunks)
    }

    /// From start toward end by step (≠ 0), end included when reached; at most 1000 items.
    static func arrayRange(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let start = try arguments.truncatedInt(0)
        let end = try arguments.truncatedInt(1)
        let step = try arguments.truncatedInt(2)
        guard step != 0 else { throw arguments.invalid() }
        let span = end - start
        // Empty when the step points away from the end; otherwise every step that does not pass the end.
        let count = span != 0 && (span > 0) != (step > 0) ? 0 : span / step + 1
        guard count <= maxArrayLength else { throw arguments.invalid() }
        return .array((0..<count).map { .int(start + $0 * step) })
    }

    static func arrayGetItem(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let array = try arguments.array(0)
        let index = try arguments.truncatedInt(1)
        guard array.indices.contains(index) else { throw arguments.invalid() }
        return array[index]
    }

    /// Removes later duplicates (deep equality, numbers by value), keeping first occurrences in order.
    static func arrayUnique(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        var seen = Set<JSON>()
        return .array(try arguments.array(0).filter { seen.insert($0).inserted })
    }
}
