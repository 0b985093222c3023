-- The chair's results, the minutes and every poll status count the voided slips. Without an index that count
-- read every issued slip, and after a count of 100,000 ballots had filled H2's page cache with ballots, it read
-- them from the file each time: a third of the time of the results of a 100,000-ballot poll (docs/performance.md).
-- The index holds what the table already holds (whether a slip is voided), nothing that links a slip to a ballot.
CREATE INDEX issued_token_voided ON issued_token (voided);
