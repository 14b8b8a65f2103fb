// Generated from Pipelines/targets.csv by Pipelines/embed-standard.sh: edit the CSV, then rerun.

/// The text of `Pipelines/targets.csv`: the standard yearly targets used by the built-in
/// pipeline when no `--targets` file is given, so that `jiceng run` works from any folder.
///
/// Kept byte-identical to the file by a test; regenerate with `sh Pipelines/embed-standard.sh`.
public enum StandardTargetsText {
    public static let csv = #"""
year,indicator,level,unit_id,comparator,target,warning,prorate
2021,resolution_rate,,,>=,90%,0.03,none
2022,resolution_rate,,,>=,91%,0.03,none
2023,resolution_rate,,,>=,92%,0.03,none
2024,resolution_rate,,,>=,93%,0.03,none
2021,response_rate,,,>=,0.98,0.02,none
2022,response_rate,,,>=,0.98,0.02,none
2023,response_rate,,,>=,0.98,0.02,none
2024,response_rate,,,>=,0.98,0.02,none
2021,ontime_rate,,,>=,0.85,0.05,none
2022,ontime_rate,,,>=,0.88,0.05,none
2023,ontime_rate,,,>=,0.90,0.05,none
2024,ontime_rate,,,>=,0.92,0.05,none
2021,mean_days_to_close,,,<=,10,2,none
2022,mean_days_to_close,,,<=,9,2,none
2023,mean_days_to_close,,,<=,8,2,none
2024,mean_days_to_close,,,<=,7,2,none
2021,satisfaction_rate,,,>=,90%,0.03,none
2022,satisfaction_rate,,,>=,92%,0.03,none
2023,satisfaction_rate,,,>=,93%,0.03,none
2024,satisfaction_rate,,,>=,95%,0.03,none
2021,grid_party_branch_coverage,,,>=,95%,0.05,none
2022,grid_party_branch_coverage,,,>=,100%,0.05,none
2023,grid_party_branch_coverage,,,>=,100%,0.05,none
2024,grid_party_branch_coverage,,,>=,100%,0.05,none
2021,property_party_org_coverage,,,>=,25%,0.10,none
2022,property_party_org_coverage,,,>=,30%,0.10,none
2023,property_party_org_coverage,,,>=,35%,0.10,none
2024,property_party_org_coverage,,,>=,40%,0.10,none
2021,property_party_work_coverage,,,>=,80%,0.10,none
2022,property_party_work_coverage,,,>=,90%,0.10,none
2023,property_party_work_coverage,,,>=,100%,0.10,none
2024,property_party_work_coverage,,,>=,100%,0.10,none
2021,services_per_1000_residents,,,>=,10,0.5,linear
2022,services_per_1000_residents,,,>=,12,0.5,linear
2023,services_per_1000_residents,,,>=,13,0.5,linear
2024,services_per_1000_residents,,,>=,14,0.5,linear
2021,services_per_1000_residents,grid,,>=,8,0.5,linear
2022,services_per_1000_residents,grid,,>=,9,0.5,linear
2023,services_per_1000_residents,grid,,>=,10,0.5,linear
2024,services_per_1000_residents,grid,,>=,10,0.5,linear
2021,services_delivered,street,,>=,1600,60,linear
2022,services_delivered,street,,>=,2000,60,linear
2023,services_delivered,street,,>=,2150,60,linear
2024,services_delivered,street,,>=,2300,60,linear
"""#
}
