"""Reading contact lists (CSV, XLSX, vCard), mapping their columns to our fields and turning each
row into organisation and person data with per-row problems. Qt-free and store-free: the use
case (duplicates, one transaction, undo) lives in :mod:`zz_desktop.services.importing`."""
