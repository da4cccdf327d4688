/// Sizes and time-outs that protect the server from slow or oversized clients.
package struct HTTPLimits: Sendable {
    /// The largest request line plus header block; more is a 431.
    package var maxHeaderBytes = 16 * 1024
    /// The largest request body; more is a 413.
    package var maxBodyBytes = 1024 * 1024
    /// Time from a request's first byte (or from connecting) to the end of its header block; then 408 and close.
    package var headerTimeout: Duration = .seconds(10)
    /// Time from the end of the header block to the end of the body; then 408 and close.
    package var bodyTimeout: Duration = .seconds(30)
    /// How long a kept-alive connection may sit between requests before it is closed.
    package var idleTimeout: Duration = .seconds(60)
    /// How long a response may wait for a client that does not read it.
    var writeTimeout: Duration = .seconds(30)
    /// How long `stop(gracefully: true)` waits for requests in flight before closing everything.
    var shutdownTimeout: Duration = .seconds(30)

    package init(
        maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024,
        headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(60),
        writeTimeout: Duration = .seconds(30), shutdownTimeout: Duration = .seconds(30)
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.shutdownTimeout = shutdownTimeout
    }

    /// How often the event loop checks deadlines: a tenth of the shortest time-out, between 10 ms and 250 ms.
    var tick: Duration {
        let shortest = [headerTimeout, bodyTimeout, idleTimeout, writeTimeout].min() ?? .seconds(1)
        return min(max(shortest / 10, .milliseconds(10)), .milliseconds(250))
    }
}
