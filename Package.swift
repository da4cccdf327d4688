// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Stepwise",
    platforms: [.macOS(.v15)],
    products: [
        // One product: the engine, and beside it the modules an embedding program may import (the durable
        // store, the task integrations, the local AWS services, the server) and the JSON value type.
        .library(name: "Stepwise", targets: ["Stepwise", "JSON", "StepwiseStore", "StepwiseIntegrations", "StepwiseServices", "StepwiseServer"]),
        .library(name: "JSONata", targets: ["JSONata"]),
        .executable(name: "stepwise", targets: ["stepwise"]),
    ],
    targets: [
        .target(name: "JSON"),
        .target(name: "StepwiseRegex"),
        .target(name: "JSONata", dependencies: ["JSON", "StepwiseRegex"]),
        .target(name: "StatesLanguage", dependencies: ["JSON", "JSONata", "StepwiseRegex"]),
        .target(name: "Stepwise", dependencies: ["JSON", "JSONata", "StatesLanguage"]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "StepwiseStore", dependencies: ["CSQLite", "Stepwise", "JSON"]),
        .target(name: "StepwiseIntegrations", dependencies: ["CSystem", "Stepwise", "StepwiseStore", "JSON"]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "StepwiseServices", dependencies: ["CSQLite", "CZlib", "Stepwise", "JSON"]),
        .systemLibrary(name: "CSystem"),
        .target(name: "StepwiseServer", dependencies: ["CSystem", "Stepwise", "StepwiseStore", "StepwiseIntegrations", "StepwiseServices", "JSON"]),
        .target(
            name: "StepwiseCLI",
            dependencies: [
                "Stepwise", "StepwiseStore", "StepwiseServer", "StepwiseIntegrations", "StepwiseServices", "StatesLanguage", "JSONata", "JSON",
            ]),
        .executableTarget(name: "stepwise", dependencies: ["StepwiseCLI"]),
        .executableTarget(
            name: "stepwise-bench", dependencies: ["Stepwise", "StepwiseStore", "StepwiseServices", "StatesLanguage", "JSONata", "JSON"],
            path: "Benchmarks/stepwise-bench"),
        .executableTarget(
            name: "migration-example", dependencies: ["Stepwise", "StepwiseServices", "StepwiseStore", "JSON"],
            path: "Examples/migration-example"),
        .target(name: "StepwiseTesting", dependencies: ["Stepwise", "StepwiseCLI"]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "StepwiseRegexTests", dependencies: ["StepwiseRegex"]),
        .testTarget(name: "JSONataTests", dependencies: ["JSONata", "JSON"]),
        .testTarget(name: "StatesLanguageTests", dependencies: ["StatesLanguage", "JSON"]),
        .testTarget(name: "StepwiseTests", dependencies: ["Stepwise", "StepwiseTesting", "StatesLanguage", "JSON"]),
        .testTarget(name: "StepwiseStoreTests", dependencies: ["StepwiseStore", "StepwiseTesting", "Stepwise", "JSON"]),
        .testTarget(
            name: "StepwiseIntegrationsTests", dependencies: ["StepwiseIntegrations", "StepwiseTesting", "Stepwise", "JSON"],
            exclude: ["Fixtures"]),
        .testTarget(name: "StepwiseServicesTests", dependencies: ["StepwiseServices", "StepwiseTesting", "Stepwise", "JSON"]),
        .testTarget(
            name: "WorkflowTests",
            dependencies: ["StepwiseCLI", "StepwiseTesting", "StepwiseServices", "StepwiseStore", "StepwiseServer", "Stepwise", "JSON"]),
        .testTarget(name: "StepwiseServerTests", dependencies: ["StepwiseServer", "StepwiseStore", "StepwiseTesting", "Stepwise", "JSON"]),
        .testTarget(
            name: "StepwiseCLITests", dependencies: ["StepwiseCLI", "StepwiseTesting", "StepwiseStore", "Stepwise", "JSON"],
            resources: [.copy("CrashWorkflows")]),
    ]
)

// Every target gets the same language settings (STYLE.md, practice 3).
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .swiftLanguageMode(.v6),
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("InferIsolatedConformances"),
            .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
        ]
}
