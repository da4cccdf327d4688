import Stepwise

/// Sets a runtime up with the local integrations: a mock config test case (tier `.mock`), a resources file
/// (tier `.resources`) and the HTTP Task (tier `.services`).
public enum LocalIntegrations {
    /// For `stepwise run`: the states of `testCase` (of the state machine `stateMachineName` in the mock config
    /// file) are mocked. - Throws: an unreadable or invalid file, a missing or unknown test case.
    public static func configure(
        _ runtime: Runtime, mockConfig: String?, testCase: String?, stateMachineName: String, resources: String?
    ) throws(ConfigFileError) {
        switch (mockConfig, testCase) {
        case (let path?, let name?):
            let config = try MockConfig(contentsOf: path)
            runtime.add(MockResolver(testCase: try config.testCase(name, machine: stateMachineName)), tier: .mock)
        case (_?, nil): throw ConfigFileError("UsageError", "--mock-config needs --test-case NAME", location: "")
        case (nil, _?): throw ConfigFileError("UsageError", "--test-case needs --mock-config FILE", location: "")
        case (nil, nil): break
        }
        for resolver in try lowerTiers(resources, runtime) { runtime.add(resolver.resolver, tier: resolver.tier) }
    }

    /// For `stepwise serve`: every execution started as `stateMachineArn#TestCaseName` runs under that test case
    /// of the mock config file (bind it in the returned registry before the start). Returns nil without a file.
    /// A Task nothing can run is explained with what a server offers (``serverAdvice(_:)``).
    package static func configureServer(_ runtime: Runtime, mockConfig: String?, resources: String?) throws(ConfigFileError) -> TestCaseRegistry? {
        for resolver in try lowerTiers(resources, runtime) { runtime.add(resolver.resolver, tier: resolver.tier) }
        let config = try mockConfig.map { path throws(ConfigFileError) in try MockConfig(contentsOf: path) }
        runtime.setMissingResourceAdvice(serverAdvice(config))
        guard let config else { return nil }
        let registry = TestCaseRegistry(config: config)
        runtime.add(MockResolver(registry: registry), tier: .mock)
        return registry
    }

    /// The resources file (when given) and the HTTP Task, in the order they are asked. The resources file's
    /// `lambda:invoke` follows the versions and aliases of the runtime's Lambda control plane.
    static func lowerTiers(_ resources: String?, _ runtime: Runtime) throws(ConfigFileError) -> [(resolver: any TaskResolver, tier: ResolverTier)] {
        var resolvers: [(resolver: any TaskResolver, tier: ResolverTier)] = []
        if let resources {
            let file = try ResourcesFile(contentsOf: resources)
            resolvers.append((ResourcesResolver(file: file, versions: { [weak runtime] in runtime?.lambdaVersions }), .resources))
        }
        resolvers.append((HTTPTaskResolver(), .services))
        return resolvers
    }
}
