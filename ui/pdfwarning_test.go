package ui

import (
	"bytes"
	"strings"
	"testing"

	"relance/letters/statement"
)

// A document drawn with a character its fonts lack says so once, in the save message.
func TestPDFWarningShownOnce(t *testing.T) {
	a := openDemoApp(t, "fr")
	if a.pdfWarning() != "" {
		t.Fatal("a warning before any document")
	}
	id := a.book.Accounts[0].Customer.ID
	a.book.Account(id).Customer.Name += " 😀"
	var buf bytes.Buffer
	if err := a.sess.Statement(&buf, id, a.asOf, statement.Options{Factory: a.pdf()}); err != nil {
		t.Fatal(err)
	}
	if w := a.pdfWarning(); !strings.Contains(w, "😀") {
		t.Errorf("warning %q", w)
	}
	if a.pdfWarning() != "" {
		t.Error("the same warning twice")
	}
}
