import JSON
import StatesLanguage

/// Parses JSON text written in a test; a typo there is a bug in the test, so it traps.
func json(_ text: String) -> JSON {
    do { return try JSON(parsing: text) } catch { fatalError("bad JSON in test: \(error) in \(text)") }
}

/// Evaluates `path` against `input` (and optionally a context and variables).
func select(_ path: String, _ input: JSON, context: JSON = [:], variables: [String: JSON] = [:]) throws -> JSON? {
    try JSONPath(path).value(in: PathRoots(input: input, context: context, variables: Variables(local: variables)))
}

/// A store-like document the path tests share.
let store = json(
    """
    {"store": {"book": [
        {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
        {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
        {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
        {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99}
      ],
      "bicycle": {"color": "red", "price": 19.95}},
     "expensive": 10, "nums": [1, 2, 3, 4, 5], "empty": [], "nothing": null, "a b": {"c.d": 1}, "names": ["x", "y"]}
    """)
