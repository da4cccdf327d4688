import JSON
import Stepwise

/// A task handed to an activity worker by GetActivityTask: its token and input.
package struct ActivityTask: Sendable, Equatable {
    package let token: String
    package let input: JSON

    package init(token: String, input: JSON) {
        self.token = token
        self.input = input
    }
}
