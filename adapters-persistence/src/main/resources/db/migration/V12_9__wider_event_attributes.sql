-- A purchase's event lists every SKU and every category of its basket: 500 lines with 64-character
-- SKUs and categories are more than TEXT's 65,535 bytes, and the purchase failed with a 500. A
-- pushed event's attributes may be as long (50 attributes of 100 texts). MEDIUMTEXT holds 16 MB,
-- far more than the largest body the API reads (256 KiB) can become.
ALTER TABLE customer_event MODIFY attributes MEDIUMTEXT NOT NULL;
