"""Bulk provisioning: the desa and kelurahan of a kabupaten, a kecamatan or a list of codes from official region
data, and any kind of office (kecamatan, OPD, puskesmas) from a CSV file.

`region` turns region data into a plan (a list of DesaSpec), `csv_file` reads and checks a CSV into one, and
`jobs` runs a plan (inline for the CLI, as a BulkJob in its own process for the console). Callers use the
names below: `bulk.plan_region(...)`, `bulk.parse_csv(...)`, `bulk.start_job(...)`.
"""

from .csv_file import CSV_COLUMNS, CsvResult, parse_csv
from .jobs import Outcome, OutcomeState, plan_offices, resume_job, run, run_job, start_job
from .region import (
    DEFAULT_DOMAIN_PATTERNS,
    DEFAULT_OFFICE_PATTERNS,
    DEFAULT_REPEAT_PATTERN,
    Place,
    already_exists,
    domains_for,
    existing_place,
    kabupaten_list,
    kabupaten_name,
    places_for_codes,
    plan_places,
    plan_region,
    provinsi_list,
    region,
)

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_DOMAIN_PATTERNS",
    "DEFAULT_OFFICE_PATTERNS",
    "DEFAULT_REPEAT_PATTERN",
    "CsvResult",
    "Outcome",
    "OutcomeState",
    "Place",
    "already_exists",
    "domains_for",
    "existing_place",
    "kabupaten_list",
    "kabupaten_name",
    "parse_csv",
    "places_for_codes",
    "plan_offices",
    "plan_places",
    "plan_region",
    "provinsi_list",
    "region",
    "resume_job",
    "run",
    "run_job",
    "start_job",
]
