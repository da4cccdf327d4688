/// Why a jobs action was refused: a stable, machine-readable name (`JobNotFound`, `JobFinished`, `JobStarting`,
/// `JobAlreadyExists`, `InvalidInput`) and a message. It knows nothing of HTTP: the REST jobs API chooses the
/// status from the name.
package struct JobError: Error, Equatable, Sendable, CustomStringConvertible {
    package let name: String
    package let message: String

    package init(_ name: String, _ message: String) {
        self.name = name
        self.message = message
    }

    package var description: String { "\(name): \(message)" }

    static func notFound(job id: String) -> JobError { JobError("JobNotFound", "Job '\(id)' does not exist") }

    static func invalidInput(_ message: String) -> JobError { JobError("InvalidInput", message) }
}
