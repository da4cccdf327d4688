import JSON
import Stepwise

/// A task handed to an activity worker by GetActivityTask: its token and input.
public struct ActivityTask: Sendable, Equatable {
    public let token: String
    public let input: JSON

    public init(token: String, input: JSON) {
        self.token = token
        self.input = input
    }
}
