/// The state shared by the dataset writers of one `write(to:)` call: the configuration, the
/// hierarchy with its units' persistent profiles, the calendar, and the files and expected totals
/// gathered so far.
///
/// It exists so that each dataset writer is a small separate unit that reports into one place,
/// from which the `SampleDropSummary` is built.
final class GenerationContext {
    let configuration: SampleDropConfiguration
    let hierarchy: SampleHierarchy
    let profiles: SampleProfiles
    let calendar: SampleCalendar
    let folder: String

    var files: [SampleFile] = []
    var outOfPeriod: [SampleRowLocation] = []
    /// Quarter key → totals per attached unit index.
    var requestTotals: [Int: [SampleRequestTotals]] = [:]
    var serviceTotals: [Int: [SampleServiceTotals]] = [:]
    /// Per attached unit index.
    var gridTotals: [SampleGridTotals]
    var companyTotals: [SampleCompanyTotals]

    init(configuration: SampleDropConfiguration, folder: String) {
        self.configuration = configuration
        self.folder = folder
        hierarchy = SampleHierarchy(configuration: configuration)
        profiles = SampleProfiles(hierarchy: hierarchy, hierarchySeed: configuration.hierarchySeed)
        calendar = SampleCalendar(configuration: configuration)
        gridTotals = Array(repeating: SampleGridTotals(), count: hierarchy.units.count)
        companyTotals = Array(repeating: SampleCompanyTotals(), count: hierarchy.units.count)
    }

    /// Residents per grid position, as the grids file states them (after `GridsWriter`).
    var gridResidents: [Int] { hierarchy.grids.map { gridTotals[$0].residents } }

    /// A random stream for one purpose, derived from the row seed.
    func random(_ stream: UInt64) -> SampleRandom {
        SampleRandom(seed: configuration.seed, stream: stream)
    }
}
