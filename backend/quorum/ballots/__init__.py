"""Council of members ballots: member practices vote, once each, named or in secret."""
