import Foundation
import JSON

/// Reads a Distributed Map's items and writes its results (S3 on AWS). A runtime without one fails such Maps
/// with States.ItemReaderFailed / States.ResultWriterFailed naming how to provide one (local services).
package protocol DistributedMapIO: Sendable {
    /// Performs `request`: for `.readItems`, returns the items (a JSON array); for `.writeResults`, the
    /// ResultWriter's answer. Throws `StatesError` (States.ItemReaderFailed, States.ResultWriterFailed, S3.*).
    func perform(_ request: MapIORequest, execution: ExecutionInfo) async throws -> JSON
}
