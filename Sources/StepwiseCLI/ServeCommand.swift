import Dispatch
import Foundation
import StepwiseServer
import StepwiseServices
import StepwiseStore

/// `stepwise serve`: the AWS Step Functions API and the REST jobs API over HTTP, on one database.
enum ServeCommand: Command {
    static let name = "serve"
    static let summary = "Serve the Step Functions API and the jobs API over HTTP"
    static let help = """
        Usage: stepwise serve [--host 127.0.0.1] [--port 8083] [--db stepwise.db] [--workflows DIR] [--virtual-time]
                              [--region us-east-1] [--account 123456789012] [--data-dir PATH] [--resources FILE]
                              [--retention-days 90] [--seed FILE | --no-seed] [--skip-integrity-check]
                              [--auth none|sigv4|token] [--credentials FILE] [--tokens FILE] [--insecure]

        Serves the AWS Step Functions JSON API (POST / with X-Amz-Target, for boto3 and the AWS CLI) and the
        REST jobs API (POST /{workflow}/jobs, GET /jobs, …; see docs/http-api.md) from one database file.
        At start, RUNNING executions resume and queued jobs start. On SIGINT or SIGTERM the server stops
        accepting, answers the requests in flight, flushes the database and exits 0; a second signal exits at
        once (exit 1), and what was committed resumes at the next start.

        Options:
          --host H         the address to listen on (default 127.0.0.1)
          --port P         the port (default 8083; 0 lets the system choose, and the address line shows it)
          --db PATH        the SQLite database (default stepwise.db, created if missing)
          --workflows DIR  register every NAME.asl.json in DIR as state machine NAME (updated when changed);
                           DIR/stepwise.json sets each workflow's jobs: maxConcurrency, jobIdMember, cancel,
                           onEnd, schedule (docs/http-api.md)
          --virtual-time   Waits, retry backoffs and timeouts complete at once
          --region R       the region in ARNs (default us-east-1)
          --account A      the account in ARNs (default 123456789012)
          --data-dir PATH  where the local AWS services (S3, DynamoDB, RDS Data API, catalogue) keep data (default .stepwise)
          --resources F    run Tasks with the local commands and HTTP endpoints mapped in this file
          --retention-days N  delete executions that stopped more than N days ago, with their history and jobs,
                           at start and every 24 hours (default 90, as AWS; 0 keeps them forever)
          --skip-integrity-check  do not read the whole database at start (PRAGMA quick_check): faster for a
                           large file, but a damaged one is then found only when a request meets the damage
        \(accessHelp)
        \(SeedOption.help(default: "DIR/stepwise.json of --workflows DIR, if any"))
        The database is held by this process alone while it serves (another `serve`, `run --db` or `resume` on
        it is refused). If a write fails (a full disk), the executions concerned stop, stay RUNNING at their last
        recorded step and resume from there once writes succeed again; stderr and GET /health say so.
        Environment: SFN_MOCK_CONFIG names a Step Functions Local mock config file; StartExecution with
        stateMachineArn#TestCaseName runs that test case's mocks (docs/integrations.md).
        Prints "stepwise: listening on http://HOST:PORT" on stderr once it accepts connections.
        """
    static let options: [OptionSpec] =
        [
            .value("host"), .value("port"), .value("db"), .value("workflows"), .flag("virtual-time"), .value("region"), .value("account"),
            .value("resources"), .value("data-dir"), .value("retention-days"), .flag("skip-integrity-check"),
            .value("auth"), .value("credentials"), .value("tokens"), .flag("insecure"),
        ] + SeedOption.options

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard arguments.positionals.isEmpty else {
            output.error("stepwise serve: unexpected argument '\(arguments.positionals[0])'\n\n\(help)")
            return 2
        }
        guard var options = serveOptions(arguments) else {
            output.error("stepwise serve: --port must be a number from 0 to 65535\n\n\(help)")
            return 2
        }
        if let days = arguments.value("retention-days") {
            guard let value = Int(days), value >= 0 else {
                output.error("stepwise serve: --retention-days must be a whole number of days, 0 or more\n\n\(help)")
                return 2
            }
            options.retentionDays = value
        }
        do {
            options.access = try accessControl(arguments, host: options.host, region: options.region)
        } catch {
            output.error("stepwise serve: \(error.message)")
            return 2
        }
        options.dataDirectory = arguments.value("data-dir") ?? DataDirectory.defaultPath
        do {
            options.seedFile = try SeedOption.file(arguments, default: options.workflowsDirectory.map(SeedOption.settings(in:)))
        } catch {
            output.error("stepwise serve: \(error.message)\n\n\(help)")
            return 2
        }
        let signals = SignalWaiter(SIGINT, SIGTERM)
        let host: ServiceHost
        do {
            host = try await ServiceHost.start(options) { line in logNow("stepwise: \(line)") }
        } catch let error as StoreError {
            output.error("stepwise serve: \(DatabaseOptions.message(for: error, readOnly: false, path: options.databasePath))")
            return 1
        } catch {
            output.error("stepwise serve: \(error)")
            return 1
        }
        logNow("stepwise: listening on http://\(displayHost(options.host)):\(await host.port)")
        let signal = await signals.next() ?? SIGTERM
        logNow("stepwise: \(signal == SIGINT ? "SIGINT" : "SIGTERM"): shutting down")
        // A second signal does not wait for requests in flight: what is committed resumes at the next start.
        let force = Task {
            guard await signals.next() != nil else { return }  // nil: cancelled once the shutdown is done
            logNow("stepwise: second signal: exiting now; running executions resume at the next start")
            exit(1)
        }
        defer { force.cancel() }
        do {
            try await host.shutdown()
        } catch {
            output.error("stepwise serve: shutting down: \(error)")
            return 1
        }
        return 0
    }

    static func serveOptions(_ arguments: ParsedArguments) -> ServeOptions? {
        var options = ServeOptions()
        if let port = arguments.value("port") {
            guard let value = UInt16(port) else { return nil }
            options.port = value
        }
        options.host = arguments.value("host") ?? options.host
        options.databasePath = arguments.value("db") ?? options.databasePath
        options.workflowsDirectory = arguments.value("workflows")
        options.virtualTime = arguments.flag("virtual-time")
        options.storeOptions.checkIntegrity = !arguments.flag("skip-integrity-check")
        options.region = arguments.value("region") ?? options.region
        options.account = arguments.value("account") ?? options.account
        options.resourcesPath = arguments.value("resources")
        options.mockConfigPath = ProcessInfo.processInfo.environment["SFN_MOCK_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        if let timeout = activityPollTimeout(ProcessInfo.processInfo.environment) { options.activityPollTimeout = timeout }
        options.routingSeed = ProcessInfo.processInfo.environment["STEPWISE_ROUTING_SEED"].flatMap { UInt64($0) }
        return options
    }

    /// `STEPWISE_ACTIVITY_POLL_SECONDS`: a shorter wait for empty GetActivityTask polls (tests), at most 60 s;
    /// nil when unset or not a number of seconds, which keeps AWS's 60 s.
    static func activityPollTimeout(_ environment: [String: String]) -> Duration? {
        guard let text = environment["STEPWISE_ACTIVITY_POLL_SECONDS"], let seconds = Double(text), seconds >= 0 else { return nil }
        return .milliseconds(Int64(min(seconds, 60) * 1000))
    }

    static func displayHost(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }

    /// Writes a line to stderr at once (the command's collected output only appears when it exits).
    static func logNow(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
