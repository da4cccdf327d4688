#if canImport(Glibc)
    import Glibc
#endif

extension EventLoop {
    /// The most a connection buffers ahead (pipelined requests) before we stop reading from it.
    var inputCap: Int { limits.maxHeaderBytes + limits.maxBodyBytes + 64 * 1024 }

    /// Accepts every pending connection; on EMFILE and the like, pauses accepting for a tick instead of spinning.
    func acceptConnections() {
        while listening {
            do {
                guard let socket = try listener.accept() else { return }
                try? socket.setOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
                let connection = Connection(id: nextID, socket: socket, limits: limits, now: .now)
                nextID += 1
                do {
                    try poll.add(socket.fd, id: connection.id, interest: .read)
                    connections[connection.id] = connection
                } catch {
                    socket.close()
                }
            } catch {
                acceptPausedUntil = .now + limits.tick
                try? poll.modify(listener.fd, id: Self.listenerID, interest: [])
                return
            }
        }
    }

    /// Reacts to readiness of one connection.
    func connectionEvent(_ event: EventPoll.Event, _ connection: Connection) {
        if event.isReadable || event.isBroken {
            readAvailable(connection)
        }
        guard connections[connection.id] != nil else { return }
        if event.isWritable {
            flush(connection)
        }
    }

    /// Reads what the socket has (a few reads at most, so one busy client cannot starve the others).
    private func readAvailable(_ connection: Connection) {
        do {
            reading: for _ in 0..<4 {
                switch try connection.socket.read(into: readBuffer) {
                case .bytes(let count):
                    guard connection.phase != .lingering else { continue }
                    // recv wrote `count` bytes at the start of the loop-owned scratch buffer; they are copied out here.
                    connection.input.append(contentsOf: UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
                    if count < readBuffer.count || connection.input.count > inputCap { break reading }
                case .wouldBlock:
                    break reading
                case .endOfStream:
                    connection.readClosed = true
                    break reading
                }
            }
        } catch {
            return close(connection)
        }
        if connection.phase == .lingering && connection.readClosed { return close(connection) }
        if connection.timeout == .idle && !connection.input.isEmpty { connection.arm(.header, now: .now, limits: limits) }
        process(connection)
        if connections[connection.id] != nil { updateInterest(connection) }
    }

    /// Parses buffered input while the connection is free to take a request.
    func process(_ connection: Connection) {
        while connection.phase == .reading {
            do {
                switch try connection.parser.parse(&connection.input) {
                case .needMore:
                    return awaitMore(connection)
                case .continueExpected:
                    queue(connection, HTTPResponse.continueBytes)
                case .request(let request):
                    dispatch(request, connection)
                }
            } catch {
                fail(connection, error)
            }
        }
    }

    /// Not a whole request yet: start the body deadline once the head is in, or give up if the client closed.
    private func awaitMore(_ connection: Connection) {
        if connection.readClosed {
            return close(connection)
        }
        if connection.parser.isReadingBody && connection.timeout != .body {
            connection.arm(.body, now: .now, limits: limits)
        }
    }

    /// Hands a complete request to the handler in a task, which posts the serialized response back.
    private func dispatch(_ request: HTTPRequest, _ connection: Connection) {
        connection.phase = .handling
        connection.arm(.none, now: .now, limits: limits)
        let (id, handler, inbox, keepAlive) = (connection.id, handler, inbox, request.keepsAlive)
        let omitBody = request.method == "HEAD"
        Task { [self] in
            let response = await handler(request)
            let close = !keepAlive || response.closesConnection || stopping.load(ordering: .relaxed)
            let bytes = response.serialized(omitBody: omitBody, close: close, date: HTTPDate.now())
            inbox.post(.response(connection: id, bytes: bytes, close: close))
        }
    }
}
