import Foundation

extension Store {
    /// Records a task callback (its outcome as JSON text) for a token of a running execution, committed before it
    /// returns, so the callback can be acknowledged. A second callback for the same token keeps the first.
    ///
    /// - Returns: false when the token already had one.
    @discardableResult
    package func saveCallback(token: String, executionArn: String, outcome: String, date: Date = Date()) throws -> Bool {
        try commitPending()
        return try database().run(
            "INSERT OR IGNORE INTO task_callbacks (token, execution_arn, outcome, created_date) VALUES (?, ?, ?, ?)", token,
            executionArn, outcome, date.timeIntervalSince1970) > 0
    }

    /// The recorded callback outcome of a token, or nil.
    package func callback(token: String) throws -> String? {
        try database().rows("SELECT outcome FROM task_callbacks WHERE token = ?", token) { $0.text(0) }.first
    }
}
