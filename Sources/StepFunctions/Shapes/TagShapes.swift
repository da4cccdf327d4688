/// What TagResource asks for: tags to add to (or change on) a resource.
package struct TagResourceInput: Sendable {
    package var resourceArn: String
    package var tags: [String: String]

    package init(resourceArn: String, tags: [String: String]) {
        self.resourceArn = resourceArn
        self.tags = tags
    }
}

/// What UntagResource asks for: the keys of the tags to remove.
package struct UntagResourceInput: Sendable {
    package var resourceArn: String
    package var tagKeys: [String]

    package init(resourceArn: String, tagKeys: [String]) {
        self.resourceArn = resourceArn
        self.tagKeys = tagKeys
    }
}

/// What ListTagsForResource asks for.
package struct ListTagsForResourceInput: Sendable {
    package var resourceArn: String

    package init(resourceArn: String) { self.resourceArn = resourceArn }
}
