package desk

import "relance/ledger/latereport"

// LateReport computes the management report's table of late payments (C. com. L441-14)
// of the dossier: opt's closing date, year and turnover, with the disputes the dossier
// records excluded. The window and `relance late-report` call it, so both give the same
// figures. A session holding part of the history reads the financial year's for it (its
// turnover, the invoices paid late in it): from the year's first day, or the whole book
// when the closing date is before the dossier's latest activity (store.DB.LoadSince).
func (s *Session) LateReport(opt latereport.Options) (*latereport.Report, error) {
	opt.Disputed = s.Index.DisputedFunc()
	book := s.Book
	if opt.Closing.Valid() {
		start := opt.YearStart
		if !start.Valid() {
			start = latereport.YearStartOf(opt.Closing)
		}
		var err error
		if book, err = s.bookSince(opt.Closing, start); err != nil {
			return nil, err
		}
	}
	return latereport.Compute(book, opt)
}
