-- Which server claimed a delivery being sent (server_instance.id): a server that starts, or sees another one
-- gone, puts back in the queue only the claims of servers without a heartbeat, never a live server's.
ALTER TABLE delivery ADD COLUMN claimed_by VARCHAR(64);
