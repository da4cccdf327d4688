import Digests
import Foundation
import Synchronization

/// The console's sign-ins: a random session identifier, kept in an `HttpOnly; SameSite=Strict` cookie, names a
/// principal for 12 hours. Sessions live in memory (a restart signs everyone out) and are capped, the oldest
/// dropped first.
package final class ConsoleSessions: Sendable {
    static let cookieName = "stepwise_session"
    static let lifetime: TimeInterval = 12 * 3600
    static let capacity = 1000

    private struct Session {
        var principal: String
        var expires: Date
    }

    private let sessions = Mutex<[String: Session]>([:])

    package init() {}

    /// A new session for `principal` and the `Set-Cookie` value that carries it.
    package func open(for principal: String, now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = Digest.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.expires > now }
            if sessions.count >= Self.capacity, let oldest = sessions.min(by: { $0.value.expires < $1.value.expires })?.key {
                sessions[oldest] = nil
            }
            sessions[id] = Session(principal: principal, expires: now.addingTimeInterval(Self.lifetime))
        }
        return "\(Self.cookieName)=\(id); Path=/; Max-Age=\(Int(Self.lifetime)); HttpOnly; SameSite=Strict"
    }

    /// The principal of the session named in the `Cookie` header values, if one is open.
    package func principal(cookies: [String], now: Date = Date()) -> String? {
        let ids = cookies.flatMap { $0.split(separator: ";") }.compactMap { pair -> String? in
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 && parts[0] == Self.cookieName ? parts[1] : nil
        }
        return sessions.withLock { sessions in
            for id in ids {
                if let session = sessions[id], session.expires > now { return session.principal }
            }
            return nil
        }
    }
}
