import Foundation
import JSON
import Stepwise

/// One local AWS service: the actions it performs for Task states.
package protocol LocalService: Sendable {
    /// The service name as it appears in resource ARNs: `dynamodb`, `s3`, `rdsdata`, `glue`, `events`, `dms`.
    var name: String { get }
    /// Whether it performs `action` (`putItem`, `getObject`, …, as written in the ARN, without `.sync` etc.).
    func supports(_ action: String, sdk: Bool) -> Bool
    /// Performs the action with the Task's input (Step Functions' PascalCase request) and returns the response;
    /// AWS errors are thrown as `StatesError` named `<Service>.<Exception>`.
    func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON
}

/// A Task resource naming a service call: `arn:aws:states:::dynamodb:putItem` (optimized integration, `sdk` false)
/// or `arn:aws:states:::aws-sdk:s3:getObject` (SDK integration, `sdk` true).
struct ServiceCall: Sendable, Hashable {
    package let service: String
    package let action: String
    package let sdk: Bool

    package init?(resource: String) {
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 7, parts[0] == "arn", parts[2] == "states", parts[3].isEmpty || true else { return nil }
        if parts[5] == "aws-sdk", parts.count >= 8 {
            service = parts[6]
            action = parts[7]
            sdk = true
        } else {
            service = parts[5]
            action = parts[6]
            sdk = false
        }
    }
}

/// The local services as a task resolver (tier `.services`): a Task whose resource names a supported call runs
/// against the local stores; anything else is left to other resolvers (and, failing them, reported at start).
public final class LocalServices: TaskResolver {
    package let dataDirectory: DataDirectory
    private let services: [String: any LocalService]

    package init(dataDirectory: DataDirectory, services: [any LocalService]) {
        self.dataDirectory = dataDirectory
        self.services = Dictionary(services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func handler(for task: TaskReference) -> TaskHandler? {
        guard let call = ServiceCall(resource: task.resource), let service = services[call.service],
            service.supports(call.action, sdk: call.sdk)
        else { return nil }
        return { input, context in try await service.perform(call.action, sdk: call.sdk, input: input, context: context) }
    }
}
