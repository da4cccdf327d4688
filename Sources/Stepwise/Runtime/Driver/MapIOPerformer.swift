import StatesLanguage

/// Reads a Distributed Map's items and writes its results for the driver, through the runtime's
/// ``DistributedMapIO``; each answer comes back as a step input.
struct MapIOPerformer: Sendable {
    let io: (any DistributedMapIO)?

    /// The work that answers `request`, to run as a handler; nil when nothing can perform it (``unavailable(_:)``).
    func work(_ request: MapIORequest, execution: ExecutionInfo) -> (@Sendable () async throws -> StepInput)? {
        guard let io else { return nil }
        return { .mapIOCompleted(request: request.id, output: try await io.perform(request, execution: execution)) }
    }

    /// The failure reported at once when no ``DistributedMapIO`` is set.
    static func unavailable(_ request: MapIORequest) -> StepInput {
        let (name, what) =
            if case .readItems = request.kind {
                (StatesError.Name.itemReaderFailed, "read the items")
            } else {
                (StatesError.Name.resultWriterFailed, "write the results")
            }
        return .mapIOFailed(
            request: request.id,
            error: StatesError(
                name, "Nothing can \(what) of a Distributed Map: run with local services (--data-dir) or give the runtime a DistributedMapIO."))
    }

    /// How a request that failed is reported.
    static func failed(_ request: MapIORequest, _ error: any Error) -> StepInput {
        .mapIOFailed(request: request.id, error: error as? StatesError ?? StatesError(StatesError.Name.itemReaderFailed, "\(error)"))
    }
}
