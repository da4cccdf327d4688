import StepwiseStore

/// The tagging actions: state machines and activities, as on AWS (not versions, aliases or executions).
extension StepFunctionsService {
    /// At most this many tags in one request.
    package static let maximumTags = 50

    /// TagResource. - Throws: InvalidArn, ResourceNotFound.
    package func tagResource(_ input: TagResourceInput) async throws {
        try await taggedResource(input.resourceArn) { try await store.tagStateMachine(arn: input.resourceArn, tags: input.tags) }
    }

    /// UntagResource. - Throws: InvalidArn, ResourceNotFound.
    package func untagResource(_ input: UntagResourceInput) async throws {
        try await taggedResource(input.resourceArn) { try await store.untagStateMachine(arn: input.resourceArn, keys: input.tagKeys) }
    }

    /// ListTagsForResource: the tags by key. - Throws: InvalidArn, ResourceNotFound.
    package func listTagsForResource(_ input: ListTagsForResourceInput) async throws -> [String: String] {
        try await taggedResource(input.resourceArn) { try await store.tags(arn: input.resourceArn) }
    }

    /// Throws TooManyTags when a request carries more than ``maximumTags`` tags for `resourceName`.
    package static func checkTagCount(_ count: Int, resourceName: String) throws(StepFunctionsError) {
        guard count <= maximumTags else {
            throw StepFunctionsError.service("TooManyTags", "Too many tags: at most \(maximumTags) tags are allowed on '\(resourceName)'")
        }
    }

    /// Runs `body` on a taggable resource; unknown resources are ResourceNotFound.
    @discardableResult
    private func taggedResource<T>(_ arn: String, _ body: () async throws -> T) async throws -> T {
        let resource = try ResourceARN.taggable(arn)
        let notFound = StepFunctionsError.service("ResourceNotFound", "Resource not found: '\(arn)'")
        guard resource.names.count == 1 else { throw notFound }
        return try await storeCall(notFound: notFound, body)
    }
}
