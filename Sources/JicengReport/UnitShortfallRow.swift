/// One unit of a shortfall table — the red-and-yellow cards (`CardSection`) and the units behind
/// 序时进度 (`BehindPaceSection`): its card, where it sits, and its shortfalls, the first of which
/// the HTML table spans the unit cells over.
///
/// Exists so that both tables hand the templates the same unit columns; only their items differ.
struct UnitShortfallRow<Item> {
    let card: String
    let cardClass: String
    let marker: String
    let unitName: String
    let levelName: String
    let parentName: String?
    /// Says that the unit's only sub-unit has the same figures and is not listed again.
    let sameNote: String?
    let items: [Item]
    let span: Int
}
