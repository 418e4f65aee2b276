"""Primary care contract records, held by area teams and seen by committees through delegations."""
