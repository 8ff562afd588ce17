package desk

import "relance/ledger/latereport"

// LateReport computes the management report's table of late payments (C. com. L441-14)
// of the dossier: opt's closing date, year and turnover, with the disputes the dossier
// records excluded. The window and `relance late-report` call it, so both give the same
// figures.
func (s *Session) LateReport(opt latereport.Options) (*latereport.Report, error) {
	opt.Disputed = s.Index.DisputedFunc()
	return latereport.Compute(s.Book, opt)
}
