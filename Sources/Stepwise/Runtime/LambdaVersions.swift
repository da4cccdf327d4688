/// What one version of a Lambda function runs, as the local Lambda control plane recorded it.
package struct LambdaCode: Sendable, Equatable {
    /// The version that runs (`$LATEST`, `3`): the invoke's `ExecutedVersion`.
    package var version: String
    /// The name that finds what runs it (a resources-file key, or a function name or ARN); nil for the function's
    /// own entry.
    package var key: String?

    package init(version: String, key: String?) {
        self.version = version
        self.key = key
    }
}

/// The Lambda control plane's versions and aliases, as `lambda:invoke` consults them (the local services of
/// `StepwiseServices` set one on the runtime; the resources file runs what it answers).
package protocol LambdaVersions: Sendable {
    /// What `function` (a function name) called with `qualifier` (nil, `$LATEST`, a version number or an alias)
    /// runs; nil when the control plane knows nothing of the function, so the name is looked up as it is. Throws
    /// `Lambda.ResourceNotFoundException` for a version or alias the function does not have.
    func code(function: String, arn: String, qualifier: String?) throws -> LambdaCode?
}
