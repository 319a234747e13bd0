"""Data files shipped with the app: code lists, fonts, translations, icons, branding."""
