"""Board papers: requested from an author, written with a cover sheet, approved by a sponsor, versioned."""
