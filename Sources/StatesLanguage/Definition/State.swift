import JSON

/// The eight state types.
package enum StateType: String, Sendable, Hashable {
    case task = "Task"
    case pass = "Pass"
    case choice = "Choice"
    case wait = "Wait"
    case succeed = "Succeed"
    case fail = "Fail"
    case parallel = "Parallel"
    case map = "Map"
}

/// One state, compiled: common fields plus the type's own in `kind`.
///
/// A class, not a struct: the interpreter reads the current state on every step, and a reference costs one
/// retain where a struct of this size costs one per field.
package final class State: Sendable {
    package let name: String
    package let type: StateType
    let queryLanguage: QueryLanguage
    /// The index of the `Next` state in the same scope; nil for `End: true` and for terminal types.
    package let next: Int?
    package let io: InputOutput
    package let assign: Assignment?
    package let retriers: [Retrier]
    package let catchers: [Catcher]
    package let kind: Kind
    /// Whether any field reads the context object (`$$` or `$states`), so the interpreter builds it only then.
    package let usesContext: Bool

    package enum Kind: Sendable {
        case pass(result: JSON?)
        case task(TaskState)
        case choice(ChoiceState)
        case wait(WaitState)
        case succeed
        case fail(FailState)
        case parallel(branches: [Machine])
        case map(MapState)
    }

    package var isJSONata: Bool { queryLanguage == .jsonata }

    init(
        name: String, type: StateType, queryLanguage: QueryLanguage, next: Int?, io: InputOutput, assign: Assignment?,
        retriers: [Retrier], catchers: [Catcher], kind: Kind, usesContext: Bool
    ) {
        self.name = name
        self.type = type
        self.queryLanguage = queryLanguage
        self.next = next
        self.io = io
        self.assign = assign
        self.retriers = retriers
        self.catchers = catchers
        self.kind = kind
        self.usesContext = usesContext
    }
}

/// The data-flow fields of a state (asl-reference §2): the JSONPath ones, or JSONata's Arguments/Output.
package struct InputOutput: Sendable {
    package var inputPath: DataPath = .whole
    package var parameters: PayloadTemplate?
    package var resultSelector: PayloadTemplate?
    package var resultPath: DataPath = .whole
    package var outputPath: DataPath = .whole
    /// JSONata `Arguments` (Task, Parallel).
    package var arguments: JSONataTemplate?
    /// JSONata `Output`.
    package var output: JSONataTemplate?
}

/// `Assign`: a JSONPath template (`.$` keys evaluated) or a JSONata template.
package enum Assignment: Sendable {
    case jsonPath(PayloadTemplate)
    case jsonata(JSONataTemplate)
}

/// A number field given literally, by a reference path (`…Path`), or by a JSONata expression.
package enum DynamicInt: Sendable {
    case literal(Int)
    case path(JSONPath)
    case jsonata(JSONataTemplate)
}

/// A string field given literally, by a path or intrinsic (`ErrorPath`/`CausePath`), or by JSONata.
package enum DynamicString: Sendable {
    case literal(String)
    case path(JSONPath)
    case intrinsic(IntrinsicFunction)
    case jsonata(JSONataTemplate)
}

package struct Retrier: Sendable {
    package let errorEquals: [String]
    package let intervalSeconds: Double
    package let maxAttempts: Int
    package let backoffRate: Double
    package let maxDelaySeconds: Double?
    package let fullJitter: Bool
}

package struct Catcher: Sendable {
    package let errorEquals: [String]
    package let next: Int
    package let resultPath: DataPath
    package let assign: Assignment?
    package let output: JSONataTemplate?
}

package struct TaskState: Sendable {
    package let resource: String
    package let timeoutSeconds: DynamicInt?
    package let heartbeatSeconds: DynamicInt?
    package let credentials: JSON?
}

package struct ChoiceState: Sendable {
    package struct Branch: Sendable {
        package enum Condition: Sendable {
            case rule(ChoiceRule)
            case jsonata(JSONataTemplate)
        }
        package let condition: Condition
        package let next: Int
        package let assign: Assignment?
        package let output: JSONataTemplate?
    }
    package let choices: [Branch]
    package let defaultNext: Int?
}

package enum WaitState: Sendable {
    case seconds(DynamicInt)
    case timestamp(literal: String)
    case timestampPath(JSONPath)
    case timestampExpression(JSONataTemplate)
}

package struct FailState: Sendable {
    package let error: DynamicString?
    package let cause: DynamicString?
}

package struct MapState: Sendable {
    package enum Mode: String, Sendable {
        case inline = "INLINE"
        case distributed = "DISTRIBUTED"
    }
    package let processor: Machine
    package let mode: Mode
    package let executionType: String?
    package let itemsPath: JSONPath?
    package let items: JSONataTemplate?
    package let itemSelector: Assignment?
    package let maxConcurrency: DynamicInt?
    package let toleratedFailureCount: DynamicInt?
    /// ToleratedFailurePercentage (a number or JSONata) or ToleratedFailurePercentagePath.
    package let toleratedFailurePercentage: JSON?
    package let toleratedFailurePercentagePath: JSONPath?
    package let itemReader: ItemReaderConfig?
    package let itemBatcher: ItemBatcherConfig?
    package let resultWriter: ResultWriterConfig?
    package let label: String?
}
