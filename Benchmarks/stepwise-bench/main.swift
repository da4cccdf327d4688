import Foundation

/// stepwise-bench NAME [--peer [js | python]] [--repetitions N] [--warmup N] [--sizes N,N,…]
///
/// Benchmarks: json, transitions, jsonata, regex, durable, services, registry, graph, console, executions, startup, all. Run release builds only: `swift run -c release stepwise-bench json`.
let usage = """
    usage: stepwise-bench (json | transitions | jsonata | regex | durable | services | registry | graph | console | executions | startup | all)
                          [--peer [js | python]]
                          [--repetitions N] [--warmup N] [--sizes N,N,…] [--binary PATH] [--baseline PATH]
      json         parse and write a ~1 MiB history-like document: Stepwise JSON vs JSONSerialization
      transitions  state entries per second through Runtime(clock: .virtual); --peer also runs moto
      durable      transitions per second in memory vs recorded in SQLite, and bytes per 1,000 events
      services     items/s through a Distributed Map over the local S3 (memory, durable) and DynamoDB putItem tasks/s
      registry     workflows/reconcile-packages.asl.json over 100,000 objects (BENCH_OBJECTS): memory, durable, a second run
                   (not part of all: it takes minutes)
      jsonata      evaluations per second of typical workflow expressions; --peer also runs jsonata-js on Node
                   (--peer js, the default) or jsonata-python (--peer python)
      graph        graph model, layout and SVG of the largest workflow and of a generated 500-state machine
      regex        evaluations per second of typical regex expressions; --peer also runs jsonata-js on Node
      console      the web console's page JSON with 100,000 executions stored and a 24,008-event history
      executions   named StartExecution, DescribeExecution and ListExecutions at 1,000 / 100,000 / 1,000,000 stored
                   executions (--sizes to choose; not part of all: the database takes ~1 GB)
      startup      wall time of whole `stepwise` processes: `run` of a one-state file in memory and with --db, and
                   --help as the floor; --binary (default: the stepwise beside stepwise-bench) and --baseline, a
                   previous build's binary timed in the same run (not part of all: it needs the stepwise product built)
    """

var arguments = Array(CommandLine.arguments.dropFirst())
var harness = Harness()
var peer = false
var jsonataPeer = JSONataBenchmark.Peer.js
var names: [String] = []
var sizes = ExecutionsBenchmark.defaultSizes
var binary: String?
var baseline: String?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--peer":
        peer = true
        if let choice = arguments.first.flatMap(JSONataBenchmark.Peer.init(rawValue:)) {
            jsonataPeer = choice
            arguments.removeFirst()
        }
    case "--repetitions", "--warmup":
        guard let value = arguments.first.flatMap(Int.init), value >= 0 else {
            print(usage)
            exit(2)
        }
        arguments.removeFirst()
        if argument == "--warmup" { harness.warmup = value } else { harness.repetitions = max(1, value) }
    case "--sizes":
        guard let list = arguments.first?.split(separator: ",").map({ Int($0) }), !list.isEmpty, list.allSatisfy({ ($0 ?? 0) > 0 }) else {
            print(usage)
            exit(2)
        }
        arguments.removeFirst()
        sizes = list.compactMap { $0 }
    case "--binary", "--baseline":
        guard let path = arguments.first else {
            print(usage)
            exit(2)
        }
        arguments.removeFirst()
        if argument == "--binary" { binary = path } else { baseline = path }
    case "json", "transitions", "jsonata", "regex", "durable", "services", "registry", "graph", "console", "executions", "startup":
        names.append(argument)
    case "all": names += ["json", "transitions", "jsonata", "regex", "durable", "services", "graph", "console"]
    default:
        print(usage)
        exit(argument == "--help" || argument == "-h" ? 0 : 2)
    }
}
if names.isEmpty {
    print(usage)
    exit(2)
}

#if DEBUG
    print("warning: debug build; figures are meaningless (use swift run -c release stepwise-bench)\n")
#endif
do {
    for (index, name) in names.enumerated() {
        if index > 0 { print("") }
        switch name {
        case "json": try JSONBenchmark.run(harness: harness)
        case "jsonata": try JSONataBenchmark.run(harness: harness, peer: peer ? jsonataPeer : nil)
        case "regex": try RegexBenchmark.run(harness: harness, peer: peer)
        case "durable": try await DurableBenchmark.run(harness: harness)
        case "services": try await ServicesBenchmark.run(harness: harness)
        case "registry": try await RegistryBenchmark.run(harness: harness)
        case "graph": try GraphBenchmark.run(harness: harness)
        case "console": try await ConsoleBenchmark.run(harness: harness)
        case "executions": try await ExecutionsBenchmark.run(harness: harness, sizes: sizes)
        case "startup": try StartupBenchmark.run(harness: harness, binary: binary, baseline: baseline)
        default: try await TransitionsBenchmark.run(harness: harness, peer: peer)
        }
    }
} catch {
    print("stepwise-bench: \(error)")
    exit(1)
}
