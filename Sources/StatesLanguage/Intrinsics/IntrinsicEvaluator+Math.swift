import JSON

/// States.MathRandom and States.MathAdd (asl-reference §4).
extension IntrinsicEvaluator {
    /// An integer in [start, end) after truncating both; with a seed, the value Java's `new Random(seed)`
    /// gives, so the same seed always yields the same number.
    mutating func mathRandom(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let start = try arguments.truncatedInt(0)
        let end = try arguments.truncatedInt(1)
        guard start < end, let bound = Int32(exactly: end - start) else { throw arguments.invalid() }
        if arguments.count == 3 {
            guard let seed = Int64(exactly: try arguments.number(2).rounded(.towardZero)) else { throw arguments.invalid() }
            var generator = JavaRandom(seed: seed)
            return .int(start + Int(generator.nextInt(bound: bound)))
        }
        return .int(Int.random(in: start..<end, using: &random))
    }

    /// Each argument rounded half up (Java's `Math.round`: 2.5 → 3, −2.5 → −2), then added.
    static func mathAdd(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let first = try javaRound(arguments.number(0), arguments)
        let second = try javaRound(arguments.number(1), arguments)
        let (sum, overflow) = first.addingReportingOverflow(second)
        guard !overflow else { throw arguments.invalid() }
        return .int(sum)
    }

    /// `Math.round(double)`: the nearest integer, ties toward positive infinity.
    static func javaRound(_ value: Double, _ arguments: IntrinsicArguments) throws(StatesError) -> Int {
        let floor = value.rounded(.down)
        guard let int = Int(exactly: value - floor >= 0.5 ? floor + 1 : floor) else { throw arguments.invalid() }
        return int
    }
}
