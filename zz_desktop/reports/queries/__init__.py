"""Query functions of the reports, one module per report; every printed figure comes from here."""
