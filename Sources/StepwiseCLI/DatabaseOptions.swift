import Foundation
import JSON
import Stepwise
import StepwiseStore

/// Opening the `--db` database for a command, with a one-line error for a bad file.
enum DatabaseOptions {
    static func open(_ path: String, readOnly: Bool = false) async throws(FileError) -> Store {
        do {
            return try await Store(path: path, options: Store.Options(readOnly: readOnly))
        } catch {
            throw FileError(message: message(opening: error, path: path, readOnly: readOnly))
        }
    }

    /// What a command line user reads when the database at `path` cannot be opened.
    static func message(opening error: any Error, path: String, readOnly: Bool = false) -> String {
        guard let error = error as? StoreError else { return "\(path): \(error)" }
        return message(for: error, readOnly: readOnly, path: path)
    }

    /// What a command line user reads for a database that cannot be opened: the store's finding, and what to
    /// do about it with the CLI (the store's own advice is for library users).
    static func message(for error: StoreError, readOnly: Bool, path: String) -> String {
        switch error.kind {
        case .damaged:
            "\(error.message); the file was left untouched (`stepwise doctor --db \(path) --repair` saves what can be read into a new file)"
        case .readOnly where !readOnly:
            "\(error.message): this command records executions in it, so the file and its directory must be writable; "
                + "`stepwise executions --db` and `stepwise history --db` can read it as it is"
        case .notADatabase, .foreignDatabase: "\(error.message); the file was left untouched"
        case .newerSchema: "\(error.message); use that newer stepwise (the file was left untouched)"
        case .inUse: "\(error.message); stop it or let it finish (reading with `stepwise executions` or `history` works meanwhile)"
        default: error.message
        }
    }
}
