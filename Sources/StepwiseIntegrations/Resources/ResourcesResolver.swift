import JSON
import Stepwise

/// Runs Tasks with the commands and endpoints of a resources file (tier `.resources`).
///
/// A Task's resource is looked up as its ARN; a Lambda ARN (`arn:aws:lambda:…:function:name[:qualifier]`) also by
/// its function name, and its result is the function's output itself. `arn:aws:states:::lambda:invoke` looks up
/// `FunctionName` (name, partial or full ARN, with a qualifier) when the task runs, and answers AWS's invoke shape.
public struct ResourcesResolver: TaskResolver {
    package let file: ResourcesFile
    /// The Lambda control plane whose versions and aliases `lambda:invoke` follows, asked when a task runs.
    let versions: @Sendable () -> (any LambdaVersions)?
    static let invoke = "arn:aws:states:::lambda:invoke"

    public init(file: ResourcesFile) { self.init(file: file, versions: { nil }) }

    package init(file: ResourcesFile, versions: @escaping @Sendable () -> (any LambdaVersions)?) {
        self.file = file
        self.versions = versions
    }

    public func handler(for task: TaskReference) -> TaskHandler? {
        if task.resource == Self.invoke { return file.hasFunctionEntries ? invokeHandler() : nil }
        if ResourceName(task.resource) == .lambdaFunction, let function = FunctionName(task.resource) {
            let candidates = [task.resource] + function.candidates(region: function.region ?? "", account: function.account ?? "")
            guard let entry = file.entry(for: candidates) else { return nil }
            return call(entry, .lambda)
        }
        guard let entry = file.entry(for: [task.resource]) else { return nil }
        return call(entry, .plain)
    }

    func call(_ entry: ResourceEntry, _ flavor: ResourceCall.Flavor) -> TaskHandler {
        let call = ResourceCall(entry: entry, flavor: flavor, folder: file.folder)
        return { input, _ in try await call.perform(input) }
    }
}
