import JSON

/// The predicate of a filter step `[?(…)]` (Jayway JsonPath filter syntax, asl-reference §3.2): comparisons of
/// `@` (the candidate), `$` (the document) paths and literals, joined by `&&`, `||`, `!` and parentheses.
indirect enum FilterExpression: Sendable {
    case or(FilterExpression, FilterExpression)
    case and(FilterExpression, FilterExpression)
    case not(FilterExpression)
    /// `@.a` alone: true when the path selects something (even `null` or `false`).
    case exists(FilterOperand)
    case compare(FilterOperand, FilterOperator, FilterOperand)
}
