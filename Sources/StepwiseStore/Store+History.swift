import JSON
import StepwiseSQLite

extension Store {
    /// An execution's replay log, in order: the step inputs to feed a fresh interpreter on resume.
    package func stepLog(arn: String) throws -> [StepRow] {
        settle()
        return try database().stepLog(arn)
    }

    /// A page of an execution's history events, by id (GetExecutionHistory).
    ///
    /// - Parameters: maxResults: 0–1000, 0 meaning 100; reverseOrder: newest event first.
    /// - Throws: `.notFound` for an unknown execution; `.invalidToken` for a token not issued for this
    ///   execution and direction.
    package func history(
        arn: String, maxResults: Int = 0, reverseOrder: Bool = false,
        nextToken: String? = nil
    ) throws -> Page<EventRow> {
        let limit = try Self.pageSize(maxResults)
        let scope = "\(arn)|\(reverseOrder ? "desc" : "asc")"
        var bound = reverseOrder ? Int(Int64.max) : 0
        if let nextToken {
            let key = try PageToken(decoding: nextToken, listing: "history", scope: scope, keyCount: 1).key
            guard let id = key[0].intValue else { throw StoreError(.invalidToken, "Invalid Token: 'Invalid token'") }
            bound = id
        }
        settle()
        let database = try database()
        let count = try Self.eventCount(arn, in: database)
        // Event ids run 1…count without gaps: a page is a range of ids, one more than the page to know if another follows.
        let (first, last): (Int, Int)
        if reverseOrder {
            last = min(max(bound, 1), count + 1) - 1
            first = max(1, last - limit)
        } else {
            first = min(max(bound, 0), count) + 1
            last = min(count, first + limit)
        }
        var events = first > last ? [] : try database.historyEvents(arn, ids: first...last)
        if reverseOrder { events.reverse() }
        guard events.count > limit else { return Page(items: events, nextToken: nil) }
        let token = PageToken(listing: "history", scope: scope, key: [.int(events[limit - 1].id)])
        return Page(items: Array(events.prefix(limit)), nextToken: token.encoded())
    }
}

extension Store {
    /// Up to `limit` events of an execution whose ids follow `afterId`, in order: any page of a history read by
    /// its primary key, so the console shows page 250 of a 25,000-event history as fast as page 1.
    ///
    /// - Throws: `.notFound` for an unknown execution; `.invalidArgument` for a `limit` outside 1–1000.
    package func events(arn: String, afterId: Int, limit: Int) throws -> [EventRow] {
        guard (1...1000).contains(limit) else {
            throw StoreError(.invalidArgument, "limit must be between 1 and 1000, not \(limit)")
        }
        settle()
        let database = try database()
        let count = try Self.eventCount(arn, in: database)
        let first = min(max(0, afterId), count) + 1
        guard first <= count else { return [] }
        return try database.historyEvents(arn, ids: first...min(count, first + limit - 1))
    }
}

extension Store {
    /// The whole stored history of an execution, in GetExecutionHistory's event shape (all pages).
    package func allEvents(arn: String) throws -> [JSON] {
        var events: [JSON] = []
        var token: String?
        repeat {
            let page = try history(arn: arn, maxResults: 1000, nextToken: token)
            events += page.items.map { $0.json() }
            token = page.nextToken
        } while token != nil
        return events
    }
}

extension Store {
    /// The number of events of an execution (or a Map Run's child) with this ARN; `.notFound` when none is stored.
    static func eventCount(_ arn: String, in database: SQLiteConnection) throws -> Int {
        let known = """
            SELECT event_count FROM executions WHERE arn = ?1 UNION ALL SELECT event_count FROM map_run_executions WHERE arn = ?1
            """
        guard let count = try database.int(known, arn) else { throw StoreError(.notFound, "Execution Does Not Exist: '\(arn)'") }
        return count
    }
}
