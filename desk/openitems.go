package desk

import (
	"errors"

	"relance/ledger"
	"relance/ledger/store"
)

// OpenReadAt opens the dossier at path read-only for the figures of the open position
// at asOf: the aged balance (Aged) and the customer list (Customers), which `relance
// aged` and `relance customers` print. When asOf is on or after the dossier's latest
// activity (store.Tx.LoadOpen: every document, settlement and payment recorded by hand
// dated on or before it), the book holds only the open items: those figures are the
// same as from the whole book, read in a fraction of the time and memory, and the
// session is OpenOnly. At an earlier date it is OpenRead's session, the whole book.
func OpenReadAt(path string, asOf ledger.Date) (*Session, error) {
	db, err := openStore(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	s := &Session{DB: db, Path: path}
	var exact ledger.Date
	err = s.reload(func() (*ledger.Book, error) {
		book, from, err := db.LoadOpen(asOf)
		exact = from
		return book, err
	})
	if err != nil {
		return nil, errors.Join(err, db.Close())
	}
	s.OpenOnly = asOf >= exact
	return s, nil
}
