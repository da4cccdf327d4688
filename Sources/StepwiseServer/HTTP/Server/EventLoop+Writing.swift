extension EventLoop {
    /// A handler's response arrived: queue it, closing afterwards if either side asked to.
    func respond(_ connection: Connection, bytes: [UInt8], close: Bool) {
        connection.phase = .writing
        connection.closeAfterWrite = connection.closeAfterWrite || close || stopDeadline != nil
        connection.lingerAfterWrite = !connection.input.isEmpty
        queue(connection, bytes)
    }

    /// Answers a bad or timed-out request with its error response, then closes (lingering).
    func fail(_ connection: Connection, _ error: HTTPError) {
        connection.phase = .writing
        connection.closeAfterWrite = true
        connection.lingerAfterWrite = true
        connection.input.removeAll()
        queue(connection, error.httpResponse.serialized(omitBody: false, close: true, date: HTTPDate.now()))
    }

    /// Appends bytes to the output and writes what the socket takes now.
    func queue(_ connection: Connection, _ bytes: [UInt8]) {
        connection.output += bytes
        flush(connection)
    }

    /// Writes pending output until done or EAGAIN; a fully written response moves the connection on.
    func flush(_ connection: Connection) {
        do {
            while connection.hasPendingOutput {
                let sent = try connection.output.withUnsafeBytes { bytes throws(SocketError) in
                    // The rebased slice stays inside `output`'s buffer, which is pinned during the closure.
                    try connection.socket.write(UnsafeRawBufferPointer(rebasing: bytes[connection.outputSent...]))
                }
                if sent == 0 { break }
                connection.outputSent += sent
                if connection.timeout == .write { connection.arm(.write, now: .now, limits: limits) }
            }
        } catch {
            return close(connection)
        }
        if connection.hasPendingOutput {
            if connection.timeout != .write { connection.arm(.write, now: .now, limits: limits) }
            return updateInterest(connection)
        }
        connection.output.removeAll(keepingCapacity: true)
        connection.outputSent = 0
        if connection.phase == .writing {
            writeFinished(connection)
        } else if connection.timeout == .write {
            connection.arm(connection.parser.isReadingBody ? .body : .header, now: .now, limits: limits)
        }
        if connections[connection.id] != nil { updateInterest(connection) }
    }

    /// A response is out: close, linger, or take the next request.
    private func writeFinished(_ connection: Connection) {
        if connection.closeAfterWrite || stopDeadline != nil {
            guard connection.lingerAfterWrite, !connection.readClosed else { return close(connection) }
            connection.socket.shutdownWrite()
            connection.phase = .lingering
            connection.arm(.linger, now: .now, limits: limits)
            return
        }
        connection.phase = .reading
        connection.arm(connection.input.isEmpty ? .idle : .header, now: .now, limits: limits)
        process(connection)
    }

    /// Watches the socket for what the connection needs next: input unless closed or full, output if pending.
    func updateInterest(_ connection: Connection) {
        var interest: EventPoll.Interest = []
        if !connection.readClosed && connection.input.count <= inputCap { interest.insert(.read) }
        if connection.hasPendingOutput { interest.insert(.write) }
        guard interest != connection.interest else { return }
        do {
            try poll.modify(connection.socket.fd, id: connection.id, interest: interest)
            connection.interest = interest
        } catch {
            close(connection)
        }
    }

    /// Closes the socket and forgets the connection; a handler still running for it is answered into the void.
    func close(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        connection.socket.close()
    }
}
