"""The only place user text is interpreted: parsing and checking typed answers, never by eval."""
