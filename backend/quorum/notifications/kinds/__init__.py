"""Every kind of message Quorum sends, one module per area; `catalogue.KINDS` gathers them."""
