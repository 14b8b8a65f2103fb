/// The wall time each stage of a command took, in the order the stages ran.
///
/// It exists for `--verbose` and for the run result of `run --format json`: where the time of
/// a run went (reading, indicators, history, reports, publishing the folder), measured with the
/// monotonic clock so that a change of the system time cannot distort it.
struct StageTimings {
    /// One stage: its name (`read`, `indicators`, …) and its seconds.
    struct Stage {
        var name: String
        var seconds: Double
    }

    private(set) var stages: [Stage] = []
    private let start = ContinuousClock.now

    /// Runs `body` and records its time under `name` (added to an earlier stage of that name).
    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let began = ContinuousClock.now
        defer { add(name, seconds: Self.seconds(ContinuousClock.now - began)) }
        return try body()
    }

    /// Records `seconds` under `name`.
    mutating func add(_ name: String, seconds: Double) {
        if let i = stages.firstIndex(where: { $0.name == name }) {
            stages[i].seconds += seconds
        } else {
            stages.append(Stage(name: name, seconds: seconds))
        }
    }

    /// Seconds since this value was made.
    var elapsed: Double { Self.seconds(ContinuousClock.now - start) }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// A stage's name for people, in Chinese or English.
    static func label(_ name: String, zh: Bool) -> String {
        let labels: [String: (String, String)] = [
            "read": ("读取与检查", "read and check"),
            "indicators": ("计算指标", "indicators"),
            "history": ("历史库", "history"),
            "reports": ("写出报告", "reports"),
            "publish": ("移入输出目录", "publish"),
        ]
        guard let pair = labels[name] else { return name }
        return zh ? pair.0 : pair.1
    }
}
