/// Turns the condition text of pipeline files into a `Condition`.
///
/// Exists so that analysts write filters as readable text in YAML
/// (`status = resolved and days_to_close <= $ontime_limit_days`) instead of nested structures.
///
/// The language:
///
/// ```text
/// condition := or
/// or        := and ('or' and)*
/// and       := unary ('and' unary)*            -- 'and' binds tighter than 'or'
/// unary     := 'not' unary | '(' or ')' | predicate
/// predicate := column op value                 -- op: = (or ==), != (or <>), <, <=, >, >=
///            | column ['not'] 'in' '(' value (',' value)* ')'
///            | column 'is' ['not'] 'set'        -- the cell has (or has no) value
///            | column                           -- a boolean column is true
/// value     := number | 'true' | 'false' | '$'parameter | symbol
/// ```
///
/// Numbers are decimals (`15`, `0.5`, `-1`); other bare words on the right are enumeration
/// symbols. Keywords are case-insensitive. Words may contain letters of any script, digits and `_`.
/// Whether columns, symbols and parameters exist is checked by the pipeline loader, not here.
public enum ConditionParser {
    /// Parses `text`; throws `ConditionSyntaxError` naming the 1-based position of the problem.
    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        var parser = try Parser(tokens: tokenize(text))
        return try parser.parseCondition()
    }

    // MARK: Tokens

    enum TokenKind: Equatable {
        case word(String)
        case parameter(String)
        case number(Double)
        case op(ComparisonOperator)
        case leftParen
        case rightParen
        case comma
        case end
    }

    struct Token {
        var kind: TokenKind
        /// 1-based position in Unicode scalars.
        var position: Int
        var text: String

        var described: String { kind == .end ? "the end of the condition" : "'\(text)'" }

        /// The keyword this token spells, lowercased, if it is a word.
        var keyword: String? {
            if case .word(let w) = kind { return w.lowercased() }
            return nil
        }
    }

    static let keywords: Set<String> = ["and", "or", "not", "in", "is", "set", "true", "false"]

    static func isWordStart(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic
    }

    static func isWordPart(_ s: Unicode.Scalar) -> Bool {
        isWordStart(s) || s.properties.numericType != nil
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    static func tokenize(_ text: String) throws(ConditionSyntaxError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func slice(_ from: Int, _ to: Int) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[from..<to])
            return String(v)
        }
        while i < scalars.count {
            let s = scalars[i]
            let start = i
            if s == " " || s == "\t" || s == "\n" || s == "\r" || s.value == 0x3000 {
                i += 1
                continue
            }
            switch s {
            case "(", "（":
                tokens.append(Token(kind: .leftParen, position: start + 1, text: String(s)))
                i += 1
            case ")", "）":
                tokens.append(Token(kind: .rightParen, position: start + 1, text: String(s)))
                i += 1
            case ",", "，":
                tokens.append(Token(kind: .comma, position: start + 1, text: String(s)))
                i += 1
            case "=", "!", "<", ">":
                let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
                let op: ComparisonOperator
                var length = 1
                switch (s, next) {
                case ("=", "="):
                    op = .equal
                    length = 2
                case ("=", _): op = .equal
                case ("!", "="):
                    op = .notEqual
                    length = 2
                case ("<", "="):
                    op = .lessOrEqual
                    length = 2
                case ("<", ">"):
                    op = .notEqual
                    length = 2
                case ("<", _): op = .less
                case (">", "="):
                    op = .greaterOrEqual
                    length = 2
                case (">", _): op = .greater
                default:
                    throw ConditionSyntaxError(position: start + 1, message: "'!' must be followed by '=' (use 'not' to negate)")
                }
                i += length
                tokens.append(Token(kind: .op(op), position: start + 1, text: slice(start, i)))
            case "$":
                i += 1
                guard i < scalars.count, isWordStart(scalars[i]) else {
                    throw ConditionSyntaxError(position: start + 1, message: "'$' must be followed by a parameter name")
                }
                while i < scalars.count, isWordPart(scalars[i]) { i += 1 }
                tokens.append(Token(kind: .parameter(slice(start + 1, i)), position: start + 1, text: slice(start, i)))
            default:
                if isDigit(s) || ((s == "-" || s == "+" || s == ".") && i + 1 < scalars.count && isDigit(scalars[i + 1])) {
                    i += 1
                    while i < scalars.count, isDigit(scalars[i]) || scalars[i] == "." { i += 1 }
                    let literal = slice(start, i)
                    if i < scalars.count, isWordStart(scalars[i]) {
                        throw ConditionSyntaxError(
                            position: start + 1,
                            message: "'\(literal)\(scalars[i])…' is neither a number nor a name (names cannot start with a digit)")
                    }
                    guard let value = Double(literal), value.isFinite else {
                        throw ConditionSyntaxError(position: start + 1, message: "'\(literal)' is not a decimal number")
                    }
                    tokens.append(Token(kind: .number(value), position: start + 1, text: literal))
                } else if isWordStart(s) {
                    while i < scalars.count, isWordPart(scalars[i]) { i += 1 }
                    let word = slice(start, i)
                    tokens.append(Token(kind: .word(word), position: start + 1, text: word))
                } else {
                    throw ConditionSyntaxError(position: start + 1, message: "unexpected character '\(s)'")
                }
            }
        }
        tokens.append(Token(kind: .end, position: scalars.count + 1, text: ""))
        return tokens
    }

    // MARK: Grammar

    /// How deeply `not` and parentheses may nest. Real conditions use two or three levels; the
    /// bound keeps a hostile pipeline file from overflowing the parser's stack or the evaluator's.
    public static let maxNesting = 32

    struct Parser {
        var tokens: [Token]
        var index = 0
        var nesting = 0

        init(tokens: [Token]) {
            self.tokens = tokens
        }

        var current: Token { tokens[index] }
        var next: Token { tokens[min(index + 1, tokens.count - 1)] }

        mutating func advance() { if index < tokens.count - 1 { index += 1 } }

        func error(_ message: String, at token: Token? = nil) -> ConditionSyntaxError {
            ConditionSyntaxError(position: (token ?? current).position, message: message)
        }

        mutating func parseCondition() throws(ConditionSyntaxError) -> Condition {
            if current.kind == .end { throw error("the condition is empty") }
            let condition = try parseOr()
            guard current.kind == .end else {
                if current.kind == .rightParen { throw error("')' without a matching '('") }
                throw error("expected 'and', 'or' or the end of the condition, found \(current.described)")
            }
            return condition
        }

        mutating func parseOr() throws(ConditionSyntaxError) -> Condition {
            var items = [try parseAnd()]
            while current.keyword == "or" {
                advance()
                items.append(try parseAnd())
            }
            return items.count == 1 ? items[0] : .or(items)
        }

        mutating func parseAnd() throws(ConditionSyntaxError) -> Condition {
            var items = [try parseUnary()]
            while current.keyword == "and" {
                advance()
                items.append(try parseUnary())
            }
            return items.count == 1 ? items[0] : .and(items)
        }

        mutating func parseUnary() throws(ConditionSyntaxError) -> Condition {
            let nests = current.keyword == "not" || current.kind == .leftParen
            if nests {
                nesting += 1
                if nesting > ConditionParser.maxNesting {
                    throw error("the condition is nested more than \(ConditionParser.maxNesting) levels deep ('not' and parentheses)")
                }
            }
            defer { if nests { nesting -= 1 } }
            if current.keyword == "not" {
                advance()
                return .not(try parseUnary())
            }
            if current.kind == .leftParen {
                let open = current
                advance()
                if current.kind == .rightParen { throw error("empty parentheses") }
                let inner = try parseOr()
                guard current.kind == .rightParen else {
                    throw error("expected ')' to close the '(' at position \(open.position), found \(current.described)")
                }
                advance()
                return inner
            }
            return try parsePredicate()
        }

        mutating func parsePredicate() throws(ConditionSyntaxError) -> Condition {
            guard case .word(let column) = current.kind, !ConditionParser.keywords.contains(column.lowercased()) else {
                throw error("expected a column name, 'not' or '(', found \(current.described)")
            }
            advance()
            switch current.kind {
            case .op(let op):
                advance()
                return .compare(column: column, op: op, value: try parseValue(after: "'\(op.rawValue)'"))
            case .word(let w):
                switch w.lowercased() {
                case "in":
                    advance()
                    return .isIn(column: column, values: try parseList())
                case "not":
                    guard next.keyword == "in" else {
                        throw error("'not' after a column must be followed by 'in' (write 'not \(column)' to negate a yes/no column)")
                    }
                    advance()
                    advance()
                    return .not(.isIn(column: column, values: try parseList()))
                case "is":
                    advance()
                    var negated = false
                    if current.keyword == "not" {
                        negated = true
                        advance()
                    }
                    guard current.keyword == "set" else {
                        throw error("expected 'set' after 'is\(negated ? " not" : "")', found \(current.described)")
                    }
                    advance()
                    return negated ? .not(.isSet(column: column)) : .isSet(column: column)
                case "and", "or":
                    return .isTrue(column: column)
                default:
                    throw error("expected an operator (=, !=, <, <=, >, >=, in, is set) after '\(column)', found \(current.described)")
                }
            case .end, .rightParen:
                return .isTrue(column: column)
            default:
                throw error("expected an operator (=, !=, <, <=, >, >=, in, is set) after '\(column)', found \(current.described)")
            }
        }

        mutating func parseList() throws(ConditionSyntaxError) -> [ConditionValue] {
            guard current.kind == .leftParen else {
                throw error("expected '(' to start the list after 'in', found \(current.described)")
            }
            let open = current
            advance()
            if current.kind == .rightParen { throw error("the list after 'in' is empty") }
            var values = [try parseValue(after: "'('")]
            while current.kind == .comma {
                advance()
                values.append(try parseValue(after: "','"))
            }
            guard current.kind == .rightParen else {
                throw error("expected ',' or ')' to close the list opened at position \(open.position), found \(current.described)")
            }
            advance()
            return values
        }

        mutating func parseValue(after what: String) throws(ConditionSyntaxError) -> ConditionValue {
            let token = current
            switch token.kind {
            case .number(let n):
                advance()
                return .number(n)
            case .parameter(let p):
                advance()
                return .parameter(p)
            case .word(let w):
                switch w.lowercased() {
                case "true":
                    advance()
                    return .boolean(true)
                case "false":
                    advance()
                    return .boolean(false)
                case "and", "or", "not", "in", "is":
                    throw error("expected a value after \(what), found the keyword \(token.described)")
                default:
                    advance()
                    return .symbol(w)
                }
            default:
                throw error("expected a value after \(what), found \(token.described)")
            }
        }
    }
}
