// swift-tools-version:6.1
import PackageDescription

/// Where the -lcurl of a static Foundation finds LazyCurl's empty linker script instead of the system libcurl
/// (Sources/LazyCurl/LazyCurl.c); for the executables that depend on LazyCurl.
let lazyCurlLinking: [LinkerSetting] = [.unsafeFlags(["-L", Context.packageDirectory + "/Sources/LazyCurl/link"], .when(platforms: [.linux]))]

let package = Package(
    name: "Stepwise",
    platforms: [.macOS(.v15)],
    products: [
        // One product: the engine, and beside it the modules an embedding program may import (the durable
        // store, the task integrations, the local AWS services) and the JSON value type. Their public API is
        // docs/library.md, and nothing else (.ci/check-public-api.sh); our modules share the rest as `package`.
        .library(name: "Stepwise", targets: ["Stepwise", "JSON", "StepwiseStore", "StepwiseIntegrations", "StepwiseServices"]),
        .library(name: "JSONata", targets: ["JSONata"]),
        .executable(name: "stepwise", targets: ["stepwise"]),
    ],
    targets: [
        .target(name: "JSON"),
        .target(name: "StepwiseRegex"),
        .target(name: "JSONata", dependencies: ["CSystem", "JSON", "StepwiseRegex"]),
        .target(name: "Digests"),
        .target(name: "SigV4", dependencies: ["Digests"]),
        .target(name: "StatesLanguage", dependencies: ["Digests", "JSON", "JSONata", "StepwiseRegex"]),
        .target(name: "Stepwise", dependencies: ["JSON", "JSONata", "StatesLanguage"]),
        .target(name: "StepwiseGraph", dependencies: ["Stepwise", "StatesLanguage", "JSON"]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "StepwiseSQLite", dependencies: ["CSQLite"]),
        .target(name: "StepwiseStore", dependencies: ["StepwiseSQLite", "Stepwise", "JSON"]),
        .target(name: "StepwiseIntegrations", dependencies: ["CSystem", "Stepwise", "StatesLanguage", "JSON"]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "StepwiseServices", dependencies: ["CSQLite", "CZlib", "Digests", "StepwiseSQLite", "Stepwise", "StepwiseIntegrations", "JSON"]),
        .systemLibrary(name: "CSystem"),
        .target(name: "StepwiseHost", dependencies: ["Stepwise", "StepwiseStore", "StepwiseIntegrations", "StepwiseServices", "JSON"]),
        .target(
            name: "StepFunctions", dependencies: ["Stepwise", "StatesLanguage", "StepwiseStore", "StepwiseIntegrations", "StepwiseHost", "JSON"]),
        .target(name: "StepwiseConsole", dependencies: ["StepFunctions", "StepwiseGraph", "Stepwise", "StatesLanguage", "StepwiseStore", "JSON"]),
        .target(
            name: "StepwiseServer",
            dependencies: [
                "CSystem", "Stepwise", "StatesLanguage", "StepwiseStore", "StepwiseIntegrations", "StepwiseServices", "StepwiseHost", "StepFunctions",
                "StepwiseConsole", "SigV4", "Digests",
                "JSON",
            ]),
        .target(name: "StepwiseDeploy", dependencies: ["SigV4", "StepFunctions", "StepwiseIntegrations", "StatesLanguage", "Stepwise", "JSON"]),
        .target(
            name: "StepwiseCLI",
            dependencies: [
                "CSystem", "Stepwise", "StepwiseStore", "StepwiseServer", "StepwiseIntegrations", "StepwiseServices", "StepwiseHost", "StepFunctions",
                "StepwiseDeploy", "StepwiseGraph", "StatesLanguage", "JSONata", "SigV4", "JSON",
            ]),
        // LazyCurl loads libcurl (and its 28 libraries) at the first HTTP request instead of at start-up; with a
        // static Swift runtime (`swift build -c release --static-swift-stdlib`, README) the -lcurl Foundation asks
        // for finds LazyCurl's empty linker script, so the binary loads no libcurl until it makes an HTTP call.
        // Every executable that links FoundationNetworking (through StepwiseIntegrations) takes both.
        .target(name: "LazyCurl", exclude: ["link"]),
        .executableTarget(name: "stepwise", dependencies: ["StepwiseCLI", "LazyCurl"], linkerSettings: lazyCurlLinking),
        .executableTarget(
            name: "stepwise-bench",
            dependencies: [
                "Stepwise", "StepwiseStore", "StepwiseServices", "StepwiseHost", "StepwiseGraph", "StepFunctions", "StepwiseConsole",
                "StatesLanguage",
                "JSONata", "JSON", "LazyCurl",
            ],
            path: "Benchmarks/stepwise-bench", linkerSettings: lazyCurlLinking),
        .executableTarget(
            name: "migration-example", dependencies: ["Stepwise", "StepwiseServices", "StepwiseStore", "StepwiseHost", "JSON", "LazyCurl"],
            path: "Examples/migration-example", linkerSettings: lazyCurlLinking),
        .target(name: "StepwiseTesting", dependencies: ["Stepwise", "StepwiseHost", "StepwiseCLI", "JSON"]),

        // libFuzzer targets (Fuzz/run.sh builds them with -DFUZZING and the fuzzer sanitizer; docs/fuzzing.md).
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzDriver", "JSON"], path: "Fuzz/fuzz-json"),
        .executableTarget(name: "fuzz-jsonata", dependencies: ["FuzzDriver", "JSON", "JSONata", "StatesLanguage"], path: "Fuzz/fuzz-jsonata"),
        .executableTarget(name: "fuzz-jsonpath", dependencies: ["FuzzDriver", "JSON", "StatesLanguage"], path: "Fuzz/fuzz-jsonpath"),
        .executableTarget(name: "fuzz-definition", dependencies: ["FuzzDriver", "StatesLanguage"], path: "Fuzz/fuzz-definition"),
        .executableTarget(
            name: "fuzz-http", dependencies: ["FuzzDriver", "StepwiseServer", "LazyCurl"], path: "Fuzz/fuzz-http", linkerSettings: lazyCurlLinking),

        .testTarget(name: "DigestsTests", dependencies: ["Digests"]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4", "Digests"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "StepwiseSQLiteTests", dependencies: ["StepwiseSQLite"]),
        .testTarget(name: "StepwiseRegexTests", dependencies: ["StepwiseRegex"]),
        .testTarget(name: "JSONataTests", dependencies: ["JSONata", "JSON"]),
        .testTarget(name: "StatesLanguageTests", dependencies: ["StatesLanguage", "JSON"]),
        .testTarget(name: "StepwiseGraphTests", dependencies: ["StepwiseGraph", "StepwiseTesting", "Stepwise", "StatesLanguage", "JSON"]),
        .testTarget(name: "StepwiseTests", dependencies: ["Stepwise", "StepwiseTesting", "JSON"]),
        .testTarget(
            name: "StepwiseStoreTests", dependencies: ["StepwiseStore", "StepwiseSQLite", "StepwiseTesting", "Stepwise", "JSON"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StepwiseIntegrationsTests",
            dependencies: ["StepwiseIntegrations", "StepwiseHost", "StepwiseStore", "StepwiseTesting", "Stepwise", "JSON"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StepwiseServicesTests",
            dependencies: ["StepwiseServices", "StepwiseSQLite", "StepwiseTesting", "StepwiseCLI", "Stepwise", "Digests", "JSON"]),
        .testTarget(
            name: "WorkflowTests",
            dependencies: [
                "StepwiseTesting", "StepwiseServices", "StepwiseStore", "StepwiseIntegrations", "StepwiseHost", "Stepwise", "Digests", "JSON",
            ]),
        .testTarget(
            name: "StepwiseServerTests",
            dependencies: [
                "StepwiseServer", "StepwiseConsole", "StepFunctions", "StepwiseStore", "StepwiseTesting", "Stepwise", "SigV4", "Digests", "JSON",
            ]),
        .testTarget(name: "StepwiseConsoleTests", dependencies: ["StepwiseConsole", "StepwiseTesting"]),
        .testTarget(name: "StepwiseDeployTests", dependencies: ["StepwiseDeploy", "SigV4", "StepwiseTesting", "JSON"]),
        .testTarget(
            name: "StepwiseCLITests",
            dependencies: ["StepwiseTesting", "StepwiseCLI", "StepwiseStore", "StepwiseSQLite", "Stepwise", "StatesLanguage", "JSON"],
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
