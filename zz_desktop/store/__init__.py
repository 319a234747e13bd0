"""The encrypted local database: models, engine, migrations, change capture, search, backups."""
