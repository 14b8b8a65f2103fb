import GRDB

/// The layout of a history store and how it is created and upgraded (GRDB's `DatabaseMigrator`).
///
/// A store is marked as Jiceng's twice: `PRAGMA application_id` in the SQLite header, and a
/// `jiceng_meta` table holding the format name and the schema version. A file without both marks
/// is never written to; a store whose version is above `version` belongs to a newer Jiceng.
///
/// Tables (v1):
/// - `jiceng_meta(key, value)`: `format` = `jiceng-history`, `schema_version` = `1`.
/// - `run`: one recorded run per (pipeline, period): period text, year and quarter, when it was
///   recorded, the tool version, and counts of units and indicator rows.
/// - `run_input(run_id, ord, …)`: the drop's files with their SHA-256, as in `manifest.json`.
/// - `run_unit(run_id, ord, …)`: the units of the run (id, name, level, parent) in hierarchy order;
///   `ord` is the unit's index in the totals.
/// - `run_measure(run_id, ord, …)`: the measures recorded (those of the datasets present), with
///   their dataset, accumulation (`flow` or `stock`) and aggregation.
/// - `run_indicator(run_id, ord, name)`: the indicator names of the run's rows.
/// - `measure_total(run_id, unit_ord, measure_ord, value)`: rolled-up totals per unit and measure
///   (zeros are not stored).
/// - `indicator_row(run_id, seq, unit_ord, indicator_ord, cells)`: the rows of `indicators.csv` in
///   file order; `cells` is the row's text from `value` to `status`, so a row is rebuilt byte for
///   byte from the run's period, unit and indicator and this text.
///
/// Every `run_*`, `measure_total` and `indicator_row` row belongs to its run and is deleted with
/// it (`ON DELETE CASCADE`), which is how recording a period again replaces it.
public enum HistorySchema {
    /// `PRAGMA application_id` of a Jiceng store: "JCNG" in ASCII.
    public static let applicationID: Int32 = 0x4A43_4E47
    /// The value of `jiceng_meta.format`.
    public static let formatName = "jiceng-history"
    /// The schema version this binary writes and understands.
    public static let version = 1

    /// Creates the schema of an empty file, or upgrades an older store. Each migration is one
    /// transaction.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "jiceng_meta", options: [.withoutRowID]) { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.execute(
                sql: "INSERT INTO jiceng_meta (key, value) VALUES ('format', ?), ('schema_version', ?)",
                arguments: [formatName, String(version)])
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pipeline", .text).notNull()
                t.column("period", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("quarter", .integer)
                t.column("recorded_at", .text).notNull()
                t.column("tool_version", .text).notNull()
                t.column("unit_count", .integer).notNull()
                t.column("row_count", .integer).notNull()
                t.uniqueKey(["pipeline", "period"])
            }
            try db.create(table: "run_input", options: [.withoutRowID]) { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("ord", .integer).notNull()
                t.column("dataset", .text).notNull()
                t.column("file", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("bytes", .integer).notNull()
                t.column("rows_read", .integer).notNull()
                t.column("rows_accepted", .integer).notNull()
                t.primaryKey(["run_id", "ord"])
            }
            try db.create(table: "run_unit", options: [.withoutRowID]) { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("ord", .integer).notNull()
                t.column("unit_id", .text).notNull()
                t.column("name", .text).notNull()
                t.column("level", .text).notNull()
                t.column("parent_ord", .integer)
                t.primaryKey(["run_id", "ord"])
            }
            try db.create(table: "run_measure", options: [.withoutRowID]) { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("ord", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("dataset", .text).notNull()
                t.column("accumulation", .text).notNull().check { ["flow", "stock"].contains($0) }
                t.column("aggregation", .text).notNull()
                t.primaryKey(["run_id", "ord"])
            }
            try db.create(table: "run_indicator", options: [.withoutRowID]) { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("ord", .integer).notNull()
                t.column("name", .text).notNull()
                t.primaryKey(["run_id", "ord"])
            }
            try db.create(table: "measure_total", options: [.withoutRowID]) { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("unit_ord", .integer).notNull()
                t.column("measure_ord", .integer).notNull()
                t.column("value", .integer).notNull()
                t.primaryKey(["run_id", "unit_ord", "measure_ord"])
            }
            try db.create(table: "indicator_row", options: [.withoutRowID]) { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("unit_ord", .integer).notNull()
                t.column("indicator_ord", .integer).notNull()
                t.column("cells", .text).notNull()
                t.primaryKey(["run_id", "seq"])
            }
        }
        return migrator
    }
}
