-- Documents carry the organisation's accent colour (#rrggbb); empty: Guildbook's own blue.
ALTER TABLE issuer_profile ADD COLUMN accent TEXT NOT NULL DEFAULT '';
