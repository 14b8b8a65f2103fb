/// The outcome of comparing an indicator's value with its target (contract §6).
public enum TargetStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case met
    case warning
    case missed
    case noData = "no_data"
    case noTarget = "no_target"
}

/// Which side of the target is good.
public enum Comparator: String, Sendable, Codable, Hashable, CaseIterable {
    case atLeast = ">="
    case atMost = "<="
}
