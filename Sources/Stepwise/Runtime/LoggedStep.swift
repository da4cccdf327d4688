import Foundation

/// One logged step: what happened and when.
package struct LoggedStep: Sendable {
    package let time: Date
    package let input: StepInput

    package init(time: Date, input: StepInput) {
        self.time = time
        self.input = input
    }
}
