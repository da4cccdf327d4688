import Foundation

/// One logged step: what happened and when.
public struct LoggedStep: Sendable {
    public let time: Date
    public let input: StepInput

    public init(time: Date, input: StepInput) {
        self.time = time
        self.input = input
    }
}
