import JSON

/// The tagging actions (state machines only: Stepwise has no activities yet).
extension StepFunctionsAPI {
    static let maximumTags = 50

    static func tagResource(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("resourceArn", max: arnLength)
        guard let tags = try self.tags(request, resourceName: arn) else { throw Members.missing("tags") }
        try await taggedResource(engine, arn) { try await engine.store.tagStateMachine(arn: arn, tags: tags) }
        return [:]
    }

    static func untagResource(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("resourceArn", max: arnLength)
        guard let keys = try request.strings("tagKeys") else { throw Members.missing("tagKeys") }
        try await taggedResource(engine, arn) { try await engine.store.untagStateMachine(arn: arn, keys: keys) }
        return [:]
    }

    static func listTagsForResource(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("resourceArn", max: arnLength)
        let tags = try await taggedResource(engine, arn) { try await engine.store.tags(arn: arn) }
        let list = tags.sorted { $0.key < $1.key }.map { JSON.object(["key": .string($0.key), "value": .string($0.value)]) }
        return ["tags": .array(list)]
    }

    /// Runs `body` on a taggable resource; unknown resources are ResourceNotFound.
    @discardableResult
    static func taggedResource<T>(_ engine: Engine, _ arn: String, _ body: () async throws -> T) async throws -> T {
        let resource = try ResourceARN.taggable(arn)
        let notFound = APIError.service("ResourceNotFound", "Resource not found: '\(arn)'")
        guard resource.type == "stateMachine", resource.names.count == 1 else { throw notFound }
        return try await engine.storeCall(notFound: notFound, body)
    }

    /// A `tags` member (`[{key, value}]`): keys 1–128 characters, values up to 256, at most 50 tags.
    static func tags(_ request: Members, resourceName: String) throws(APIError) -> [String: String]? {
        guard let list = try request.structures("tags") else { return nil }
        guard list.count <= maximumTags else {
            throw APIError.service("TooManyTags", "Too many tags: at most \(maximumTags) tags are allowed on '\(resourceName)'")
        }
        var tags: [String: String] = [:]
        for tag in list {
            tags[try tag.required("key", max: 128)] = try tag.string("value", max: 256) ?? ""
        }
        return tags
    }
}
