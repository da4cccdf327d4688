import JSON
import StepFunctions

/// The tagging actions.
extension StepFunctionsAPI {
    static func tagResource(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("resourceArn", max: arnLength)
        guard let tags = try self.tags(request, resourceName: arn) else { throw Members.missing("tags") }
        try await service.tagResource(TagResourceInput(resourceArn: arn, tags: tags))
        return [:]
    }

    static func untagResource(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("resourceArn", max: arnLength)
        guard let keys = try request.strings("tagKeys") else { throw Members.missing("tagKeys") }
        try await service.untagResource(UntagResourceInput(resourceArn: arn, tagKeys: keys))
        return [:]
    }

    static func listTagsForResource(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("resourceArn", max: arnLength)
        let tags = try await service.listTagsForResource(ListTagsForResourceInput(resourceArn: arn))
        let list = tags.sorted { $0.key < $1.key }.map { JSON.object(["key": .string($0.key), "value": .string($0.value)]) }
        return ["tags": .array(list)]
    }

    /// A `tags` member (`[{key, value}]`): keys 1–128 characters, values up to 256, at most
    /// `StepFunctionsService.maximumTags` tags.
    static func tags(_ request: Members, resourceName: String) throws(StepFunctionsError) -> [String: String]? {
        guard let list = try request.structures("tags") else { return nil }
        try StepFunctionsService.checkTagCount(list.count, resourceName: resourceName)
        var tags: [String: String] = [:]
        for tag in list {
            tags[try tag.required("key", max: 128)] = try tag.string("value", max: 256) ?? ""
        }
        return tags
    }
}
