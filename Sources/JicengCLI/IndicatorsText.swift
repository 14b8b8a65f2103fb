import JicengAggregate
import JicengReport

/// indicators.csv exactly as contract §7 fixes it (rendered by the report stage).
enum IndicatorsText {
    static func csv(_ evaluation: Evaluation) -> String { IndicatorsCSV.render(evaluation) }
}
