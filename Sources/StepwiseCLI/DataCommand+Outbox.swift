import Foundation
import JSON
import StepwiseServices

/// `stepwise data outbox [--service sns|ses|events]`: the notifications workflows sent, in order.
extension DataCommand {
    static let outboxServices = ["sns", "ses", "events"]

    static func outbox(_ request: DataRequest, _ output: inout Output) throws -> Int32 {
        let service = request.arguments.value("service")
        if let service, !outboxServices.contains(service) {
            throw UsageError(message: "--service must be one of \(outboxServices.joined(separator: ", ")), not '\(service)'")
        }
        let messages = try Outbox(dataDirectory: request.directory).messages(service: service)
        if request.json {
            output.print(JSON.object(["messages": .array(messages.map(\.json))]).serialized(.pretty))
            return 0
        }
        output.print("Outbox of \(request.directory.url.path): \(messages.count) message(s)")
        for message in messages {
            output.print(
                "#\(message.sequence)  \(message.service) \(message.action)  \(message.time)  \(message.messageId)  \(message.executionArn ?? "-")"
            )
            output.print("    \(message.request.serialized())")
        }
        return 0
    }
}
