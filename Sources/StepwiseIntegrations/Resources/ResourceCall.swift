import Foundation
import JSON
import Stepwise

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One run of a resources-file entry: the input goes to the command's stdin or in a POST, the JSON that comes
/// back is the result, and failures become task errors the way the resource's kind reports them.
struct ResourceCall: Sendable {
    /// How failures are named: as AWS Lambda reports them, or as a plain task.
    enum Flavor: Sendable {
        case lambda
        case plain

        /// The error of a failure that names none (a crash, a non-2xx answer, output that is not JSON).
        var unnamedError: String { self == .lambda ? "Lambda.Unknown" : StatesError.Name.taskFailed }
    }

    let entry: ResourceEntry
    let flavor: Flavor
    let folder: URL

    /// Runs the entry within its `timeoutSeconds`. - Throws: `StatesError` for every failure.
    func perform(_ input: JSON) async throws -> JSON {
        do {
            return try await Deadline.run(seconds: entry.timeoutSeconds) { try await self.attempt(input) }
        } catch is DeadlineExceeded {
            throw StatesError(
                StatesError.Name.timeout, "\(what) did not finish within \(Self.seconds(entry.timeoutSeconds ?? 0)) seconds and was stopped.")
        }
    }

    func attempt(_ input: JSON) async throws -> JSON {
        switch entry.target {
        case .command(let arguments):
            let output: CommandOutput
            do {
                output = try await CommandRunner(arguments: arguments, directory: folder).run(input: Data(input.serializedBytes()))
            } catch let error as Spawn.Failure {
                throw StatesError(flavor.unnamedError, "\(what) could not start: \(error.description)")
            }
            let stderr = String(decoding: output.stderr.suffix(1000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let failure = "\(what) exited with status \(output.status)." + (stderr.isEmpty ? "" : " stderr: \(stderr)")
            return try interpret(output.stdout, succeeded: output.status == 0, failure: failure)
        case .url(let url):
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(input.serializedBytes())
            let reply: HTTPReply
            do { reply = try await HTTPClient.send(request) } catch let error as URLError where error.code != .cancelled {
                throw StatesError(flavor.unnamedError, "\(what) got no answer: \(HTTPFailure.describe(error, url: url)).")
            }
            let failure = "\(what) answered \(reply.status) \(HTTPStatusText.text(reply.status))."
            return try interpret(reply.body, succeeded: (200...299).contains(reply.status), failure: failure)
        }
    }

    /// The result, or the failure: an `{"errorType", "errorMessage"}` object names its error; otherwise a failed
    /// run or output that is not JSON is `unnamedError`.
    func interpret(_ output: Data, succeeded: Bool, failure: String) throws(StatesError) -> JSON {
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let json: JSON? = text.isEmpty ? .null : try? JSON(parsing: text)
        if let json, let errorType = json["errorType"]?.stringValue {
            throw StatesError(errorType, flavor == .lambda ? json.serialized() : json["errorMessage"]?.stringValue ?? "")
        }
        guard succeeded else { throw StatesError(flavor.unnamedError, text.isEmpty ? failure : "\(failure) Output: \(text.prefix(1000))") }
        guard let json else { throw StatesError(flavor.unnamedError, "The output of \(what) is not JSON: \(text.prefix(1000))") }
        return json
    }

    /// The entry as messages name it.
    var what: String {
        switch entry.target {
        case .command(let arguments): "The command '\(arguments.joined(separator: " "))' (resources entry '\(entry.key)')"
        case .url(let url): "POST \(url.absoluteString) (resources entry '\(entry.key)')"
        }
    }

    static func seconds(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
}
