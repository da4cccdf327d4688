import Foundation
import JSON

/// An activity as stored (CreateActivity): its ARN, name, creation date and tags. Here, below the store and the
/// integrations, because both name it: the store keeps it, the activity catalogue hands it out.
package struct ActivityRecord: Sendable, Equatable {
    package var arn: String
    package var name: String
    package var creationDate: Date
    package var tags: [String: String]
    /// The `encryptionConfiguration` it was created with, as AWS answers it (nil: none given).
    package var encryption: JSONObject?

    package init(arn: String, name: String, creationDate: Date, tags: [String: String] = [:]) {
        self.arn = arn
        self.name = name
        self.creationDate = creationDate
        self.tags = tags
    }
}
