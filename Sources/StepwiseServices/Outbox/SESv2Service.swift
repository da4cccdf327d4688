import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:sesv2:sendEmail`: the email is checked as SES checks it (`SesV2.BadRequestException`)
/// and recorded in the ``Outbox`` (service `ses`) instead of being sent. Identities are not verified locally.
package struct SESv2Service: LocalService {
    package let name = "sesv2"
    let outbox: Outbox

    package init(outbox: Outbox) { self.outbox = outbox }

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && action == "sendEmail" }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        try sendEmail(input, context: context)
    }

    /// SendEmail with exactly one of Content.Simple, Content.Raw and Content.Template.
    func sendEmail(_ input: JSON, context: TaskContext?) throws -> JSON {
        let request = ServiceRequest(input: input, validationError: "SesV2.BadRequestException")
        guard let content = request["Content"]?.objectValue else { throw request.invalid("Missing required parameter: Content") }
        let kinds = ["Simple", "Raw", "Template"].filter { content[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let body = content[kind]?.objectValue else {
            throw request.invalid("Exactly one of Content.Simple, Content.Raw or Content.Template must be specified.")
        }
        let addresses = ["ToAddresses", "CcAddresses", "BccAddresses"].flatMap { request["Destination"]?[$0]?.arrayValue ?? [] }
        if let bad = addresses.first(where: { !($0.stringValue ?? "").contains("@") }) {
            throw request.invalid("Illegal address: \(bad.stringValue ?? bad.serialized())")
        }
        switch kind {
        case "Raw":
            guard let data = body["Data"]?.stringValue, !data.isEmpty else { throw request.invalid("Missing required parameter: Content.Raw.Data") }
        case "Simple":
            guard body["Subject"]?["Data"]?.stringValue != nil else {
                throw request.invalid("Missing required parameter: Content.Simple.Subject.Data")
            }
            guard body["Body"]?["Text"]?["Data"] != nil || body["Body"]?["Html"]?["Data"] != nil else {
                throw request.invalid("Missing required parameter: Content.Simple.Body (Text or Html)")
            }
        default:
            guard body["TemplateName"] != nil || body["TemplateArn"] != nil || body["TemplateContent"] != nil else {
                throw request.invalid("Missing required parameter: Content.Template (TemplateName, TemplateArn or TemplateContent)")
            }
        }
        if kind != "Raw" {
            guard try request.string("FromEmailAddress")?.contains("@") == true else {
                throw request.invalid("Missing required parameter: FromEmailAddress")
            }
            guard !addresses.isEmpty else { throw request.invalid("Missing required parameter: Destination (at least one address)") }
        }
        let id = try outbox.record("ses", "sendEmail", request: input, context: context)
        return ["MessageId": .string(id)]
    }
}
