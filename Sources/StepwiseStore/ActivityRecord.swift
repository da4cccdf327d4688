import Foundation
import JSON

/// An activity as stored (CreateActivity): its ARN, name, creation date and tags.
public struct ActivityRecord: Sendable, Equatable {
    public var arn: String
    public var name: String
    public var creationDate: Date
    public var tags: [String: String]
    /// The `encryptionConfiguration` it was created with, as AWS answers it (nil: none given).
    package var encryption: JSONObject?

    public init(arn: String, name: String, creationDate: Date, tags: [String: String] = [:]) {
        self.arn = arn
        self.name = name
        self.creationDate = creationDate
        self.tags = tags
    }
}
