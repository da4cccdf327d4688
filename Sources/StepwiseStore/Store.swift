import Foundation
import StepwiseSQLite

/// The SQLite store of state machines, executions, their history and replay log.
///
/// An actor confined to its own serial dispatch queue, owning one writer connection: every blocking SQLite
/// call runs on that queue, never on the cooperative pool. Log appends are queued in memory and written by
/// group commit (see ``append(arn:step:events:)``).
///
/// How the engine uses it: ``createExecution(_:)`` with the definition text, input, seed and clock kind
/// (concurrent starts share a commit, each answered once stored); after every interpreter step,
/// ``append(arn:step:events:)`` with the step's input (as JSON text) and the events it produced; when the
/// interpreter finishes, ``finishExecution(arn:status:output:error:cause:stopDate:)`` (queued behind the log,
/// committed in the same transaction as its last steps). On restart, ``runningExecutions()`` and, for
/// each, ``stepLog(arn:)``: replay the inputs in order through a fresh interpreter, then re-arm timers and
/// re-dispatch open tasks. Call ``flush()`` where durability must be known (before acknowledging a callback)
/// and ``close()`` on shutdown: a store released without it loses its queued appends, as a crash would (no
/// `isolated deinit` to commit them: it breaks release builds of importing modules, "circular reference", Swift 6.3).
public actor Store {
    /// How to open and run the store.
    public struct Options: Sendable {
        /// Open an existing database read-only: every read works, every write fails with `.readOnly`.
        public var readOnly: Bool
        /// The longest a log append waits in memory before it is committed.
        public var commitInterval: Duration
        /// Commit at once when this many rows (steps + events) are queued, whatever the interval.
        public var maxPendingRows: Int
        /// How long to wait for another connection's write lock before failing with `.busy`.
        public var busyTimeoutMilliseconds: Int32
        /// A cap on the file size in pages (`PRAGMA max_page_count`); nil for SQLite's default. Tests use it
        /// to simulate a full disk.
        public var maxPageCount: Int?
        /// How long after a failed write (a full disk, say) the store tries its queued appends again.
        public var retryInterval: Duration
        /// `synchronous=FULL` instead of NORMAL: every commit is fsynced, so it also survives a power loss
        /// (NORMAL survives a process crash; a power loss may drop the last commits, never part of one).
        public var synchronousFull: Bool
        /// Check an existing file page by page (`PRAGMA quick_check`) before using it, and refuse it as `.damaged`
        /// when a page is broken. It reads the whole file: `stepwise serve` does it once at start.
        public var checkIntegrity: Bool

        public init(
            readOnly: Bool = false, commitInterval: Duration = .milliseconds(10), maxPendingRows: Int = 20_000,
            busyTimeoutMilliseconds: Int32 = 5_000, maxPageCount: Int? = nil,
            synchronousFull: Bool = false, retryInterval: Duration = .seconds(1), checkIntegrity: Bool = false
        ) {
            self.readOnly = readOnly
            self.commitInterval = commitInterval
            self.maxPendingRows = maxPendingRows
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.maxPageCount = maxPageCount
            self.synchronousFull = synchronousFull
            self.retryInterval = retryInterval
            self.checkIntegrity = checkIntegrity
        }
    }

    /// Counters of the log's group commit.
    package struct Statistics: Sendable, Equatable {
        /// Transactions that wrote queued log rows.
        package var commits = 0
        package var steps = 0
        package var events = 0
        /// Transactions that stored new executions, and how many they stored.
        package var startCommits = 0
        package var starts = 0
    }

    package nonisolated let path: String
    let options: Options
    private let executor: SerialQueueExecutor
    private var connection: SQLiteConnection?
    /// Held by a writer from open to close, so one process at a time drives the database's executions.
    private var writerLock: WriterLock?
    var log = PendingLog()
    /// The write failure that stands and the executions whose recording it stopped.
    var failures = WriteFailures()
    /// Starts waiting for the commit that stores them.
    var creates: [PendingCreate] = []
    var commitTask: Task<Void, Never>?
    package internal(set) var statistics = Statistics()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens (or creates) the database at `path` and applies pending migrations.
    ///
    /// A writer first takes `<path>.lock` (`.inUse` while another process writes the database; read-only opens
    /// take no lock). An existing file is then inspected read-only; a corrupt file (`.notADatabase`), another application's
    /// database (`.foreignDatabase`) or a newer schema (`.newerSchema`) is refused without being written to.
    public init(path: String, options: Options = Options()) async throws {
        self.path = path
        self.options = options
        executor = SerialQueueExecutor(label: "stepwise.store")
        // Fully initialized: from here the initializer runs isolated, on the store's queue.
        executor.assertCurrent()
        if options.readOnly {
            connection = try SQLiteConnection.openReader(path: path, options: options)
        } else {
            writerLock = try WriterLock(databasePath: path)  // before anything reads the file: creation is then ours alone
            connection = try SQLiteConnection.openWriter(path: path, options: options)
        }
        DamageReports.clear(path)
    }

    /// Damage SQLite met in this database since it was opened (a broken page read or written), or nil: a
    /// damaged store answers what it can, and `/health` says it is failing.
    package nonisolated var damage: String? { DamageReports.damage(at: path) }

    /// Commits queued log rows and closes the connection; later calls fail with `.closed`.
    package func close() throws {
        defer {
            commitTask?.cancel()
            commitTask = nil
            connection = nil
            writerLock = nil
        }
        try flush()
    }

    /// The open connection.
    func database() throws -> SQLiteConnection {
        executor.assertCurrent()
        guard let connection else { throw StoreError(.closed, "the store at \(path) is closed") }
        return connection
    }

    /// The names of the migrations applied to the database, in order.
    package func appliedMigrations() throws -> [String] { try database().appliedMigrations() }
}
