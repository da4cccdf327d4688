import StatesLanguage
import StepwiseStore
import Synchronization

/// Picks the version an alias starts, by the routes' weights (StartExecution on an alias ARN).
///
/// AWS draws at random; so does Stepwise, from a generator that a seed makes repeatable (`stepwise serve` takes
/// `STEPWISE_ROUTING_SEED`), so a test can know which version each start gets.
package final class VersionRouter: Sendable {
    private let random: Mutex<AnyRandom>

    /// - Parameter seed: makes the draws repeatable; nil draws from the system's generator.
    package init(seed: UInt64? = nil) { random = Mutex(AnyRandom(seed: seed)) }

    /// The version of `routes` (weights summing to 100) that one start gets: a draw in 0..<100 falls in the range
    /// of the route whose weight covers it, in order; a route of weight 0 is never picked.
    package func pick(_ routes: [StateMachineAliasRecord.Route]) -> Int {
        var roll = random.withLock { Int.random(in: 0..<100, using: &$0) }
        for route in routes {
            if roll < route.weight { return route.version }
            roll -= route.weight
        }
        return routes.last { $0.weight > 0 }?.version ?? routes.last?.version ?? 0
    }
}
