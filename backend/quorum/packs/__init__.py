"""Board packs: one PDF per meeting and part, built with Typst, paginated, bookmarked and watermarked."""
