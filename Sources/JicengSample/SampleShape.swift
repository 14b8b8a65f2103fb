/// How a drop's files look; every shape is valid under the contract.
///
/// It exists because benchmarks and tests need more than one kind of export: `messy` mixes every
/// form real exports take (aliases, column orders, BOM, CRLF, GB18030, synonyms, date forms,
/// full-width digits, files per street); `plain` is canonical CSV that names units by id; `clean`
/// is the commonest real case, one export of one system: a single UTF-8 `requests.csv` with
/// canonical headers, date-times, communities named by name (with their street where the name is
/// shared), and statuses, channels and satisfaction as the Chinese words the system shows.
public enum SampleShape: String, Sendable, Hashable, CaseIterable {
    case messy
    case plain
    case clean
}
